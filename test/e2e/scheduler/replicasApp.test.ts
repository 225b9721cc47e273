import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlan, type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createSchedulerEngine } from '../../../src/scheduler/engine/createSchedulerEngine.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { backgroundClient } from '../../scheduler/engine/engineHarness.js';
import { type SpawnedApp, spawnApp } from '../../support/app/spawnApp.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type TestApp,
} from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';

/**
 * The acceptance scenario through the real app: three replicas (two in this process, one spawned
 * as `npm start` does) against one Redis and the fake Slack, ticking every second; a published plan
 * whose revision reminder is a 6-field cron every 2 s. One replica is killed with SIGKILL and
 * restarted mid-run, and Slack answers 429 a few times. Every occurrence is reminded exactly once
 * (the engine logs which occurrence it ran; the channel holds exactly one post per occurrence),
 * none is skipped, and the channel never sees more than one post per second.
 * The same scenario against engine replicas alone runs in replicasEngine.test.ts.
 */

const CHANNEL = 'C0REMINDAPP';
const TEAM = 'T0FAKETEAM1';
const OWNER = 'U0PLANOWNER';
const TICK = '* * * * * *';

let redis: RedisServerHandle;
let slack: FakeSlackApi;
const inProcess: TestApp[] = [];
const spawned: SpawnedApp[] = [];

function env(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    REDIS_URL: redis.url,
    PORT: '0',
    LOG_LEVEL: 'info',
    SCHEDULER_TICK: TICK,
  };
}

/** A published plan posted in CHANNEL, its reminder set to every 2 s. */
async function publishPlan(): Promise<void> {
  const template = builtinTemplates().get('standard');
  if (!template) throw new Error('standard template missing');
  const ws = workspaceKey({ teamId: TEAM });
  const plan: Plan = createPlan({
    title: 'Replica drill',
    templateId: 'standard',
    stage: 'growth',
    audience: 'team',
    period: { start: '2026-01-01', end: '2027-12-31' },
    owner: OWNER,
    language: 'en',
    timezone: 'UTC',
    channel: CHANNEL,
  });
  const client = new Redis(redis.url);
  try {
    const published = new RedisPublishedStore(client, PlanSchema);
    const planId = 'replica1';
    const { version } = await published.freeze(ws, planId, {
      doc: plan,
      title: plan.meta.title,
      ownerId: OWNER,
      editorIds: [],
      publishedBy: OWNER,
      publishedAt: new Date(),
      reviewSummary: { error: 0, warning: 0, tip: 0 },
    });
    const ts = '1700000000.000100';
    await published.attachPost(ws, planId, version, {
      channel: CHANNEL,
      summaryTs: ts,
      threadTs: ts,
      sectionTs: [],
    });
    // What the settings modal stores, then the sync the app runs after it.
    const engine = createSchedulerEngine({
      redis: client,
      client: backgroundClient(slack.url),
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

/** Occurrences the engine logged as run (periodKeys), across every replica's log lines. */
function ranPeriods(): string[] {
  const lines = [...inProcess.flatMap((a) => a.logs), ...spawned.flatMap((a) => a.stdout)];
  const periods: string[] = [];
  for (const line of lines) {
    if (!line.includes('"scheduled job ran"')) continue;
    const record = JSON.parse(line) as { kind?: string; periodKey?: string };
    if (record.kind === 'revision_reminder' && record.periodKey) periods.push(record.periodKey);
  }
  return periods;
}

async function postsAtLeast(count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (slack.messages(CHANNEL).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${slack.messages(CHANNEL).length} posts`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('three replicas of the app', () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
  });

  afterAll(async () => {
    for (const app of spawned) {
      if (app.child.exitCode === null && app.child.signalCode === null) {
        app.child.kill('SIGKILL');
        await app.exited;
      }
    }
    await Promise.all(inProcess.map((a) => a.stop()));
    await slack?.close();
    await redis?.dispose();
  });

  it('remind exactly once per occurrence over 20+ occurrences while one is killed -9 and restarted', async () => {
    await publishPlan();
    for (let i = 0; i < 2; i++) {
      inProcess.push(
        await startTestApp({
          slackApiUrl: slack.url,
          redisUrl: redis.url,
          env: { SCHEDULER_TICK: TICK },
        }),
      );
    }
    const first = spawnApp(env());
    spawned.push(first);
    await first.started;

    await postsAtLeast(3);
    // Slack rate-limits the next three posts: retried after Retry-After, never dropped or doubled.
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    await postsAtLeast(6);
    first.child.kill('SIGKILL');
    await first.exited;
    await postsAtLeast(12);
    const second = spawnApp(env());
    spawned.push(second);
    await second.started;
    await postsAtLeast(21);
    second.child.kill('SIGTERM');
    await second.exited;
    await Promise.all(inProcess.map((a) => a.stop()));

    const posts = slack.messages(CHANNEL).filter((m) => !m.thread_ts);
    const periods = [...new Set(ranPeriods())].sort();
    expect(periods.length).toBeGreaterThanOrEqual(21);
    expect(posts).toHaveLength(periods.length);
    const instants = periods.map((p) => Date.parse(`${p}Z`));
    for (let i = 1; i < instants.length; i++) {
      expect((instants[i] ?? 0) - (instants[i - 1] ?? 0)).toBe(2_000);
    }
    expect(slack.maxPostsPerSecond(CHANNEL)).toBeLessThanOrEqual(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts.length + 3);
    slack.assertNoViolations();
  }, 150_000);
});
