import { randomUUID } from 'node:crypto';
import type { Plan } from '../../src/domain/plan.js';
import type { Template } from '../../src/domain/template.js';
import type { DraftStore } from '../../src/store/draftStore.js';
import type { KpiValuesStore } from '../../src/store/kpiValuesStore.js';
import type { PublishedStore } from '../../src/store/publishedStore.js';
import type { WorkspaceKey } from '../../src/store/workspaceKey.js';
import { publish } from '../../test/scheduler/jobs/support/checkinFixtures.js';

/**
 * One plan-year as OpsPlan writes it: a draft saved once per interview step (create + one save per
 * section, as a real interview does), the plan published once, and 52 weekly check-in rounds in
 * which the owner reports all 10 KPIs and the round's digest is posted (as the digest job records it).
 */

export const KPIS_PER_PLAN = 10;
export const WEEKS = 52;
const OWNER = 'U0KPIOWNER1';

export interface PlanYearStores {
  drafts: DraftStore<Plan>;
  published: PublishedStore<Plan>;
  values: KpiValuesStore;
}

export async function writePlanYear(
  stores: PlanYearStores,
  ws: WorkspaceKey,
  plan: Plan,
  template: Template,
): Promise<void> {
  const meta = { ...plan.meta, owner: OWNER };
  const base = { title: meta.title, ownerId: OWNER, by: OWNER };
  let record = await stores.drafts.create(ws, {
    ...base,
    editorIds: [],
    doc: { ...plan, meta, sections: {} },
  });
  const sections: Plan['sections'] = {};
  for (const section of template.sections) {
    const answer = plan.sections[section.id];
    if (answer) sections[section.id] = answer;
    const saved = await stores.drafts.save(ws, record.id, {
      ...base,
      expectedVersion: record.version,
      doc: { ...plan, meta, sections: { ...sections } },
    });
    if (!saved.ok) throw new Error(`draft save failed: ${saved.reason}`);
    record = saved.record;
  }
  await publish(stores.published, ws, record.id, record.doc);

  const kpiIds = Array.from({ length: KPIS_PER_PLAN }, (_, i) => `kpi-${i + 1}`);
  const start = Date.parse('2027-01-04T02:00:00Z');
  for (let week = 1; week <= WEEKS; week++) {
    const periodKey = `2027-W${String(week).padStart(2, '0')}`;
    const openedAt = new Date(start + (week - 1) * 7 * 24 * 3600_000);
    const round = await stores.values.openRound(ws, {
      roundId: `${periodKey}~kpi-1`,
      planId: record.id,
      version: 1,
      periodKey,
      openedAt,
      closesAt: new Date(openedAt.getTime() + 24 * 3600_000),
      kpiIds,
      owners: { [OWNER]: kpiIds },
      trigger: 'schedule',
    });
    const answered = await stores.values.recordAnswer(ws, record.id, round.roundId, {
      userId: OWNER,
      at: new Date(openedAt.getTime() + 3600_000),
      values: Object.fromEntries(kpiIds.map((id, i) => [id, 1234.5678 + week * (i + 1)])),
    });
    const postedAt = new Date(openedAt.getTime() + 3600_000);
    await stores.values.claimDigest(ws, record.id, round.roundId, {
      token: randomUUID(),
      nowMs: postedAt.getTime(),
      leaseMs: 60_000,
    });
    await stores.values.attachDigest(ws, record.id, round.roundId, {
      channel: 'C0PLANS0001',
      ts: `${Math.floor(postedAt.getTime() / 1000)}.000100`,
      postedAt,
      revision: answered?.revision ?? 0,
    });
  }
}
