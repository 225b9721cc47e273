/** Calendar dates as ISO strings (yyyy-mm-dd), which compare correctly as strings. */

// One formatter per zone: constructing one costs far more than formatting with it.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `now` in an IANA time zone: the plan's "today". */
export function isoDateInTimeZone(now: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as yyyy-mm-dd. Throws for an unknown zone, before anything is cached.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (dayFormatters.size < 1000) dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

/** True when `date` lies within [start, end], bounds included. */
export function isWithin(date: string, period: { start: string; end: string }): boolean {
  return date >= period.start && date <= period.end;
}
