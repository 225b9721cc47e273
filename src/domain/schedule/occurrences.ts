import { type CivilDate, formatCivilDate, isWeekend, parseCivilDate } from './civilCalendar.js';
import { type ParsedCron, validateCronExpression } from './cronExpression.js';
import { cronPeriodKey, nextCronWallClock } from './cronOccurrences.js';
import { intendedDate, periodIndexOf, presetPeriodKey } from './presetPeriods.js';
import type { Occurrence, PresetRule, ScheduleSpec } from './scheduleSpec.js';
import {
  earliestWallClockAfter,
  instantOfWallClock,
  toLocal,
  wallClockNumber,
} from './zonedTime.js';

/**
 * When a schedule fires. Every local period gets exactly one occurrence, at the
 * intended local time or, when that time does not exist (spring forward), the
 * next valid time; a repeated local time (fall back) fires only the first time.
 * Filters: `paused` → none; nothing on a local date before `snoozeUntil` or
 * after `until`; `skipWeekends` moves preset occurrences to Monday (daily presets
 * and cron expressions skip weekend occurrences instead).
 */

/** A preset can only have been shifted forward by a weekend, never by more than a period. */
const MAX_PRESET_PERIODS = 20_000;
export const OCCURRENCES_LIMIT = 10_000;

type Verdict = 'take' | 'skip' | 'stop';

function verdictFor(spec: ScheduleSpec, localDate: CivilDate): Verdict {
  const iso = formatCivilDate(localDate);
  if (spec.until !== undefined && iso > spec.until) return 'stop';
  if (spec.snoozeUntil !== undefined && iso < spec.snoozeUntil) return 'skip';
  return 'take';
}

/** The first occurrence strictly after `after`, or undefined when there is none. */
export function nextOccurrence(spec: ScheduleSpec, after: Date): Occurrence | undefined {
  if (spec.paused) return undefined;
  if (spec.rule.kind === 'cron') {
    const parsed = validateCronExpression(spec.rule.expression);
    return parsed.ok ? nextCronOccurrence(spec, parsed.cron, after) : undefined;
  }
  return nextPresetOccurrence(spec, spec.rule, after);
}

function nextPresetOccurrence(
  spec: ScheduleSpec,
  rule: PresetRule,
  after: Date,
): Occurrence | undefined {
  // Start one period early: its occurrence may have moved past a weekend into ours.
  const first = periodIndexOf(rule, toLocal(after, spec.timezone)) - 1;
  for (let index = first; index < first + MAX_PRESET_PERIODS; index++) {
    const date = intendedDate(rule, index, spec.skipWeekends);
    if (date === undefined) continue;
    const at = instantOfWallClock(
      wallClockNumber({ ...date, hour: rule.hour, minute: rule.minute }),
      spec.timezone,
    );
    if (at <= +after) continue;
    const verdict = verdictFor(spec, toLocal(new Date(at), spec.timezone));
    if (verdict === 'stop') return undefined;
    if (verdict === 'take') return { at: new Date(at), periodKey: presetPeriodKey(rule, index) };
  }
  return undefined;
}

function nextCronOccurrence(
  spec: ScheduleSpec,
  cron: ParsedCron,
  after: Date,
): Occurrence | undefined {
  let from = earliestWallClockAfter(after, spec.timezone);
  for (let attempt = 0; attempt < OCCURRENCES_LIMIT; attempt++) {
    const wallClock = nextCronWallClock(cron, from);
    if (wallClock === undefined) return undefined;
    // Monotone: a later wall clock never maps to an earlier instant, so at > after.
    const at = new Date(instantOfWallClock(wallClock, spec.timezone));
    const local = toLocal(at, spec.timezone);
    const verdict = verdictFor(spec, local);
    if (verdict === 'stop') return undefined;
    if (verdict === 'take' && !(spec.skipWeekends && isWeekend(local))) {
      return { at, periodKey: cronPeriodKey(cron, wallClock) };
    }
    // Skip the rest of that local day (or the whole snooze) at once, not second by second.
    const resume =
      verdict === 'skip' && spec.snoozeUntil !== undefined
        ? wallClockNumber({ ...parseCivilDate(spec.snoozeUntil), hour: 0, minute: 0 })
        : wallClockNumber({ ...local, hour: 24, minute: 0, second: 0 });
    from = Math.max(earliestWallClockAfter(at, spec.timezone), resume);
  }
  return undefined;
}

/** Occurrences with from ≤ at < to, oldest first, at most `limit` of them. */
export function occurrencesBetween(
  spec: ScheduleSpec,
  from: Date,
  to: Date,
  limit = OCCURRENCES_LIMIT,
): Occurrence[] {
  const found: Occurrence[] = [];
  let cursor = new Date(+from - 1);
  while (found.length < limit) {
    const next = nextOccurrence(spec, cursor);
    if (next === undefined || +next.at >= +to) break;
    found.push(next);
    cursor = next.at;
  }
  return found;
}

/**
 * The key of the local period the occurrence at `at` serves (`2027-W14`,
 * `2027-04`, `2027-Q2`, `2027-04-05`, or the local date-time for cron), or
 * undefined when `at` is not an occurrence of the rule. Filters do not change keys.
 */
export function periodKey(spec: ScheduleSpec, at: Date): string | undefined {
  const unfiltered: ScheduleSpec = {
    ...spec,
    paused: false,
    snoozeUntil: undefined,
    until: undefined,
  };
  const occurrence = nextOccurrence(unfiltered, new Date(+at - 1));
  return occurrence !== undefined && +occurrence.at === +at ? occurrence.periodKey : undefined;
}
