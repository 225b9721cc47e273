/** KPI pace and status: pure maths over a KPI row, a value and a moment. */
export { expectedValue, type KpiClockOptions, paceFraction } from './expectedValue.js';
export {
  DEFAULT_KPI_THRESHOLDS,
  type KpiAssessment,
  type KpiMoment,
  type KpiThresholds,
  KpiThresholdsSchema,
  kpiStatus,
} from './kpiStatus.js';
export {
  KPI_NO_DATA_REASON_TEXTS,
  KPI_STATUS_LABELS,
  KPI_STATUSES,
  KPI_THRESHOLD_ERROR_TEXTS,
  KPI_TREND_LABELS,
  KPI_TRENDS,
  type KpiNoDataReason,
  type KpiStatus,
  type KpiTrend,
} from './kpiTexts.js';
export { trend } from './trend.js';
