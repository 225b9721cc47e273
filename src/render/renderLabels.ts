import type { Locale, LocalizedText } from '../domain/locale.js';

/** Fixed texts of the rendered plan (headings, column names), in every supported language. */
export const RENDER_LABELS = {
  stage: { 'zh-CN': '阶段', en: 'Stage' },
  audience: { 'zh-CN': '读者', en: 'Audience' },
  period: { 'zh-CN': '计划周期', en: 'Plan period' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  editors: { 'zh-CN': '编辑', en: 'Editors' },
  channel: { 'zh-CN': '频道', en: 'Channel' },
  template: { 'zh-CN': '模板', en: 'Template' },
  timezone: { 'zh-CN': '时区', en: 'Time zone' },
  notAnswered: { 'zh-CN': '（本章节尚未填写）', en: '(This section has not been answered yet.)' },
  kpiOverview: { 'zh-CN': 'KPI 概览', en: 'KPI overview' },
  budgetTotal: { 'zh-CN': '预算合计', en: 'Budget total' },
  review: { 'zh-CN': '评审结果', en: 'Review' },
  fullPlanInThread: {
    'zh-CN': '各章节详情见下方讨论串。',
    en: 'Each section follows in the thread below.',
  },
  fullTextInThread: { 'zh-CN': '（全文见讨论串）', en: '(full text in the thread)' },
  continued: { 'zh-CN': '续', en: 'continued' },
  name: { 'zh-CN': '名称', en: 'Name' },
  baseline: { 'zh-CN': '基线', en: 'Baseline' },
  target: { 'zh-CN': '目标', en: 'Target' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  direction: { 'zh-CN': '方向', en: 'Direction' },
  deadline: { 'zh-CN': '截止日期', en: 'Deadline' },
  cadence: { 'zh-CN': '跟进频率', en: 'Check-in' },
  phase: { 'zh-CN': '阶段', en: 'Phase' },
  start: { 'zh-CN': '开始', en: 'Start' },
  end: { 'zh-CN': '结束', en: 'End' },
  goal: { 'zh-CN': '目标', en: 'Goal' },
  successCriteria: { 'zh-CN': '达成标准', en: 'Success criteria' },
  tasks: { 'zh-CN': '主要任务', en: 'Tasks' },
  item: { 'zh-CN': '项目', en: 'Item' },
  category: { 'zh-CN': '类别', en: 'Category' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  total: { 'zh-CN': '合计', en: 'Total' },
  status: { 'zh-CN': '状态', en: 'Status' },
  source: { 'zh-CN': '来源', en: 'Source' },
  howToObtain: { 'zh-CN': '获取方式', en: 'How to obtain' },
  priority: { 'zh-CN': '优先级', en: 'Priority' },
  notes: { 'zh-CN': '说明', en: 'Notes' },
  none: { 'zh-CN': '无', en: 'none' },
} as const satisfies Record<string, LocalizedText>;

export type RenderLabel = keyof typeof RENDER_LABELS;

export function label(key: RenderLabel, locale: Locale): string {
  return RENDER_LABELS[key][locale];
}

/** Separator between items of an inline list, as each language writes it. */
export function listSeparator(locale: Locale): string {
  return locale === 'zh-CN' ? '、' : ', ';
}

/** The colon after a label: full-width in Chinese. */
export function colon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
}
