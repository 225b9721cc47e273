import { validateDetailed } from 'node-cron';
import type { LocalizedText } from '../locale.js';
import { type CivilDate, daysInMonth, isoWeekday } from './civilCalendar.js';
import { CRON_ERROR_TEXTS, CRON_FIELDS, type CronField } from './scheduleTexts.js';

/**
 * Cron expressions, parsed with node-cron's parser so that what we accept is
 * exactly what node-cron accepts. Day-of-month and day-of-week are combined with
 * AND, as node-cron does (classic Vixie cron uses OR when both are restricted).
 */

type DayToken = number | string;

export interface ParsedCron {
  readonly expression: string;
  /** True when the expression has a seconds field (6 fields). */
  readonly hasSeconds: boolean;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly DayToken[];
  readonly months: readonly number[];
  /** 0 = Sunday … 6 = Saturday, or node-cron's `5L` / `1#2` tokens. */
  readonly daysOfWeek: readonly DayToken[];
}

export interface CronError {
  readonly field: CronField | 'expression';
  readonly value?: string;
  readonly message: LocalizedText;
}

export type CronValidation =
  | { readonly ok: true; readonly cron: ParsedCron }
  | { readonly ok: false; readonly errors: readonly CronError[] };

const DAY_OF_MONTH_TOKEN = /^(L|L-\d{1,2}|\d{1,2}W|LW)$/;
const DAY_OF_WEEK_TOKEN = /^([0-7]L|[0-7]#[1-5])$/;

export function normaliseCronExpression(expression: string): string {
  return expression.trim().replace(/\s+/g, ' ');
}

/** Parses are cached: schedules re-read the same few expressions on every tick. */
const CACHE_MAX = 500;
const cache = new Map<string, CronValidation>();

export function validateCronExpression(expression: string): CronValidation {
  const cached = cache.get(expression);
  if (cached) return cached;
  const result = parseCronExpression(expression);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(expression, result);
  return result;
}

function parseCronExpression(expression: string): CronValidation {
  const normalised = normaliseCronExpression(expression);
  const fieldCount = normalised === '' ? 0 : normalised.split(' ').length;
  const isNickname = normalised.startsWith('@');
  if (!isNickname && fieldCount !== 5 && fieldCount !== 6) {
    return {
      ok: false,
      errors: [
        {
          field: 'expression',
          value: normalised,
          message: CRON_ERROR_TEXTS.fieldCount(fieldCount),
        },
      ],
    };
  }
  const result = validateDetailed(normalised);
  if (!result.valid || !result.fields) {
    return { ok: false, errors: result.errors.map(toCronError) };
  }
  const { fields } = result;
  const unsupported = [
    ...fields.dayOfMonth
      .filter((t) => typeof t === 'string' && !DAY_OF_MONTH_TOKEN.test(t))
      .map((t) => ({ field: 'dayOfMonth' as const, value: String(t) })),
    ...fields.dayOfWeek
      .filter((t) => typeof t === 'string' && !DAY_OF_WEEK_TOKEN.test(t))
      .map((t) => ({ field: 'dayOfWeek' as const, value: String(t) })),
  ];
  if (unsupported.length > 0) {
    return {
      ok: false,
      errors: unsupported.map(({ field, value }) => ({
        field,
        value,
        message: CRON_ERROR_TEXTS.unsupportedToken(field, value),
      })),
    };
  }
  const ascending = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);
  return {
    ok: true,
    cron: {
      expression: normalised,
      hasSeconds: !isNickname && fieldCount === 6,
      seconds: ascending(fields.second),
      minutes: ascending(fields.minute),
      hours: ascending(fields.hour),
      daysOfMonth: fields.dayOfMonth,
      months: fields.month,
      daysOfWeek: fields.dayOfWeek,
    },
  };
}

function toCronError(error: { field: string; value?: string; message: string }): CronError {
  const value = error.value ?? '';
  if (error.field === 'expression') {
    return {
      field: 'expression',
      value,
      message: CRON_ERROR_TEXTS.fieldCount(value.split(' ').length),
    };
  }
  const field = (CRON_FIELDS as readonly string[]).includes(error.field)
    ? (error.field as CronField)
    : 'expression';
  if (field === 'expression') {
    return { field, value, message: CRON_ERROR_TEXTS.neverRuns() };
  }
  if (field === 'dayOfMonth' && error.message.includes('impossible')) {
    return { field, value, message: CRON_ERROR_TEXTS.impossibleDay(value) };
  }
  return { field, value, message: CRON_ERROR_TEXTS.badField(field, value) };
}

/** True when the cron's month, day-of-month and day-of-week all accept `date`. */
export function cronMatchesDate(cron: ParsedCron, date: CivilDate): boolean {
  return (
    cron.months.includes(date.month) &&
    cron.daysOfMonth.some((token) => dayOfMonthMatches(token, date)) &&
    cron.daysOfWeek.some((token) => dayOfWeekMatches(token, date))
  );
}

function dayOfMonthMatches(token: DayToken, date: CivilDate): boolean {
  if (typeof token === 'number') return token === date.day;
  const last = daysInMonth(date.year, date.month);
  if (token === 'L') return date.day === last;
  if (token.startsWith('L-')) return date.day === last - Number(token.slice(2));
  const target = token === 'LW' ? last : Number(token.slice(0, -1));
  return nearestWeekday(date, target, last) === date.day;
}

/** Quartz's `nW`: the weekday nearest to day n, without leaving the month. */
function nearestWeekday(date: CivilDate, target: number, last: number): number {
  if (target < 1 || target > last) return -1;
  const weekday = isoWeekday({ ...date, day: target });
  if (weekday === 6) return target === 1 ? 3 : target - 1;
  if (weekday === 7) return target === last ? target - 2 : target + 1;
  return target;
}

function dayOfWeekMatches(token: DayToken, date: CivilDate): boolean {
  const weekday = isoWeekday(date) % 7; // cron: 0 = Sunday
  if (typeof token === 'number') return token % 7 === weekday;
  const wanted = Number(token[0]) % 7;
  if (wanted !== weekday) return false;
  if (token.endsWith('L')) return date.day + 7 > daysInMonth(date.year, date.month);
  const nth = Number(token.slice(2));
  return Math.floor((date.day - 1) / 7) + 1 === nth;
}
