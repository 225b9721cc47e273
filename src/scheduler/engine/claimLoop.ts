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
 * The claim side of a tick. Due buckets are drained in turns; a replica only claims as many as it
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
      const first = nextStart;
      nextStart = (nextStart + 1) % store.buckets;
      const distance = (bucket: number) => (bucket - first + store.buckets) % store.buckets;
      let active = (await store.dueBuckets(now)).sort((a, b) => distance(a) - distance(b));
      // Round-robin over the due buckets, a share of the free slots each: one bucket's backlog
      // (a big workspace, paced by Slack's per-workspace limit) never holds every slot.
      while (active.length > 0 && !stopping) {
        const drained = new Set<number>();
        for (const bucket of active) {
          if (stopping) break;
          while (running.size >= options.maxConcurrentJobs) await Promise.race(running);
          const room = options.maxConcurrentJobs - running.size;
          const share = Math.max(1, Math.floor(room / active.length));
          const limit = Math.min(options.batchSize, room, share);
          const token = `${options.replicaId}:${randomUUID()}`;
          const ids = await store.claimDue(bucket, now, options.leaseMs, limit, token);
          for (const sid of ids) mine.push(start({ bucket, sid, token }, now));
          if (ids.length < limit) drained.add(bucket);
        }
        active = active.filter((bucket) => !drained.has(bucket));
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
