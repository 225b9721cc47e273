import {
  addDays,
  type CivilDate,
  dayNumber,
  firstWorkingDayOfMonth,
  formatCivilDate,
  formatIsoWeek,
  fromDayNumber,
  isWeekend,
  parseCivilDate,
  quarterOf,
  weekendToMonday,
} from './civilCalendar.js';
import type { PresetRule } from './scheduleSpec.js';

/**
 * Presets recur once per local period (day, week, two weeks, month, quarter).
 * Periods are numbered by an integer index so they can be stepped through; each
 * period has one intended local date, and a key naming the period.
 */

/** 1970-01-01 was a Thursday: day number + 3 counts days from Monday 1969-12-29. */
const weekIndexOf = (date: CivilDate) => Math.floor((dayNumber(date) + 3) / 7);
const mondayOfWeekIndex = (week: number) => fromDayNumber(week * 7 - 3);

export function periodIndexOf(rule: PresetRule, date: CivilDate): number {
  switch (rule.preset) {
    case 'daily':
      return dayNumber(date);
    case 'weekly':
      return weekIndexOf(date);
    case 'biweekly':
      return Math.floor((weekIndexOf(date) - weekIndexOf(parseCivilDate(rule.anchor))) / 2);
    case 'monthly':
      return date.year * 12 + date.month - 1;
    case 'quarterly':
      return date.year * 4 + quarterOf(date.month) - 1;
  }
}

/** The first date of a period: what its key is named after. */
function periodStart(rule: PresetRule, index: number): CivilDate {
  switch (rule.preset) {
    case 'daily':
      return fromDayNumber(index);
    case 'weekly':
      return mondayOfWeekIndex(index);
    case 'biweekly':
      return mondayOfWeekIndex(weekIndexOf(parseCivilDate(rule.anchor)) + 2 * index);
    case 'monthly':
      return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
    case 'quarterly':
      return { year: Math.floor(index / 4), month: (index % 4) * 3 + 1, day: 1 };
  }
}

/** `2027-04-05`, `2027-W14` (also for the two-week block starting that week), `2027-04`, `2027-Q2`. */
export function presetPeriodKey(rule: PresetRule, index: number): string {
  const start = periodStart(rule, index);
  switch (rule.preset) {
    case 'daily':
      return formatCivilDate(start);
    case 'weekly':
    case 'biweekly':
      return formatIsoWeek(start);
    case 'monthly':
      return formatCivilDate(start).slice(0, 7);
    case 'quarterly':
      return `${String(start.year).padStart(4, '0')}-Q${quarterOf(start.month)}`;
  }
}

/**
 * The local date the period's occurrence falls on, or undefined when the period
 * has none (a weekend day of a daily rule that skips weekends: moving it to
 * Monday would give Monday three sends).
 */
export function intendedDate(
  rule: PresetRule,
  index: number,
  skipWeekends: boolean,
): CivilDate | undefined {
  const start = periodStart(rule, index);
  let date: CivilDate;
  switch (rule.preset) {
    case 'daily':
      return skipWeekends && isWeekend(start) ? undefined : start;
    case 'weekly':
    case 'biweekly':
      date = addDays(start, rule.weekday - 1);
      break;
    case 'monthly':
      date =
        rule.day === 'first_working_day'
          ? firstWorkingDayOfMonth(start.year, start.month)
          : { ...start, day: rule.day };
      break;
    case 'quarterly':
      date = firstWorkingDayOfMonth(start.year, start.month);
      break;
  }
  return skipWeekends ? weekendToMonday(date) : date;
}
