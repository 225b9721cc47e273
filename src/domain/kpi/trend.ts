import type { KpiDirection } from '../fieldTypes.js';
import type { KpiTrend } from './kpiTexts.js';

/**
 * Whether a KPI moved the good way since the last round. "Good" follows the
 * direction: up for increase and stay_above, down for decrease and stay_below.
 * No previous value (first round) is flat. Changes within `epsilon` relative to
 * the previous value (float noise from unit conversions) are flat too.
 */
export function trend(
  previous: number | undefined,
  current: number,
  direction: KpiDirection,
  epsilon = 1e-9,
): KpiTrend {
  if (previous === undefined) return 'flat';
  const delta = current - previous;
  if (Math.abs(delta) <= epsilon * Math.max(1, Math.abs(previous))) return 'flat';
  const upIsGood = direction === 'increase' || direction === 'stay_above';
  return delta > 0 === upIsGood ? 'improving' : 'worsening';
}
