import type { CheckInCadence, Kpi } from '../fieldTypes.js';
import type { Stage } from '../lifecycle.js';
import type { Plan } from '../plan.js';
import type { PresetRule, ScheduleSpec } from './scheduleSpec.js';

/**
 * The schedules a newly published plan starts with; the owner can change them in
 * the settings modal. Everything fires at 10:00 local time: late enough to be
 * seen at the start of a working day in every zone, early enough to act on.
 * Weekly and every-other-week check-ins are on Mondays.
 */

export const DEFAULT_SEND_HOUR = 10;
const AT_TEN = { hour: DEFAULT_SEND_HOUR, minute: 0 } as const;

const MONTHLY: PresetRule = {
  kind: 'preset',
  preset: 'monthly',
  day: 'first_working_day',
  ...AT_TEN,
};
const QUARTERLY: PresetRule = {
  kind: 'preset',
  preset: 'quarterly',
  day: 'first_working_day',
  ...AT_TEN,
};

const REVISION_RULE_BY_STAGE: Record<Stage, PresetRule> = {
  startup: MONTHLY,
  growth: MONTHLY,
  maturity: QUARTERLY,
  decline: MONTHLY,
};

const CHECK_IN_CADENCE_BY_STAGE: Record<Stage, CheckInCadence> = {
  startup: 'weekly',
  growth: 'weekly',
  maturity: 'monthly',
  decline: 'weekly',
};

function spec(rule: PresetRule, timezone: string, until?: string): ScheduleSpec {
  return { rule, timezone, skipWeekends: false, paused: false, ...(until ? { until } : {}) };
}

export interface RevisionDefaultsOptions {
  /**
   * Decline plans stop reminding after their last exit milestone (see
   * `lastExitMilestone`); without one, after the end of the plan's period.
   */
  readonly lastExitMilestone?: string;
}

/** Revision reminders: monthly (startup, growth, decline until the exit), quarterly (maturity). */
export function defaultRevisionSchedule(
  plan: Plan,
  timezone: string,
  options: RevisionDefaultsOptions = {},
): ScheduleSpec {
  const { stage, period } = plan.meta;
  const until = stage === 'decline' ? (options.lastExitMilestone ?? period.end) : undefined;
  return spec(REVISION_RULE_BY_STAGE[stage], timezone, until);
}

/** The rule for a check-in cadence; every other week counts from the plan's start. */
export function ruleForCadence(cadence: CheckInCadence, planStart: string): PresetRule {
  switch (cadence) {
    case 'daily':
      return { kind: 'preset', preset: 'daily', ...AT_TEN };
    case 'weekly':
      return { kind: 'preset', preset: 'weekly', weekday: 1, ...AT_TEN };
    case 'biweekly':
      return { kind: 'preset', preset: 'biweekly', weekday: 1, anchor: planStart, ...AT_TEN };
    case 'monthly':
      return MONTHLY;
    case 'quarterly':
      return QUARTERLY;
  }
}

/** A KPI's check-ins: its own cadence when set, else weekly (monthly in maturity). */
export function checkInScheduleFor(kpi: Kpi, plan: Plan, timezone: string): ScheduleSpec {
  const cadence = kpi.cadence ?? CHECK_IN_CADENCE_BY_STAGE[plan.meta.stage];
  return spec(ruleForCadence(cadence, plan.meta.period.start), timezone);
}
