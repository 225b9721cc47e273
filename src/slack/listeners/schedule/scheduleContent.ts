import type { App } from '@slack/bolt';
import type { JobHandler } from '../../../scheduler/engine/contract.js';
import type { Subcommand } from '../../commands/subcommand.js';
import type { ScheduleContentDeps } from './scheduleDeps.js';

export type { ScheduleContentDeps, ScheduleEnginePort } from './scheduleDeps.js';

/** The scheduler's content: job handlers for the engine, listeners and subcommands for Bolt. */
export interface ScheduleContent {
  /** One per job kind: revision_reminder, kpi_checkin, checkin_nudge, checkin_digest. */
  handlers: JobHandler[];
  /** The Report button and modal of check-ins, and the settings modal. */
  registerListeners(app: App): void;
  /** `/opsplan settings <plan>`, `/opsplan remind <plan> now`, `/opsplan checkin <plan> now`. */
  subcommands: Subcommand[];
}

/**
 * Everything the scheduler sends and the interactions around it. The engine decides when (claims,
 * leases, pacing); these handlers decide what is said and to whom.
 */
export function createScheduleContent(deps: ScheduleContentDeps): ScheduleContent {
  void deps;
  // Filled in as the handlers land (signature committed first so the composition root can wire it).
  return { handlers: [], registerListeners: () => {}, subcommands: [] };
}
