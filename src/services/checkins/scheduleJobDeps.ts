import type { Locale } from '../../domain/locale.js';
import type { AppLogger } from '../../logging/logger.js';
import type { KpiValuesStore } from '../../store/kpiValuesStore.js';
import type { PlanScheduleSettings } from '../../store/scheduleStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import type { UserLocaleResolver } from '../userLocaleResolver.js';
import type { PublishedPlanSource } from './publishedPlan.js';

/** What the scheduler's job handlers read. */
export interface ScheduleJobDeps extends PublishedPlanSource {
  values: KpiValuesStore;
  settingsOf(ws: WorkspaceKey, planId: string): Promise<PlanScheduleSettings>;
  /** The language a DM to this user is written in. */
  localeOfUser(ws: WorkspaceKey, userId: string): Promise<Locale>;
  logger: AppLogger;
}

/**
 * A user's language from a workspace key. Jobs have no request to read an identity from; the key
 * was built from verified ids when the plan was published, and is split back the way
 * `workspaceKey` joined it (`<enterprise>-<team>` or `<team>`).
 */
export function localeOfUserVia(
  locales: UserLocaleResolver,
): (ws: WorkspaceKey, userId: string) => Promise<Locale> {
  return (ws, userId) => {
    const [first, second] = ws.split('-');
    const identity =
      second !== undefined
        ? { enterpriseId: first ?? '', teamId: second, userId }
        : { teamId: first ?? '', userId };
    return locales.localeOf(identity);
  };
}

/** The zone the plan's schedules run in: the owner's choice in settings, else the plan's. */
export function planTimeZone(settings: PlanScheduleSettings, planTimezone: string): string {
  return settings.timezone ?? planTimezone;
}
