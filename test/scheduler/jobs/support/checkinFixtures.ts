import type { Kpi, Phase } from '../../../../src/domain/fieldTypes.js';
import type { Stage } from '../../../../src/domain/lifecycle.js';
import type { Locale } from '../../../../src/domain/locale.js';
import { type Plan, PlanSchema } from '../../../../src/domain/plan.js';
import type { PublishedStore } from '../../../../src/store/publishedStore.js';
import type { WorkspaceKey } from '../../../../src/store/workspaceKey.js';

export const OWNER = 'U0PLANOWNER';
export const EDITOR = 'U0PLANEDIT1';
export const CHANNEL = 'C0PLANPOSTS';
/** Injection attempts that must reach Slack as inert text. */
export const INJECTION = '<!channel> <@U0HACKER01> <https://evil.example|click> & *bold*';

/** A fresh Slack-shaped id, so tests sharing one fake Slack never read each other's messages. */
export function freshId(prefix: 'U' | 'C'): string {
  return `${prefix}0${Math.random()
    .toString(36)
    .slice(2, 11)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')}`;
}

export function kpi(id: string, fields: Partial<Kpi> = {}): Kpi {
  return {
    id,
    name: `KPI ${id}`,
    baseline: 100,
    target: 200,
    unit: 'orders',
    direction: 'increase',
    deadline: '2027-12-31',
    ...fields,
  };
}

/** A published-ready plan on the `standard` template with the given KPIs and phases. */
export function planWith(options: {
  kpis: Kpi[];
  phases?: Phase[];
  stage?: Stage;
  language?: Locale;
  title?: string;
  channel?: string;
}): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: options.title ?? 'Growth plan 2027',
      templateId: 'standard',
      stage: options.stage ?? 'growth',
      audience: 'team',
      period: { start: '2027-01-01', end: '2027-12-31' },
      owner: OWNER,
      editors: [EDITOR],
      channel: options.channel ?? CHANNEL,
      language: options.language ?? 'en',
      timezone: 'Asia/Shanghai',
    },
    sections: {
      results: { kpis: options.kpis },
      ...(options.phases ? { strategy: { phases: options.phases } } : {}),
    },
  });
}

/** Freezes the plan as the next version and records its post in CHANNEL, as a publish does. */
export async function publish(
  store: PublishedStore<Plan>,
  ws: WorkspaceKey,
  planId: string,
  plan: Plan,
  at = new Date('2027-01-04T02:00:00Z'),
): Promise<number> {
  const { version } = await store.freeze(ws, planId, {
    doc: plan,
    title: plan.meta.title,
    ownerId: plan.meta.owner,
    editorIds: plan.meta.editors,
    publishedBy: plan.meta.owner,
    publishedAt: at,
    reviewSummary: { error: 0, warning: 0, tip: 0 },
  });
  const channel = plan.meta.channel ?? CHANNEL;
  await store.attachPost(ws, planId, version, {
    channel,
    summaryTs: `1700000000.00${version}`,
    threadTs: `1700000000.00${version}`,
    sectionTs: [],
  });
  return version;
}
