import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedApp, spawnApp } from '../../support/app/spawnApp.js';
import { startTestApp, TEST_BOT_TOKEN, type TestApp } from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import {
  DRILL_CHANNEL,
  DRILL_TICK,
  drillEnv,
  drillPostsAtLeast,
  publishDrillPlan,
  ranReminderPeriods,
} from './reminderDrill.js';

/**
 * The acceptance scenario through the real app: three replicas (two in this process, one spawned
 * as `npm start` does) against one Redis and the fake Slack, ticking every second; a published plan
 * whose revision reminder is a 6-field cron every 2 s. One replica is killed with SIGKILL and
 * restarted mid-run, and Slack answers 429 a few times. Every occurrence is reminded exactly once
 * (the engine logs which occurrence it ran; the channel holds exactly one post per occurrence),
 * none is skipped, and the channel never sees more than one post per second.
 * The same scenario against engine replicas alone runs in replicasEngine.test.ts.
 */

const CHANNEL = DRILL_CHANNEL;
const TICK = DRILL_TICK;

let redis: RedisServerHandle;
let slack: FakeSlackApi;
const inProcess: TestApp[] = [];
const spawned: SpawnedApp[] = [];

const env = () => drillEnv(slack.url, redis.url);
const publishPlan = () => publishDrillPlan(redis.url, slack.url);

/** Occurrences the engine logged as run (periodKeys), across every replica's log lines. */
function ranPeriods(): string[] {
  return ranReminderPeriods([
    ...inProcess.flatMap((a) => a.logs),
    ...spawned.flatMap((a) => a.stdout),
  ]);
}

const postsAtLeast = (count: number, timeoutMs?: number) =>
  drillPostsAtLeast(slack, count, timeoutMs);

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
    // A post can land before its occurrence is logged as run (a replica that lost the lease leaves
    // the log line to the one that takes over): stop only once the log has caught up.
    const deadline = Date.now() + 30_000;
    while (new Set(ranPeriods()).size < 21 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    second.child.kill('SIGTERM');
    await second.exited;
    await Promise.all(inProcess.map((a) => a.stop()));

    const posts = slack.messages(CHANNEL).filter((m) => !m.thread_ts);
    const periods = [...new Set(ranPeriods())].sort();
    expect(
      periods.length,
      `${posts.length} posts for periods ${periods.join(' ')}`,
    ).toBeGreaterThanOrEqual(21);
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
