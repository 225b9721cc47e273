import { randomUUID } from 'node:crypto';
import type { AppLogger } from '../../logging/logger.js';
import type { ScheduleStore } from '../../store/scheduleStore.js';

export interface ClaimLoopOptions {
  store: ScheduleStore;
  logger: AppLogger;
  replicaId: string;
  leaseMs: number;
  /** Ids claimed per script call. */
  batchSize: number;
  /** Occurrences this replica runs at once; it claims no more than it can start. */
  maxConcurrentJobs: number;
  run(claim: { bucket: number; sid: string; token: string }, now: Date): Promise<void>;
}

export interface ClaimLoop {
  /** Claims what is due at `now` (as much as there is room for) and waits until those runs end. */
  pass(now: Date): Promise<{ claimed: number }>;
  /** Stops claiming; resolves when every run already started has ended. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

/**
 * The claim side of a tick. Each bucket is drained in batches; a replica only claims as many as it
 * has free job slots, so it never holds leases on work it has not started (which would expire
 * unrenewed and be run twice). Replicas start at different buckets so they rarely contend.
 */
export function createClaimLoop(options: ClaimLoopOptions): ClaimLoop {
  const { store, logger } = options;
  const running = new Set<Promise<void>>();
  let stopping = false;
  let nextStart = Math.floor(Math.random() * store.buckets);

  const start = (claim: { bucket: number; sid: string; token: string }, now: Date) => {
    const job = options
      .run(claim, now)
      .catch((error: unknown) => {
        logger.log('error', 'scheduled claim failed', {
          err:
            error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
      })
      .finally(() => running.delete(job));
    running.add(job);
    return job;
  };

  return {
    get inFlight() {
      return running.size;
    },
    async pass(now) {
      const mine: Promise<void>[] = [];
      const due = await store.dueBuckets(now);
      const first = nextStart;
      nextStart = (nextStart + 1) % store.buckets;
      const order = [...due].sort(
        (a, b) =>
          ((a - first + store.buckets) % store.buckets) -
          ((b - first + store.buckets) % store.buckets),
      );
      for (const bucket of order) {
        if (stopping) break;
        for (;;) {
          if (stopping) break;
          while (running.size >= options.maxConcurrentJobs) await Promise.race(running);
          const room = Math.min(options.batchSize, options.maxConcurrentJobs - running.size);
          const token = `${options.replicaId}:${randomUUID()}`;
          const ids = await store.claimDue(bucket, now, options.leaseMs, room, token);
          for (const sid of ids) mine.push(start({ bucket, sid, token }, now));
          if (ids.length < room) break;
        }
      }
      await Promise.all(mine);
      return { claimed: mine.length };
    },
    async stop() {
      stopping = true;
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
