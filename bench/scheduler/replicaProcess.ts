import { Redis } from 'ioredis';
import type { SchedulerEngineSettings } from '../../src/scheduler/engine/createSchedulerEngine.js';
import { bucketKeys, SCHEDULE_BUCKETS } from '../../src/store/redis/scheduleKeys.js';
import { schedulerReplica } from './schedulerReplica.js';

/**
 * The fan-out's scheduler replica in a process of its own (forked by fanoutBench with
 * `--expose-gc`), so its memory is the engine's and its content handlers', not the fake Slack's
 * stored posts nor the bench's bookkeeping. Env: REDIS_URL, SLACK_API_URL, optional
 * ENGINE_SETTINGS (JSON). Protocol on the IPC channel: see ReplicaMessage / ParentMessage.
 */

export type ParentMessage =
  /** `dueAtMs`: every seeded schedule is due then (earlier runs' are done, due next year). */
  { type: 'tick'; plans: number; dueAtMs: number } | { type: 'stop' };

export interface ReplicaTickResult {
  type: 'result';
  /**
   * Tick → no seeded schedule left due and unclaimed in Redis (each leased by this replica), seen
   * by polling Redis on a connection of its own. Polled here, not in the bench process: that one
   * also runs the fake Slack, whose validation of every post would delay the poll's answer.
   */
  allClaimedMs: number;
  /** Tick → the last occurrence's handler started, measured here. */
  allStartedMs: number;
  /** Tick → `tickJob.run` resolved (every occurrence done), measured here. */
  allDoneMs: number;
  started: number;
  /** Heap in use after a full GC: before the tick, half-way (half the handlers started), after. */
  heapBeforeMiB: number;
  heapMidMiB: number;
  heapAfterMiB: number;
  /** Peaks sampled every 20 ms during the tick (garbage included). */
  heapPeakMiB: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  logCounts: Record<string, number>;
  problems: string[];
}

export type ReplicaMessage = { type: 'ready' } | ReplicaTickResult | { type: 'stopped' };

const MiB = 1024 * 1024;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

// --expose-gc puts gc() on globalThis; without it the heap figures would include garbage.
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed / MiB;
};

const send = (message: ReplicaMessage) => process.send?.(message);
const redis = new Redis(env('REDIS_URL'));
let started = 0;
let target = Number.POSITIVE_INFINITY;
let t0 = 0;
let lastStartMs = Number.NaN;
let heapMid = Number.NaN;
const settings = process.env.ENGINE_SETTINGS
  ? (JSON.parse(process.env.ENGINE_SETTINGS) as Partial<SchedulerEngineSettings>)
  : undefined;
const replica = schedulerReplica({
  redis,
  slackApiUrl: env('SLACK_API_URL'),
  ...(settings ? { settings } : {}),
  onStart: () => {
    started += 1;
    lastStartMs = performance.now() - t0;
    // Once, half-way: what the engine holds while half the fan-out is still queued.
    if (started === Math.floor(target / 2)) heapMid = heapAfterGc();
  },
});

/** How often to look for due schedules nobody has claimed yet. */
const CLAIM_POLL_MS = 5;
const poller = new Redis(env('REDIS_URL'));

/** Due and unclaimed across every bucket at `atMs` (a claim pushes the score to its lease end). */
async function unclaimedDue(atMs: number): Promise<number> {
  const pipeline = poller.pipeline();
  for (let b = 0; b < SCHEDULE_BUCKETS; b++) pipeline.zcount(bucketKeys(b).due, '-inf', atMs);
  const replies = (await pipeline.exec()) ?? [];
  return replies.reduce((sum, [, n]) => sum + Number(n), 0);
}

async function allClaimed(dueAtMs: number): Promise<number> {
  for (;;) {
    if ((await unclaimedDue(dueAtMs)) === 0) return performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
  }
}

async function tick(plans: number, dueAtMs: number): Promise<ReplicaTickResult> {
  started = 0;
  target = plans;
  heapMid = Number.NaN;
  const heapBefore = heapAfterGc();
  const rssBefore = process.memoryUsage.rss() / MiB;
  let heapPeak = heapBefore;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed / MiB);
    rssPeak = Math.max(rssPeak, usage.rss / MiB);
  }, 20);
  t0 = performance.now();
  const claimed = allClaimed(dueAtMs);
  await replica.engine.tickJob.run(new Date());
  const allDoneMs = performance.now() - t0;
  clearInterval(sampler);
  return {
    type: 'result',
    allClaimedMs: await claimed,
    allStartedMs: lastStartMs,
    allDoneMs,
    started,
    heapBeforeMiB: heapBefore,
    heapMidMiB: heapMid,
    heapAfterMiB: heapAfterGc(),
    heapPeakMiB: heapPeak,
    rssBeforeMiB: rssBefore,
    rssPeakMiB: rssPeak,
    logCounts: Object.fromEntries(replica.logCounts),
    problems: replica.problems,
  };
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'tick') {
    tick(message.plans, message.dueAtMs).then(send, (error: unknown) => {
      process.stderr.write(`replica tick failed: ${String(error)}\n`);
      process.exit(1);
    });
  } else {
    void replica.engine.stop().then(() => {
      redis.disconnect();
      poller.disconnect();
      send({ type: 'stopped' });
      process.disconnect();
    });
  }
});
send({ type: 'ready' });
