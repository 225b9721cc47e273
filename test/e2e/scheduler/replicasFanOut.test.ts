import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlan, PlanSchema } from '../../../src/domain/plan.js';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { createRedisScheduleStore } from '../../../src/store/redis/scheduleRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type TestApp,
} from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import { createSlackRequestClient } from '../../support/slack/signedRequests.js';

/**
 * Fan-out: 240 plans in 8 workspaces, each posted in its own channel, all due on the same second,
 * handled by two app replicas. Every plan is reminded exactly once, and slash commands sent to a
 * replica during the fan-out are answered well inside Slack's 3 s.
 */

const PLANS_PER_WORKSPACE = 30;
const WORKSPACES = 8;
const OWNER = 'U0FANOWNER1';

let redis: RedisServerHandle;
let slack: FakeSlackApi;
const apps: TestApp[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await slack?.close();
  await redis?.dispose();
});

/** Publishes every plan in its own channel with a reminder due at `at` (a daily 6-field cron). */
async function seed(at: Date): Promise<string[]> {
  const client = new Redis(redis.url);
  const published = new RedisPublishedStore(client, PlanSchema);
  const schedules = createRedisScheduleStore(client);
  const spec = ScheduleSpecSchema.parse({
    rule: {
      kind: 'cron',
      expression: `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`,
    },
    timezone: 'UTC',
  });
  const channels: string[] = [];
  const created = new Date();
  for (let w = 0; w < WORKSPACES; w++) {
    const ws = workspaceKey({ teamId: uniqueWorkspace() });
    await Promise.all(
      Array.from({ length: PLANS_PER_WORKSPACE }, async (_, p) => {
        const channel = `C0FAN${w}X${String(p).padStart(3, '0')}`;
        channels.push(channel);
        const planId = `fan${w}x${p}`;
        const plan = createPlan({
          title: `Fan-out ${w}/${p}`,
          templateId: 'standard',
          stage: 'growth',
          audience: 'team',
          period: { start: '2026-01-01', end: '2027-12-31' },
          owner: OWNER,
          language: 'en',
          timezone: 'UTC',
          channel,
        });
        const { version } = await published.freeze(ws, planId, {
          doc: plan,
          title: plan.meta.title,
          ownerId: OWNER,
          editorIds: [],
          publishedBy: OWNER,
          publishedAt: created,
          reviewSummary: { error: 0, warning: 0, tip: 0 },
        });
        const ts = '1700000000.000100';
        await published.attachPost(ws, planId, version, {
          channel,
          summaryTs: ts,
          threadTs: ts,
          sectionTs: [],
        });
        await schedules.upsertSchedule(
          ws,
          planId,
          { kind: 'revision_reminder', target: 'plan', spec },
          created,
          at,
        );
      }),
    );
  }
  client.disconnect();
  return channels;
}

describe('fan-out of many due plans', () => {
  it('reminds every plan once and keeps slash commands fast meanwhile', async () => {
    for (let i = 0; i < 2; i++) {
      apps.push(
        await startTestApp({
          slackApiUrl: slack.url,
          redisUrl: redis.url,
          env: { SCHEDULER_TICK: '* * * * * *' },
        }),
      );
    }
    const due = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
    const channels = await seed(due);
    const commands = createSlackRequestClient({
      appUrl: apps[0]?.url ?? '',
      signingSecret: TEST_SIGNING_SECRET,
    });

    const latencies: number[] = [];
    await slack.waitForCall('chat.postMessage', undefined, 15_000);
    const deadline = Date.now() + 60_000;
    while (slack.callsTo('chat.postMessage').length < channels.length && Date.now() < deadline) {
      const res = await commands.slashCommand({
        teamId: 'T0FAKETEAM1',
        userId: OWNER,
        text: 'help',
        responseUrl: slack.responseUrl(),
      });
      expect(res.status).toBe(200);
      latencies.push(res.ms);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    for (const channel of channels) expect(slack.messages(channel)).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(channels.length);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(1_500);
    console.info(
      `fan-out of ${channels.length} reminders; slash command latency max ${Math.max(...latencies)} ms over ${latencies.length} commands`,
    );
  }, 120_000);
});
