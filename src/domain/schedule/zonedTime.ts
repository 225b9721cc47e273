import { type CivilDate, type IsoWeekday, isoWeekday } from './civilCalendar.js';

/**
 * Conversions between UTC instants and wall-clock time in an IANA time zone,
 * computed from `Intl.DateTimeFormat` (the runtime's tz database), whole seconds.
 *
 * A "wall-clock number" is the local date-time encoded as if it were UTC
 * (`Date.UTC(y, m - 1, d, h, mi, s)`): it orders and adds like local time, without
 * ever being mistaken for an instant.
 *
 * Local times that do not map to exactly one instant:
 * - gap (clocks jump forward, e.g. 02:30 on 2027-03-14 in America/New_York):
 *   `fromLocal` returns the first valid instant after the gap, i.e. the moment of
 *   the jump (03:00 local). Every local time inside the gap maps to that instant.
 * - overlap (clocks fall back, e.g. 01:30 on 2027-11-07 in America/New_York):
 *   `fromLocal` returns the FIRST occurrence (01:30 EDT, not 01:30 EST), so a
 *   schedule never fires twice for the repeated hour.
 */

export interface LocalDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: IsoWeekday;
}

export interface LocalDateTimeInput extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const truncateToSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/** The wall-clock number of `instant` in `timeZone` (see the module comment). */
export function wallClockOf(instant: Date | number, timeZone: string): number {
  // `format` is several times faster than `formatToParts`; en-US with h23 always
  // reads "M/D/YYYY, HH:MM:SS".
  const text = formatterFor(timeZone).format(truncateToSecond(+instant));
  const match = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/.exec(text);
  if (!match) throw new Error(`unexpected date format from Intl: ${text}`);
  const [, month, day, year, hour, minute, second] = match.map(Number);
  // Years before 100 never occur in schedules, so Date.UTC's 19xx mapping is harmless.
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day, hour, minute, second);
}

/** Offset of the zone from UTC at `instant`, in ms (New York in winter: −5 h). */
export function offsetAt(instant: Date | number, timeZone: string): number {
  return wallClockOf(instant, timeZone) - truncateToSecond(+instant);
}

export function wallClockNumber(local: LocalDateTimeInput): number {
  const { year, month, day, hour, minute, second } = local;
  return Date.UTC(year, month - 1, day, hour, minute, second ?? 0);
}

export function localFromWallClock(wallClock: number): LocalDateTime {
  const d = new Date(wallClock);
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return {
    ...date,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: isoWeekday(date),
  };
}

/** Wall-clock time in `timeZone` at `instant` (to the second). */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  return localFromWallClock(wallClockOf(instant, timeZone));
}

/**
 * The instant of a local time in `timeZone`; gaps map to the end of the gap,
 * overlaps to the first occurrence (see the module comment).
 */
export function fromLocal(local: LocalDateTimeInput, timeZone: string): Date {
  return new Date(instantOfWallClock(wallClockNumber(local), timeZone));
}

/** `fromLocal` on a wall-clock number, returning epoch ms. */
export function instantOfWallClock(wallClock: number, timeZone: string): number {
  // Offsets a day either side bracket any single transition near this time.
  const offsetBefore = offsetAt(wallClock - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallClock + DAY_MS, timeZone);
  // Same offset on both sides: no transition nearby (zones never change twice in two days).
  if (offsetBefore === offsetAfter) return wallClock - offsetBefore;
  const candidates = [wallClock - offsetBefore, wallClock - offsetAfter]
    .filter((instant) => wallClockOf(instant, timeZone) === wallClock)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return first;
  // In a gap: the instants around it carry the old offset up to the jump.
  return firstInstantLeavingOffset(
    wallClock - offsetAfter,
    wallClock - offsetBefore,
    offsetBefore,
    timeZone,
  );
}

/** Smallest whole-second instant in (lo, hi] whose offset is not `offset`; hi if none. */
function firstInstantLeavingOffset(lo: number, hi: number, offset: number, timeZone: string) {
  let low = truncateToSecond(lo) / 1000;
  let high = truncateToSecond(hi) / 1000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetAt(mid * 1000, timeZone) === offset) low = mid;
    else high = mid;
  }
  return high * 1000;
}

/**
 * The smallest wall-clock number whose `instantOfWallClock` lies strictly after
 * `after`. Normally one second after the local time of `after`; during the
 * repeated hour of a fall-back it is the end of that hour, because every local
 * time inside it already maps to its first, earlier occurrence.
 */
export function earliestWallClockAfter(after: Date | number, timeZone: string): number {
  const afterMs = +after;
  const wall = wallClockOf(afterMs, timeZone);
  const firstOccurrence = instantOfWallClock(wall, timeZone);
  if (firstOccurrence === truncateToSecond(afterMs)) return wall + 1000;
  const firstOffset = offsetAt(firstOccurrence, timeZone);
  const transition = firstInstantLeavingOffset(firstOccurrence, afterMs, firstOffset, timeZone);
  return transition + firstOffset;
}
