import type { AppLogger } from '../../logging/logger.js';
import type { DraftStore } from '../../store/draftStore.js';
import type { ScheduledJob } from '../schedulerClock.js';

/** Retention is counted in days; checking hourly is plenty and keeps each tick cheap. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Removes drafts nobody saved within the retention period. Owners were warned in App Home
 * beforehand; every removal is logged so an admin can tell what happened. Removal is one
 * atomic script per draft, so replicas sweeping at once cannot remove a draft twice or
 * remove one that was saved meanwhile.
 */
export function sweepAbandonedDraftsJob(
  drafts: DraftStore<unknown>,
  logger: AppLogger,
): ScheduledJob {
  let lastSweep: number | undefined;
  return {
    name: 'sweep-abandoned-drafts',
    async run(now) {
      if (lastSweep !== undefined && now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
      lastSweep = now.getTime();
      const removed = await drafts.sweepAbandoned(now);
      for (const draft of removed) {
        logger.log('info', 'abandoned draft removed', {
          workspace: draft.workspace,
          planId: draft.id,
          ownerId: draft.ownerId,
          lastSavedAt: draft.updatedAt.toISOString(),
        });
      }
    },
  };
}
