import { z } from 'zod';
import type { Kpi } from '../fieldTypes.js';
import { expectedValue, type KpiClockOptions } from './expectedValue.js';
import {
  KPI_THRESHOLD_ERROR_TEXTS as E,
  type KpiNoDataReason,
  type KpiStatus,
} from './kpiTexts.js';

/**
 * On track, at risk or off track.
 *
 * increase / decrease: progress = (actual − baseline) / (expected − baseline),
 * the share of the movement expected by now that has happened (the same formula
 * serves both directions). progress ≥ atRisk → on track; ≥ offTrack → at risk;
 * below → off track. Exactly on the line is progress 1; ahead of it is > 1.
 *   At the start (or before it) nothing is expected yet: on track unless the
 *   value has moved the wrong way from the baseline, which is at risk (too early
 *   to call it off track); progress is then undefined.
 *   A baseline equal to the target means "hold this level": judged like
 *   stay_above (increase) or stay_below (decrease).
 * stay_above: on track at or above the target; at risk within the tolerance band
 * below it (stayTolerance × |target|); off track below the band. stay_below mirrors.
 * No data: no value reported, or the plan lacks a target (all directions), or a
 * baseline or deadline (increase / decrease); `reason` says which.
 */

export const KpiThresholdsSchema = z
  .strictObject({
    atRisk: z.number().min(0, { error: E.range.en }).max(1, { error: E.range.en }),
    offTrack: z.number().min(0, { error: E.range.en }).max(1, { error: E.range.en }),
    stayTolerance: z.number().min(0, { error: E.tolerance.en }),
  })
  .refine((t) => t.offTrack <= t.atRisk, { error: E.order.en, path: ['offTrack'] });
export type KpiThresholds = z.infer<typeof KpiThresholdsSchema>;

/**
 * Boundaries are inclusive; this keeps them so under float noise (2.2 − 2 is
 * 0.20000000000000018, which must still be "within 10 % of 2").
 */
const EPSILON = 1e-9;

export const DEFAULT_KPI_THRESHOLDS: KpiThresholds = {
  atRisk: 0.9,
  offTrack: 0.75,
  stayTolerance: 0.1,
};

export interface KpiAssessment {
  readonly status: KpiStatus;
  readonly expected?: number;
  /** For increase / decrease once something is expected: 1 = exactly on the line. */
  readonly progress?: number;
  readonly reason?: KpiNoDataReason;
}

export interface KpiMoment extends KpiClockOptions {
  readonly planStart: string;
  readonly at: Date;
}

export function kpiStatus(
  kpi: Kpi,
  actual: number | undefined,
  when: KpiMoment,
  thresholds: Partial<KpiThresholds> = {},
): KpiAssessment {
  const t = { ...DEFAULT_KPI_THRESHOLDS, ...thresholds };
  const { target, baseline, direction } = kpi;
  if (actual === undefined) return { status: 'no_data', reason: 'no_actual' };
  if (target === undefined) return { status: 'no_data', reason: 'no_target' };
  if (direction === 'stay_above') return holdStatus(actual - target, target, t);
  if (direction === 'stay_below') return holdStatus(target - actual, target, t);
  if (baseline === undefined) return { status: 'no_data', reason: 'no_baseline' };
  if (baseline === target) {
    return holdStatus(direction === 'increase' ? actual - target : target - actual, target, t);
  }
  const expected = expectedValue(kpi, when.planStart, when.at, when);
  if (expected === undefined) return { status: 'no_data', reason: 'no_deadline' };
  const span = expected - baseline;
  if (span === 0) {
    const wrongWay = target > baseline ? actual < baseline : actual > baseline;
    return { status: wrongWay ? 'at_risk' : 'on_track', expected };
  }
  const progress = (actual - baseline) / span;
  const status =
    progress >= t.atRisk ? 'on_track' : progress >= t.offTrack ? 'at_risk' : 'off_track';
  return { status, expected, progress };
}

/** Holding a level: `margin` is how far on the good side of the target the value is. */
function holdStatus(margin: number, target: number, t: KpiThresholds): KpiAssessment {
  const band = t.stayTolerance * Math.abs(target) + EPSILON * Math.max(1, Math.abs(target));
  const status = margin >= 0 ? 'on_track' : -margin <= band ? 'at_risk' : 'off_track';
  return { status, expected: target };
}
