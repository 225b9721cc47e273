import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextOccurrence, ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import { createRedisScheduleStore } from '../../../src/store/redis/scheduleRedisStore.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { TEST_BOT_TOKEN } from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';

/**
 * Three scheduler replicas as separate processes (the engine with node-cron in distributed mode)
 * against one Redis and the fake Slack; a plan reminding every 2 s; one replica is killed with
 * SIGKILL mid-run and restarted, and Slack answers 429 a few times. Every occurrence is posted
 * exactly once, none is skipped, and the channel never sees more than one post per second. The same scenario through the whole app is in
 * replicasApp.test.ts.
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHANNEL = 'C0REMIND01';
const EVERY_TWO_SECONDS = ScheduleSpecSchema.parse({
  rule: { kind: 'cron', expression: '*/2 * * * * *' },
  timezone: 'UTC',
});

interface Replica {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<unknown>;
}

let redis: RedisServerHandle;
let slack: FakeSlackApi;
const replicas = new Map<string, Replica>();

function startReplica(id: string): Replica {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/scheduler/engine/support/engineReplica.ts'],
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        REDIS_URL: redis.url,
        SLACK_API_URL: slack.url,
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SCHEDULER_TICK: '* * * * * *',
        REMINDER_CHANNEL: CHANNEL,
        REPLICA_ID: id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const started = new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk;
      if (seen.includes('"replica started"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`replica ${id} exited early (${code})`)));
  });
  started.catch(() => undefined);
  const replica = { child, started, exited: once(child, 'exit') };
  replicas.set(id, replica);
  return replica;
}

async function postsAtLeast(count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (slack.messages(CHANNEL).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${slack.messages(CHANNEL).length} posts`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
});

afterAll(async () => {
  for (const { child, exited } of replicas.values()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  await slack?.close();
  await redis?.dispose();
});

describe('three scheduler replicas', () => {
  it('post exactly one reminder per occurrence over 20+ occurrences while one is killed -9 and restarted', async () => {
    const client = new Redis(redis.url);
    const store = createRedisScheduleStore(client);
    const now = new Date();
    await store.upsertSchedule(
      uniqueWorkspace() as WorkspaceKey,
      'plan1',
      { kind: 'revision_reminder', target: 'plan', spec: EVERY_TWO_SECONDS },
      now,
      nextOccurrence(EVERY_TWO_SECONDS, now)?.at,
    );
    client.disconnect();

    await Promise.all(['r0', 'r1', 'r2'].map((id) => startReplica(id).started));
    await postsAtLeast(3);
    // Slack rate-limits the next three posts: they are retried after Retry-After, not dropped.
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    await postsAtLeast(6);
    const victim = replicas.get('r1');
    victim?.child.kill('SIGKILL');
    await victim?.exited;
    await postsAtLeast(12);
    await startReplica('r1').started;
    await postsAtLeast(21);
    for (const { child, exited } of replicas.values()) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    }

    const periods = slack
      .messages(CHANNEL)
      .map((m) => m.text.replace(/^reminder | \(late\)$/g, ''));
    expect(periods.length).toBeGreaterThanOrEqual(21);
    expect(new Set(periods).size).toBe(periods.length);
    // No gap: consecutive occurrences, 2 s apart, none skipped while r1 was dead.
    const instants = periods.map((p) => Date.parse(`${p}Z`)).sort((a, b) => a - b);
    for (let i = 1; i < instants.length; i++) {
      expect((instants[i] ?? 0) - (instants[i - 1] ?? 0)).toBe(2_000);
    }
    expect(slack.maxPostsPerSecond(CHANNEL)).toBeLessThanOrEqual(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(periods.length + 3);
  }, 120_000);
});
