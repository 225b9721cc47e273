/**
 * Calendar arithmetic on dates without a time zone (the proleptic Gregorian
 * calendar). Date.UTC is used purely as a day counter here, never as "the time in UTC".
 */

/** A calendar date: month 1–12, day 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday numbers: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function fromDayNumber(days: number): CivilDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function isoWeekday(date: CivilDate): IsoWeekday {
  const js = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return (js === 0 ? 7 : js) as IsoWeekday;
}

export function isWeekend(date: CivilDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The Monday on or before `date`. */
export function mondayOf(date: CivilDate): CivilDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: CivilDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - jan1) / 7) + 1 };
}

/** Monday to Friday count as working days; public holidays are not known here. */
export function firstWorkingDayOfMonth(year: number, month: number): CivilDate {
  let date: CivilDate = { year, month, day: 1 };
  while (isWeekend(date)) date = addDays(date, 1);
  return date;
}

/** The next Monday when `date` falls on a weekend, else `date` itself. */
export function weekendToMonday(date: CivilDate): CivilDate {
  const weekday = isoWeekday(date);
  return weekday >= 6 ? addDays(date, 8 - weekday) : date;
}

export function quarterOf(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyy-mm-dd */
export function formatCivilDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses yyyy-mm-dd (already validated by zod upstream). */
export function parseCivilDate(iso: string): CivilDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

export function formatIsoWeek(date: CivilDate): string {
  const { year, week } = isoWeek(date);
  return `${pad(year, 4)}-W${pad(week)}`;
}
