import type { LocalizedText } from '../locale.js';

export const KPI_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export const KPI_TRENDS = ['improving', 'worsening', 'flat'] as const;
export type KpiTrend = (typeof KPI_TRENDS)[number];

/** Why a KPI cannot be assessed; shown next to "No data" so the owner knows what to fill in. */
export const KPI_NO_DATA_REASONS = [
  'no_actual',
  'no_target',
  'no_baseline',
  'no_deadline',
] as const;
export type KpiNoDataReason = (typeof KPI_NO_DATA_REASONS)[number];

export const KPI_STATUS_LABELS: Record<KpiStatus, LocalizedText> = {
  on_track: { 'zh-CN': '进度正常', en: 'On track' },
  at_risk: { 'zh-CN': '有风险', en: 'At risk' },
  off_track: { 'zh-CN': '已落后', en: 'Off track' },
  no_data: { 'zh-CN': '无法评估', en: 'No data' },
};

export const KPI_TREND_LABELS: Record<KpiTrend, LocalizedText> = {
  improving: { 'zh-CN': '改善', en: 'Improving' },
  worsening: { 'zh-CN': '恶化', en: 'Worsening' },
  flat: { 'zh-CN': '持平', en: 'Flat' },
};

export const KPI_NO_DATA_REASON_TEXTS: Record<KpiNoDataReason, LocalizedText> = {
  no_actual: { 'zh-CN': '本轮尚未填报数值', en: 'no value reported this round' },
  no_target: { 'zh-CN': '计划中未设定目标值', en: 'the plan sets no target' },
  no_baseline: { 'zh-CN': '计划中未设定基线值', en: 'the plan sets no baseline' },
  no_deadline: { 'zh-CN': '计划中未设定截止日期', en: 'the plan sets no deadline' },
};

export const KPI_THRESHOLD_ERROR_TEXTS = {
  order: {
    'zh-CN': '“落后”阈值不能高于“有风险”阈值',
    en: 'the off-track threshold cannot be above the at-risk threshold',
  },
  range: { 'zh-CN': '阈值应在 0 到 1 之间', en: 'thresholds must be between 0 and 1' },
  tolerance: { 'zh-CN': '容差不能为负数', en: 'the tolerance cannot be negative' },
} as const satisfies Record<string, LocalizedText>;
