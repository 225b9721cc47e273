import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { PlanSchema } from '../../src/domain/plan.js';
import type { SchedulerEngineSettings } from '../../src/scheduler/engine/createSchedulerEngine.js';
import { RedisPublishedStore } from '../../src/store/redis/publishedRedisStore.js';
import { createRedisScheduleStore } from '../../src/store/redis/scheduleRedisStore.js';
import type { FakeSlackApi } from '../../test/support/slack/fakeSlackApi.js';
import type { InteractionSample } from '../interactions/interactionBench.js';
import { commandCalls, commandDelta } from '../support/redisStats.js';
import type { ParentMessage, ReplicaMessage } from './replicaProcess.js';
import { schedulerReplica } from './schedulerReplica.js';
import { PACED_CHANNEL, PLANS_IN_PACED_CHANNEL, seedDuePlans } from './seedPlans.js';

/**
 * Section 2: N published plans due on one tick, run by a replica composed like the app's, in its
 * own process (replicaProcess.ts) so its memory figures are the engine's alone.
 */

const REPLICA_ENTRY = fileURLToPath(new URL('./replicaProcess.ts', import.meta.url));

export interface FanoutSample {
  /** Engine settings changed from src/app.ts's defaults (a what-if run), else undefined. */
  settings?: Partial<SchedulerEngineSettings>;
  plans: number;
  plansPerWorkspace: number;
  /** Tick → no seeded schedule left due and unclaimed in Redis (every one leased by the replica). */
  allClaimedMs: number;
  /** Tick → the last occurrence's handler started. */
  allStartedMs: number;
  /** Tick → every occurrence done (posted). */
  allDoneMs: number;
  /** Claim script alone: every due schedule claimed in batches, nothing run. */
  claimOnlyMs?: number;
  posts: number;
  pacedChannelMaxPerSecond: number;
  /** The replica process' RSS (it runs alone: no fake Slack, no bench bookkeeping). */
  rssBaselineMiB: number;
  rssPeakMiB: number;
  /** The replica's heap after a full GC: before the tick, half-way through, after. */
  heapBeforeMiB: number;
  heapMidMiB: number;
  heapAfterMiB: number;
  /** Sampled heap peak during the tick, garbage included. */
  heapPeakMiB: number;
  redisCommandsPerPlan: number;
  topCommands: Array<[string, number]>;
  errorLogs: number;
  /** Payloads the fake Slack rejected, or its own crashes (each a failed post). */
  slackViolations: number;
  /** The first few warn and error lines the replica logged, and fake Slack violations. */
  problems: string[];
  /** Interaction load against the OpsPlan process while the fan-out ran. */
  interactive?: InteractionSample;
}

/** The replica in its own process (see replicaProcess.ts), driven over IPC. */
async function forkReplica(options: {
  redisUrl: string;
  slackApiUrl: string;
  settings?: Partial<SchedulerEngineSettings>;
}) {
  const child = fork(REPLICA_ENTRY, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: options.redisUrl,
      SLACK_API_URL: options.slackApiUrl,
      ...(options.settings ? { ENGINE_SETTINGS: JSON.stringify(options.settings) } : {}),
    },
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const next = <T extends ReplicaMessage['type']>(type: T) =>
    new Promise<Extract<ReplicaMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ReplicaMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ReplicaMessage, { type: T }>);
      };
      child.on('message', onMessage);
      void exited.then(([code]) => reject(new Error(`replica exited (${String(code)})`)));
    });
  await next('ready');
  const tell = (message: ParentMessage) => child.send(message);
  return {
    async tick(plans: number, dueAt: Date) {
      const result = next('result');
      tell({ type: 'tick', plans, dueAtMs: +dueAt });
      return result;
    },
    async stop() {
      if (child.exitCode !== null) return;
      tell({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

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
  const replica = await forkReplica({
    redisUrl: options.redisUrl,
    slackApiUrl: slack.url,
    ...(options.settings ? { settings: options.settings } : {}),
  });
  try {
    const schedules = createRedisScheduleStore(redis);
    const run = randomBytes(3).toString('hex').toUpperCase();
    const { dueAt } = await seedDuePlans({
      published: new RedisPublishedStore(redis, PlanSchema),
      schedules,
      count: plans,
      run,
      plansPerWorkspace: options.plansPerWorkspace,
    });
    slack.reset();
    await redis.config('RESETSTAT');
    const before = await commandCalls(redis);
    let done = false;
    const interactive = options.interactive?.(() => done);
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() + 50 - Date.now()));
    const result = await replica.tick(plans, dueAt);
    done = true;
    const after = await commandCalls(redis);
    // The poller's own ZCOUNTs are the bench's, not the engine's.
    const delta = commandDelta(before, after, ['info', 'config', 'ping', 'zcount']);
    const total = delta.reduce((sum, [, n]) => sum + n, 0);
    const sample: FanoutSample = {
      ...(options.settings ? { settings: options.settings } : {}),
      plans,
      plansPerWorkspace: options.plansPerWorkspace,
      allClaimedMs: result.allClaimedMs,
      allStartedMs: result.allStartedMs,
      allDoneMs: result.allDoneMs,
      posts: slack.callsTo('chat.postMessage').length,
      pacedChannelMaxPerSecond: slack.maxPostsPerSecond(PACED_CHANNEL),
      rssBaselineMiB: result.rssBeforeMiB,
      rssPeakMiB: result.rssPeakMiB,
      heapBeforeMiB: result.heapBeforeMiB,
      heapMidMiB: result.heapMidMiB,
      heapAfterMiB: result.heapAfterMiB,
      heapPeakMiB: result.heapPeakMiB,
      redisCommandsPerPlan: total / plans,
      topCommands: delta.slice(0, 6).map(([name, n]) => [name, n / plans]),
      errorLogs: (result.logCounts.error ?? 0) + (result.logCounts.warn ?? 0),
      slackViolations: slack.violations.length,
      problems: [
        ...result.problems,
        ...slack.violations.slice(0, 3).map((v) => `${v.method}: ${v.errors.join('; ')}`),
      ],
    };
    if (interactive) sample.interactive = await interactive;
    // A post the fake rejected (or crashed on) was called but never landed: not a figure to report.
    if (sample.posts < plans || sample.slackViolations > 0) {
      throw new Error(
        `${sample.posts} of ${plans} reminders posted, ${sample.slackViolations} rejected by the fake Slack (${result.started} started); ${sample.problems.join('\n')}`,
      );
    }
    return sample;
  } finally {
    await replica.stop();
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
