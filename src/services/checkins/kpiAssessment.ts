import type { Kpi } from '../../domain/fieldTypes.js';
import {
  type KpiAssessment,
  type KpiThresholds,
  type KpiTrend,
  kpiStatus,
  trend,
} from '../../domain/kpi/index.js';

export interface KpiRowAssessment {
  kpi: Kpi;
  /** The value this assessment is about (this round's answer, or the latest reading). */
  actual?: number;
  /** The reading before it, for the trend. */
  previous?: number;
  assessment: KpiAssessment;
  /** Undefined without two readings to compare. */
  trend?: KpiTrend;
}

export interface AssessmentClock {
  /** The plan's start date: the baseline's day. */
  planStart: string;
  /** The plan's end: the deadline of a KPI without one. */
  planEnd: string;
  at: Date;
  timeZone: string;
}

/**
 * How one KPI stands: status against the expected value at `at` (with the plan's thresholds) and
 * its trend since the previous reading. KPIs without their own deadline are paced to the plan's end.
 */
export function assessKpi(
  kpi: Kpi,
  actual: number | undefined,
  previous: number | undefined,
  clock: AssessmentClock,
  thresholds: Partial<KpiThresholds> = {},
): KpiRowAssessment {
  const assessment = kpiStatus(
    kpi,
    actual,
    {
      planStart: clock.planStart,
      at: clock.at,
      timeZone: clock.timeZone,
      deadlineFallback: clock.planEnd,
    },
    thresholds,
  );
  const row: KpiRowAssessment = { kpi, assessment };
  if (actual !== undefined) row.actual = actual;
  if (previous !== undefined) row.previous = previous;
  if (actual !== undefined && previous !== undefined) {
    row.trend = trend(previous, actual, kpi.direction);
  }
  return row;
}
