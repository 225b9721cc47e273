import { z } from 'zod';
import { IsoDateSchema } from '../fieldTypes.js';
import { TimeZoneSchema } from '../plan.js';
import { validateCronExpression } from './cronExpression.js';
import { SCHEDULE_OPTION_ERROR_TEXTS as T } from './scheduleTexts.js';

/**
 * When a job (revision reminder, KPI check-in) recurs. Stored in Redis and edited
 * in the settings modal, so every field is validated here.
 *
 * Presets beyond the settings modal's three (weekly, monthly, quarterly) exist
 * because KPI cadences need them: `daily`, and `biweekly` (every other ISO week,
 * counted from the week containing `anchor`, normally the plan's start date).
 */

const hour = z.int().min(0, { error: T.badHour.en }).max(23, { error: T.badHour.en });
const minute = z.int().min(0, { error: T.badMinute.en }).max(59, { error: T.badMinute.en });
const weekday = z.int().min(1, { error: T.badWeekday.en }).max(7, { error: T.badWeekday.en });

export const DailyRuleSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.literal('daily'),
  hour,
  minute,
});
export const WeeklyRuleSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.literal('weekly'),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday,
  hour,
  minute,
});
export const BiweeklyRuleSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.literal('biweekly'),
  weekday,
  hour,
  minute,
  /** A date in the first week of the cycle (the plan's start). */
  anchor: IsoDateSchema,
});
export const MonthlyRuleSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.literal('monthly'),
  /** 1–28 so that every month has the day; or the first Monday–Friday. */
  day: z.union([
    z.int().min(1, { error: T.badDay.en }).max(28, { error: T.badDay.en }),
    z.literal('first_working_day'),
  ]),
  hour,
  minute,
});
export const QuarterlyRuleSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.literal('quarterly'),
  /** Always the first working day (Monday–Friday) of January, April, July, October. */
  day: z.literal('first_working_day').default('first_working_day'),
  hour,
  minute,
});

export const PresetRuleSchema = z.discriminatedUnion('preset', [
  DailyRuleSchema,
  WeeklyRuleSchema,
  BiweeklyRuleSchema,
  MonthlyRuleSchema,
  QuarterlyRuleSchema,
]);

export const CronRuleSchema = z.strictObject({
  kind: z.literal('cron'),
  expression: z.string().superRefine((expression, ctx) => {
    const result = validateCronExpression(expression);
    if (result.ok) return;
    for (const error of result.errors) {
      // The English text is the zod message; the settings modal shows the
      // user's language from `params.cronError` (both texts).
      ctx.addIssue({ code: 'custom', message: error.message.en, params: { cronError: error } });
    }
  }),
});

export const ScheduleRuleSchema = z.discriminatedUnion('kind', [PresetRuleSchema, CronRuleSchema]);

export const ScheduleSpecSchema = z.strictObject({
  rule: ScheduleRuleSchema,
  timezone: TimeZoneSchema,
  /** Presets: a weekend occurrence moves to Monday; daily and cron: weekend times are skipped. */
  skipWeekends: z.boolean().default(false),
  paused: z.boolean().default(false),
  /** No occurrence on a local date before this one; occurrences resume on it. */
  snoozeUntil: IsoDateSchema.optional(),
  /** No occurrence on a local date after this one (inclusive end). */
  until: IsoDateSchema.optional(),
});

export type DailyRule = z.infer<typeof DailyRuleSchema>;
export type WeeklyRule = z.infer<typeof WeeklyRuleSchema>;
export type BiweeklyRule = z.infer<typeof BiweeklyRuleSchema>;
export type MonthlyRule = z.infer<typeof MonthlyRuleSchema>;
export type QuarterlyRule = z.infer<typeof QuarterlyRuleSchema>;
export type PresetRule = z.infer<typeof PresetRuleSchema>;
export type PresetRuleInput = z.input<typeof PresetRuleSchema>;
export type CronRule = z.infer<typeof CronRuleSchema>;
export type ScheduleRule = z.infer<typeof ScheduleRuleSchema>;
export type ScheduleSpec = z.infer<typeof ScheduleSpecSchema>;
export type ScheduleSpecInput = z.input<typeof ScheduleSpecSchema>;

/** One occurrence: the instant, and the local period it serves (the idempotency key part). */
export interface Occurrence {
  readonly at: Date;
  readonly periodKey: string;
}
