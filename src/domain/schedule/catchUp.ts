import { nextOccurrence, occurrencesBetween } from './occurrences.js';
import type { Occurrence, ScheduleSpec } from './scheduleSpec.js';

/**
 * What to send after a pause in ticking (deploy, crash, downtime).
 *
 * Of the occurrences in (lastDone, now]:
 * - the newest one, if it happened at most `onTimeMs` ago, is on time: due, not late;
 * - of the rest (missed), the newest one inside the grace window
 *   [now − graceMs, now] is due once, marked late;
 * - every other missed occurrence is skipped (reported so it can be logged),
 *   so a long outage never turns into a flood of reminders.
 * With no `lastDone` nothing before the grace window is looked at, and nothing
 * is reported as skipped there. A schedule that has never run should pass the
 * time it was created instead: otherwise an occurrence from shortly before it
 * existed (inside the grace window) would be sent, late.
 */

export interface CatchUpOptions {
  /** How long after its instant an occurrence still counts as on time; default 60 s (capped at graceMs). */
  readonly onTimeMs?: number;
  /** At most this many skipped occurrences are listed (the oldest first); default 100. */
  readonly maxSkippedListed?: number;
}

export interface DueOccurrence extends Occurrence {
  readonly late: boolean;
}

export interface CatchUpResult {
  /** Oldest first: at most one late occurrence, then at most one on-time one. */
  readonly due: DueOccurrence[];
  readonly skipped: Occurrence[];
  /** True when more occurrences were skipped than `skipped` lists. */
  readonly skippedTruncated: boolean;
}

const DEFAULT_ON_TIME_MS = 60_000;
const DEFAULT_MAX_SKIPPED_LISTED = 100;

export function catchUp(
  spec: ScheduleSpec,
  lastDone: Date | undefined,
  now: Date,
  graceMs: number,
  options: CatchUpOptions = {},
): CatchUpResult {
  const onTimeMs = Math.min(options.onTimeMs ?? DEFAULT_ON_TIME_MS, graceMs);
  const maxListed = options.maxSkippedListed ?? DEFAULT_MAX_SKIPPED_LISTED;
  const windowStart = +now - graceMs;

  // Before the window: only listed, oldest first, and only up to the cap.
  const skipped =
    lastDone === undefined || +lastDone >= windowStart - 1
      ? []
      : occurrencesBetween(spec, new Date(+lastDone + 1), new Date(windowStart), maxListed + 1);

  // Inside the window: walk every occurrence (no cap, or a fast schedule with a
  // long grace would never reach the newest), keeping the newest two.
  const after = lastDone === undefined ? windowStart - 1 : Math.max(+lastDone, windowStart - 1);
  const newestTwo: Occurrence[] = [];
  let cursor = new Date(after);
  for (;;) {
    const next = nextOccurrence(spec, cursor);
    if (next === undefined || +next.at > +now) break;
    newestTwo.push(next);
    const older = newestTwo.length > 2 ? newestTwo.shift() : undefined;
    if (older !== undefined && skipped.length <= maxListed) skipped.push(older);
    cursor = next.at;
  }

  const due: DueOccurrence[] = [];
  const newest = newestTwo.at(-1);
  if (newest !== undefined && +now - +newest.at <= onTimeMs) {
    newestTwo.pop();
    due.push({ ...newest, late: false });
  }
  const late = newestTwo.pop();
  if (late !== undefined) due.unshift({ ...late, late: true });
  for (const older of newestTwo) if (skipped.length <= maxListed) skipped.push(older);

  return {
    due,
    skipped: skipped.slice(0, maxListed),
    skippedTruncated: skipped.length > maxListed,
  };
}
