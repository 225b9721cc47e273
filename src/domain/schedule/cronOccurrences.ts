import { addDays, type CivilDate, formatCivilDate } from './civilCalendar.js';
import { cronMatchesDate, type ParsedCron } from './cronExpression.js';
import { localFromWallClock, wallClockNumber } from './zonedTime.js';

/** Far enough to find Feb 29 across a skipped leap year (2096 → 2104). */
const SEARCH_DAYS = 366 * 9;

/**
 * The first wall-clock time at or after `startWallClock` that the cron accepts,
 * or undefined when there is none within the search horizon. Pure calendar
 * arithmetic: time zones are applied by the caller.
 */
export function nextCronWallClock(cron: ParsedCron, startWallClock: number): number | undefined {
  const start = localFromWallClock(startWallClock);
  let date: CivilDate = start;
  let fromSecond = start.hour * 3600 + start.minute * 60 + start.second;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    if (cronMatchesDate(cron, date)) {
      const second = firstSecondOfDay(cron, fromSecond);
      if (second !== undefined) {
        return wallClockNumber({ ...date, hour: 0, minute: 0, second: 0 }) + second * 1000;
      }
    }
    date = addDays(date, 1);
    fromSecond = 0;
  }
  return undefined;
}

function firstSecondOfDay(cron: ParsedCron, fromSecond: number): number | undefined {
  for (const hour of cron.hours) {
    if ((hour + 1) * 3600 <= fromSecond) continue;
    for (const minute of cron.minutes) {
      if (hour * 3600 + (minute + 1) * 60 <= fromSecond) continue;
      for (const second of cron.seconds) {
        const total = hour * 3600 + minute * 60 + second;
        if (total >= fromSecond) return total;
      }
    }
  }
  return undefined;
}

/** The local date-time a cron occurrence is for: `2027-03-14T02:30` (with `:ss` for 6 fields). */
export function cronPeriodKey(cron: ParsedCron, wallClock: number): string {
  const local = localFromWallClock(wallClock);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  return `${formatCivilDate(local)}T${time}${cron.hasSeconds ? `:${pad(local.second)}` : ''}`;
}
