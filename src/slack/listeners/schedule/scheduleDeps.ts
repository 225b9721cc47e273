import type { Plan } from '../../../domain/plan.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import type { AppLogger } from '../../../logging/logger.js';
import type { SchedulerEngine } from '../../../scheduler/engine/index.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import type { DraftStore } from '../../../store/draftStore.js';
import type { KpiValuesStore } from '../../../store/kpiValuesStore.js';
import type { PublishedStore } from '../../../store/publishedStore.js';
import type { RedisConnection } from '../../../store/redisConnection.js';

/**
 * What the scheduler's content needs from the engine: the settings the modal edits (and the re-sync
 * after saving them), and running a job now through the same exactly-once path as the schedule.
 */
export type ScheduleEnginePort = Pick<
  SchedulerEngine,
  'getSettings' | 'saveSettings' | 'syncPlanSchedules' | 'triggerNow'
>;

/** What `createScheduleContent` needs from the composition root. */
export interface ScheduleContentDeps {
  drafts: DraftStore<Plan>;
  /** Reminders and check-ins work on the latest published version and its post's channel. */
  published: PublishedStore<Plan>;
  templates: TemplateRegistry;
  /** Check-in rounds, answers and the KPI value series live here. */
  redis: RedisConnection;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /**
   * The engine, read when first needed: it is created with this slice's handlers, so the
   * composition root passes `() => engine`.
   */
  engine: () => ScheduleEnginePort;
  /** When neither the plan nor the owner's profile names one. */
  defaultTimezone: string;
  /** Source of "now" for interactive paths; tests pass a fixed clock. */
  now?: () => Date;
}

/** What the slice's listeners and subcommands get: the app's deps plus the slice's own store. */
export interface ScheduleSliceDeps extends ScheduleContentDeps {
  values: KpiValuesStore;
  now: () => Date;
}
