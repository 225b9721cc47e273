import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SchedulerEngineSettings } from '../../src/scheduler/engine/createSchedulerEngine.js';
import { createRedisScheduleStore } from '../../src/store/redis/scheduleRedisStore.js';
import type { FakeSlackApi } from '../../test/support/slack/fakeSlackApi.js';
import type { InteractionSample } from '../interactions/interactionBench.js';
import { commandCalls, commandDelta } from '../support/redisStats.js';
import { sampleRss } from '../support/rssSampler.js';
import { schedulerReplica } from './schedulerReplica.js';
import { PACED_CHANNEL, PLANS_IN_PACED_CHANNEL, seedDuePlans } from './seedPlans.js';

/** Section 2: N published plans due on one tick, run by a replica composed like the app's. */

export interface FanoutSample {
  /** Engine settings changed from src/app.ts's defaults (a what-if run), else undefined. */
  settings?: Partial<SchedulerEngineSettings>;
  plans: number;
  plansPerWorkspace: number;
  /** Tick → the last occurrence's handler started (claimed and running). */
  allClaimedMs: number;
  /** Tick → every occurrence done (posted). */
  allDoneMs: number;
  /** Claim script alone: every due schedule claimed in batches, nothing run. */
  claimOnlyMs?: number;
  posts: number;
  pacedChannelMaxPerSecond: number;
  rssBaselineMiB: number;
  rssPeakMiB: number;
  redisCommandsPerPlan: number;
  topCommands: Array<[string, number]>;
  errorLogs: number;
  /** Interaction load against the OpsPlan process while the fan-out ran. */
  interactive?: InteractionSample;
}

const MiB = 1024 * 1024;

export async function fanoutRun(options: {
  redisUrl: string;
  slack: FakeSlackApi;
  plans: number;
  plansPerWorkspace: number;
  settings?: Partial<SchedulerEngineSettings>;
  /** Runs alongside the fan-out and stops when told; its sample is attached. */
  interactive?: (until: () => boolean) => Promise<InteractionSample>;
}): Promise<FanoutSample> {
  const { slack, plans } = options;
  const redis = new Redis(options.redisUrl);
  let started = 0;
  let allClaimedAt = Number.NaN;
  let t0 = 0;
  const replica = schedulerReplica({
    redis,
    slackApiUrl: slack.url,
    ...(options.settings ? { settings: options.settings } : {}),
    onStart: () => {
      started += 1;
      if (started === plans) allClaimedAt = performance.now() - t0;
    },
  });
  try {
    const schedules = createRedisScheduleStore(redis);
    const run = randomBytes(3).toString('hex').toUpperCase();
    const { dueAt } = await seedDuePlans({
      published: replica.published,
      schedules,
      count: plans,
      run,
      plansPerWorkspace: options.plansPerWorkspace,
    });
    slack.reset();
    await redis.config('RESETSTAT');
    const before = await commandCalls(redis);
    const rss = sampleRss();
    let done = false;
    const interactive = options.interactive?.(() => done);
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() + 50 - Date.now()));
    t0 = performance.now();
    await replica.engine.tickJob.run(new Date());
    const allDoneMs = performance.now() - t0;
    done = true;
    const memory = rss.stop();
    const after = await commandCalls(redis);
    const delta = commandDelta(before, after);
    const total = delta.reduce((sum, [, n]) => sum + n, 0);
    const sample: FanoutSample = {
      ...(options.settings ? { settings: options.settings } : {}),
      plans,
      plansPerWorkspace: options.plansPerWorkspace,
      allClaimedMs: allClaimedAt,
      allDoneMs,
      posts: slack.callsTo('chat.postMessage').length,
      pacedChannelMaxPerSecond: slack.maxPostsPerSecond(PACED_CHANNEL),
      rssBaselineMiB: memory.baseline / MiB,
      rssPeakMiB: memory.peak / MiB,
      redisCommandsPerPlan: total / plans,
      topCommands: delta.slice(0, 6).map(([name, n]) => [name, n / plans]),
      errorLogs: (replica.logCounts.get('error') ?? 0) + (replica.logCounts.get('warn') ?? 0),
    };
    if (interactive) sample.interactive = await interactive;
    if (sample.posts < plans) {
      throw new Error(
        `only ${sample.posts} of ${plans} reminders were posted (${started} started); ${replica.problems.join('\n')}`,
      );
    }
    return sample;
  } finally {
    await replica.engine.stop();
    redis.disconnect();
    slack.reset();
  }
}

/**
 * The claim script on its own: `plans` schedules due, claimed in the engine's batch size until
 * none is left, nothing run. Separates the cost of claiming from the cost of running.
 */
export async function claimOnlyRun(redisUrl: string, plans: number): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    const replica = schedulerReplica({
      redis,
      slackApiUrl: 'http://127.0.0.1:9/',
      onStart: () => {},
    });
    const schedules = createRedisScheduleStore(redis);
    const run = randomBytes(3).toString('hex').toUpperCase();
    const { dueAt } = await seedDuePlans({
      published: replica.published,
      schedules,
      count: plans,
      run,
      plansPerWorkspace: 1,
      publishPlans: false,
    });
    const now = new Date(dueAt.getTime() + 500);
    let claimed = 0;
    const t0 = performance.now();
    const due = await schedules.dueBuckets(now);
    for (const bucket of due) {
      for (;;) {
        const ids = await schedules.claimDue(bucket, now, 3_600_000, 200, `claim-only:${run}`);
        claimed += ids.length;
        if (ids.length < 200) break;
      }
    }
    const ms = performance.now() - t0;
    if (claimed < plans) throw new Error(`claimed only ${claimed} of ${plans}`);
    return ms;
  } finally {
    redis.disconnect();
  }
}

export { PLANS_IN_PACED_CHANNEL };
