import { Redis } from 'ioredis';
import { createPlan, type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createSchedulerEngine } from '../../../src/scheduler/engine/createSchedulerEngine.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { backgroundClient } from '../../scheduler/engine/engineHarness.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../../support/app/testApp.js';
import type { FakeSlackApi } from '../../support/slack/fakeSlackApi.js';

/**
 * Shared set-up of the replica drills against the running app: a published plan whose revision
 * reminder is a 6-field cron every 2 s, replicas ticking every second, and what they logged.
 */

export const DRILL_CHANNEL = 'C0REMINDAPP';
export const DRILL_TEAM = 'T0FAKETEAM1';
export const DRILL_OWNER = 'U0PLANOWNER';
export const DRILL_PLAN_TITLE = 'Replica drill';
export const DRILL_TICK = '* * * * * *';

/** The environment of a spawned replica (`npm start`) ticking every second. */
export function drillEnv(slackUrl: string, redisUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slackUrl,
    REDIS_URL: redisUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    SCHEDULER_TICK: DRILL_TICK,
    // No load balancer routes around these replicas unless a test simulates one (and sets it).
    SHUTDOWN_DRAIN_MS: '0',
  };
}

/** A published plan posted in DRILL_CHANNEL, its reminder set to every 2 s. */
export async function publishDrillPlan(redisUrl: string, slackUrl: string): Promise<void> {
  const template = builtinTemplates().get('standard');
  if (!template) throw new Error('standard template missing');
  const ws = workspaceKey({ teamId: DRILL_TEAM });
  const plan: Plan = createPlan({
    title: DRILL_PLAN_TITLE,
    templateId: 'standard',
    stage: 'growth',
    audience: 'team',
    period: { start: '2026-01-01', end: '2027-12-31' },
    owner: DRILL_OWNER,
    language: 'en',
    timezone: 'UTC',
    channel: DRILL_CHANNEL,
  });
  const client = new Redis(redisUrl);
  try {
    const published = new RedisPublishedStore(client, PlanSchema);
    const planId = 'replica1';
    const { version } = await published.freeze(ws, planId, {
      doc: plan,
      title: plan.meta.title,
      ownerId: DRILL_OWNER,
      editorIds: [],
      publishedBy: DRILL_OWNER,
      publishedAt: new Date(),
      reviewSummary: { error: 0, warning: 0, tip: 0 },
    });
    const ts = '1700000000.000100';
    await published.attachPost(ws, planId, version, {
      channel: DRILL_CHANNEL,
      summaryTs: ts,
      threadTs: ts,
      sectionTs: [],
    });
    // What the settings modal stores, then the sync the app runs after it.
    const engine = createSchedulerEngine({
      redis: client,
      client: backgroundClient(slackUrl),
      logger: createLogger({ level: 'warn', write: () => undefined }),
      handlers: [],
    });
    await engine.saveSettings(ws, planId, {
      revision: { rule: { kind: 'cron', expression: '*/2 * * * * *' } },
    });
    await engine.syncPlanSchedules(ws, planId, { plan, template });
    await engine.stop();
  } finally {
    client.disconnect();
  }
}

/** Reminder occurrences (periodKeys) the engine logged as run, in the given replicas' log lines. */
export function ranReminderPeriods(lines: readonly string[]): string[] {
  const periods: string[] = [];
  for (const line of lines) {
    if (!line.includes('"scheduled job ran"')) continue;
    const record = JSON.parse(line) as { kind?: string; periodKey?: string };
    if (record.kind === 'revision_reminder' && record.periodKey) periods.push(record.periodKey);
  }
  return periods;
}

/** Waits until DRILL_CHANNEL holds at least `count` messages. */
export async function drillPostsAtLeast(slack: FakeSlackApi, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (slack.messages(DRILL_CHANNEL).length < count) {
    if (Date.now() > deadline) {
      throw new Error(`only ${slack.messages(DRILL_CHANNEL).length} posts`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
