import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
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
 * Downtime in real processes: the only scheduler replica stops, the 2 s reminder keeps coming due,
 * and after ~11 s it starts again with a 5 s grace window. It sends the newest missed occurrence
 * once, marked late, then carries on on time; the older missed ones are logged as skipped and
 * never sent (no flood).
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHANNEL = 'C0CATCHUP1';
const SPEC = ScheduleSpecSchema.parse({
  rule: { kind: 'cron', expression: '*/2 * * * * *' },
  timezone: 'UTC',
});

let redis: RedisServerHandle;
let slack: FakeSlackApi;
const children: ChildProcess[] = [];

function startReplica(stdout: string[]) {
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
        REPLICA_ID: `r${children.length}`,
        GRACE_MS: '5000',
        ON_TIME_MS: '1500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines);
  });
  return { child, exited: once(child, 'exit') };
}

async function postsAtLeast(count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (slack.messages(CHANNEL).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${slack.messages(CHANNEL).length} posts`);
    await sleep(100);
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await slack?.close();
  await redis?.dispose();
});

describe('catch-up after downtime', () => {
  it('one late send inside the grace window, none for older occurrences (logged as skipped)', async () => {
    const client = new Redis(redis.url);
    const now = new Date();
    await createRedisScheduleStore(client).upsertSchedule(
      uniqueWorkspace() as WorkspaceKey,
      'plan1',
      { kind: 'revision_reminder', target: 'plan', spec: SPEC },
      now,
      nextOccurrence(SPEC, now)?.at,
    );
    client.disconnect();

    const before: string[] = [];
    const first = startReplica(before);
    await postsAtLeast(2);
    first.child.kill('SIGTERM');
    await first.exited;
    const postedBefore = slack.messages(CHANNEL).length;
    // Downtime: real time has to pass for occurrences to be missed.
    await sleep(11_000);
    const after: string[] = [];
    const restartedAt = Date.now();
    startReplica(after);
    await postsAtLeast(postedBefore + 3);

    const texts = slack.messages(CHANNEL).map((m) => m.text);
    const resumed = texts.slice(postedBefore);
    const instantOf = (text: string) =>
      Date.parse(`${text.replace(/^reminder | \(late\)$/g, '')}Z`);
    // The first send after the restart is the missed one, marked late…
    expect(resumed[0]).toMatch(/\(late\)$/);
    // …and it is the only occurrence from the downtime that is sent: no flood. (Later sends are
    // on time, or late only if a loaded machine delayed their tick.)
    const fromDowntime = resumed.filter((t) => instantOf(t) < restartedAt);
    expect(fromDowntime.length).toBeLessThanOrEqual(1);
    expect(fromDowntime.every((t) => t.endsWith('(late)'))).toBe(true);

    const skipped = after
      .filter((line) => line.includes('"scheduled occurrence skipped'))
      .map((line) => (JSON.parse(line) as { periodKey: string }).periodKey);
    expect(skipped.length).toBeGreaterThanOrEqual(2);
    const sent = new Set(texts.map((t) => t.replace(/^reminder | \(late\)$/g, '')));
    expect(skipped.some((p) => sent.has(p))).toBe(false);
    // Nothing between the last send before the downtime and the late one is missing from the log.
    const instants = [...sent, ...skipped].map((p) => Date.parse(`${p}Z`)).sort((a, b) => a - b);
    for (let i = 1; i < instants.length; i++) {
      expect((instants[i] ?? 0) - (instants[i - 1] ?? 0)).toBe(2_000);
    }
  }, 90_000);
});
