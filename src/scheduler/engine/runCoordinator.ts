import type { RunCoordinator } from 'node-cron';
import type { ScheduleStore } from '../../store/scheduleStore.js';

/**
 * node-cron's distributed mode asks this before each tick: the first replica to take the tick's
 * key (SET NX with a TTL) runs it, the others skip. It only saves work — two replicas ticking
 * at once is still correct, because every occurrence is claimed atomically before it runs
 * (see claimLoop.ts); so the coordinator failing open or closed never duplicates a send.
 */
export function createRedisRunCoordinator(store: ScheduleStore, replicaId: string): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => store.acquireTick(key, ttlMs, replicaId),
  };
}
