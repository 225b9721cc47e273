import type { App } from '@slack/bolt';
import type { JobHandler } from '../../../scheduler/engine/contract.js';
import { checkinDigestJob } from '../../../scheduler/jobs/checkinDigestJob.js';
import { checkinNudgeJob } from '../../../scheduler/jobs/checkinNudgeJob.js';
import { kpiCheckinJob } from '../../../scheduler/jobs/kpiCheckinJob.js';
import { revisionReminderJob } from '../../../scheduler/jobs/revisionReminderJob.js';
import {
  localeOfUserVia,
  type ScheduleJobDeps,
} from '../../../services/checkins/scheduleJobDeps.js';
import { createRedisKpiValuesStore } from '../../../store/redis/kpiValuesRedisStore.js';
import type { Subcommand } from '../../commands/subcommand.js';
import { registerReportListeners } from './reportListeners.js';
import { registerSettingsListeners, scheduleSubcommands } from './scheduleCommands.js';
import type { ScheduleContentDeps } from './scheduleDeps.js';

export type { ScheduleContentDeps, ScheduleEnginePort } from './scheduleDeps.js';

/** The scheduler's content: job handlers for the engine, listeners and subcommands for Bolt. */
export interface ScheduleContent {
  /** One per job kind: revision_reminder, kpi_checkin, checkin_nudge, checkin_digest. */
  handlers: JobHandler[];
  /** The Report button and modal of check-ins, and the settings modal and its App Home button. */
  registerListeners(app: App): void;
  /** `/opsplan settings <plan>`, `/opsplan remind <plan> now`, `/opsplan checkin <plan> now`. */
  subcommands: Subcommand[];
}

/**
 * Everything the scheduler sends and the interactions around it. The engine decides when (claims,
 * leases, pacing); these handlers decide what is said and to whom.
 */
export function createScheduleContent(deps: ScheduleContentDeps): ScheduleContent {
  const values = createRedisKpiValuesStore(deps.redis);
  const now = deps.now ?? (() => new Date());
  const jobDeps: ScheduleJobDeps = {
    published: deps.published,
    templates: deps.templates,
    values,
    settingsOf: (ws, planId) => deps.engine().getSettings(ws, planId),
    localeOfUser: localeOfUserVia(deps.locales),
    logger: deps.logger.child({ component: 'schedule-content' }),
  };
  return {
    handlers: [
      revisionReminderJob(jobDeps),
      kpiCheckinJob(jobDeps),
      checkinNudgeJob(jobDeps),
      checkinDigestJob(jobDeps),
    ],
    registerListeners(app) {
      registerReportListeners(app, { ...jobDeps, locales: deps.locales, engine: deps.engine, now });
      registerSettingsListeners(app, { ...deps, values, now });
    },
    subcommands: scheduleSubcommands({ ...deps, values, now }),
  };
}
