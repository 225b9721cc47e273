/** Calendar dates as ISO strings (yyyy-mm-dd), which compare correctly as strings. */

/** The calendar date at `now` in an IANA time zone: the plan's "today". */
export function isoDateInTimeZone(now: Date, timeZone: string): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** True when `date` lies within [start, end], bounds included. */
export function isWithin(date: string, period: { start: string; end: string }): boolean {
  return date >= period.start && date <= period.end;
}
