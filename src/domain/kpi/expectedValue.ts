import type { Kpi } from '../fieldTypes.js';
import { wallClockOf } from '../schedule/zonedTime.js';

/**
 * Where a KPI should stand at a given moment.
 *
 * increase / decrease: a straight line from the baseline at the plan's start
 * (00:00 local on the start date) to the target at the deadline (00:00 local on
 * the deadline date); the baseline before the start, the target after the
 * deadline. A deadline on or before the start expects the target at once.
 * stay_above / stay_below: the target is a threshold, expected throughout.
 */

export interface KpiClockOptions {
  /** The zone the plan's dates are read in; default UTC. */
  readonly timeZone?: string;
  /** Used when the KPI has no deadline of its own (e.g. the plan's end). */
  readonly deadlineFallback?: string;
}

const DAY_START = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** How far along the line `at` is, 0 at the start to 1 at the deadline (clamped). */
export function paceFraction(
  planStart: string,
  deadline: string,
  at: Date,
  timeZone = 'UTC',
): number {
  const start = DAY_START(planStart);
  const total = DAY_START(deadline) - start;
  if (total <= 0) return 1;
  // Both ends are local dates, so measure `at` on the same local wall clock.
  const elapsed = wallClockOf(at, timeZone) - start;
  return Math.min(1, Math.max(0, elapsed / total));
}

/** The expected value, or undefined when the plan lacks what the line needs. */
export function expectedValue(
  kpi: Kpi,
  planStart: string,
  at: Date,
  options: KpiClockOptions = {},
): number | undefined {
  const { target, baseline } = kpi;
  if (target === undefined) return undefined;
  if (kpi.direction === 'stay_above' || kpi.direction === 'stay_below') return target;
  const deadline = kpi.deadline ?? options.deadlineFallback;
  if (baseline === undefined || deadline === undefined) return undefined;
  const fraction = paceFraction(planStart, deadline, at, options.timeZone);
  return baseline + (target - baseline) * fraction;
}
