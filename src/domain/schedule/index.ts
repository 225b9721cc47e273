/** The scheduling domain: pure functions of (spec, instants); `now` is always passed in. */
export { type CatchUpOptions, type CatchUpResult, catchUp, type DueOccurrence } from './catchUp.js';
export {
  type CronError,
  type CronValidation,
  type ParsedCron,
  validateCronExpression,
} from './cronExpression.js';
export {
  checkInScheduleFor,
  DEFAULT_SEND_HOUR,
  defaultRevisionSchedule,
  type RevisionDefaultsOptions,
  ruleForCadence,
} from './defaultSchedules.js';
export { lastExitMilestone } from './exitMilestone.js';
export { nextOccurrence, occurrencesBetween, periodKey } from './occurrences.js';
export {
  type Occurrence,
  type PresetRule,
  type ScheduleRule,
  ScheduleRuleSchema,
  type ScheduleSpec,
  type ScheduleSpecInput,
  ScheduleSpecSchema,
} from './scheduleSpec.js';
export {
  CRON_ERROR_TEXTS,
  CRON_FIELD_HINTS,
  CRON_FIELD_LABELS,
  type CronField,
  PRESET_LABELS,
  SCHEDULE_OPTION_ERROR_TEXTS,
} from './scheduleTexts.js';
export { fromLocal, type LocalDateTime, type LocalDateTimeInput, toLocal } from './zonedTime.js';
