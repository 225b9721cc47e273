import {
  CHECK_IN_CADENCES,
  type FieldType,
  type FieldValue,
  KPI_DIRECTIONS,
} from '../domain/fieldTypes.js';
import type { Locale, LocalizedText } from '../domain/locale.js';
import type { TemplateField } from '../domain/template.js';

/** What each field type expects, as the skeleton's comments explain it. */
const TYPE_NOTES: Record<FieldType, LocalizedText> = {
  short_text: { 'zh-CN': '短文本，最多 3000 字', en: 'short text, up to 3000 characters' },
  long_text: { 'zh-CN': '长文本，最多 3000 字', en: 'long text, up to 3000 characters' },
  number: { 'zh-CN': '数字', en: 'a number' },
  money: {
    'zh-CN': '金额与币种（ISO 代码，如 CNY）',
    en: 'amount and currency (ISO code, e.g. CNY)',
  },
  percent: { 'zh-CN': '百分比，12.5 表示 12.5%', en: 'a percentage: 12.5 means 12.5%' },
  date: { 'zh-CN': '日期 yyyy-mm-dd', en: 'a date, yyyy-mm-dd' },
  date_range: { 'zh-CN': '起止日期', en: 'a start and end date' },
  single_select: { 'zh-CN': '单选，填选项值', en: 'one option value' },
  multi_select: { 'zh-CN': '多选，填选项值列表', en: 'a list of option values' },
  user: { 'zh-CN': 'Slack 用户 ID（U…）', en: 'a Slack user id (U…)' },
  users: { 'zh-CN': 'Slack 用户 ID 列表', en: 'a list of Slack user ids' },
  channel: { 'zh-CN': 'Slack 频道 ID（C…）', en: 'a Slack channel id (C…)' },
  kpis: {
    'zh-CN': `KPI 列表；direction: ${KPI_DIRECTIONS.join(' | ')}；cadence: ${CHECK_IN_CADENCES.join(' | ')}`,
    en: `a list of KPIs; direction: ${KPI_DIRECTIONS.join(' | ')}; cadence: ${CHECK_IN_CADENCES.join(' | ')}`,
  },
  phases: {
    'zh-CN': '阶段列表（名称、起止日期、目标、达成标准）',
    en: 'a list of phases (name, dates, goal, success criteria)',
  },
  budget_lines: {
    'zh-CN': '预算明细；phaseId 指向阶段列表中的 id',
    en: 'budget lines; phaseId refers to an id in a phase list',
  },
  resources: {
    'zh-CN': '资源列表；status: have | need',
    en: 'a list of resources; status: have | need',
  },
  prioritised_items: {
    'zh-CN': '带优先级的事项；priority: P0 | P1 | P2',
    en: 'prioritised items; priority: P0 | P1 | P2',
  },
};

export function typeNote(type: FieldType, locale: Locale): string {
  return TYPE_NOTES[type][locale];
}

/** Types whose empty answer is written as `[]`; the others are left commented out until answered. */
export function startsAsEmptyList(type: FieldType): boolean {
  return [
    'multi_select',
    'users',
    'kpis',
    'phases',
    'budget_lines',
    'resources',
    'prioritised_items',
  ].includes(type);
}

/** A valid example answer for a field, shown commented out in the skeleton (and tested to validate). */
export function exampleValue(field: TemplateField, locale: Locale): FieldValue {
  const zh = locale === 'zh-CN';
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return field.placeholder?.[locale] ?? field.label[locale];
    case 'number':
      return 1000;
    case 'money':
      return { amount: 100000, currency: zh ? 'CNY' : 'USD' };
    case 'percent':
      return 12.5;
    case 'date':
      return '2026-06-30';
    case 'date_range':
      return { start: '2026-01-01', end: '2026-03-31' };
    case 'single_select':
      return field.options?.[0]?.value ?? '';
    case 'multi_select':
      return (field.options ?? []).slice(0, 2).map((o) => o.value);
    case 'user':
      return 'U0123ABCD';
    case 'users':
      return ['U0123ABCD', 'U0456EFGH'];
    case 'channel':
      return 'C0123ABCD';
    case 'kpis':
      return [
        {
          id: 'kpi-1',
          name: zh ? '月活跃用户' : 'Monthly active users',
          baseline: 10000,
          target: 15000,
          unit: zh ? '人' : 'users',
          direction: 'increase',
          deadline: '2026-06-30',
          owner: 'U0123ABCD',
          cadence: 'monthly',
        },
      ];
    case 'phases':
      return [
        {
          id: 'phase-1',
          name: zh ? '试运营' : 'Trial run',
          start: '2026-01-01',
          end: '2026-03-31',
          goal: zh ? '跑通核心流程' : 'Prove the core flow',
          successCriteria: zh ? '100 个付费用户' : '100 paying users',
        },
      ];
    case 'budget_lines':
      return [
        {
          id: 'line-1',
          item: zh ? '广告投放' : 'Paid ads',
          category: zh ? '市场' : 'Marketing',
          amount: 50000,
          currency: zh ? 'CNY' : 'USD',
          phaseId: 'phase-1',
        },
      ];
    case 'resources':
      return [
        {
          id: 'res-1',
          item: zh ? '内容运营 1 名' : 'One content editor',
          status: 'need',
          source: zh ? '外部招聘' : 'External hire',
          howToObtain: zh ? '4 月前通过猎头招聘' : 'Recruiter, before April',
        },
      ];
    case 'prioritised_items':
      return [
        {
          id: 'item-1',
          title: zh ? '会员积分体系' : 'Loyalty points',
          priority: 'P0',
          owner: 'U0123ABCD',
          notes: zh ? '第一阶段上线' : 'Ships in phase 1',
        },
      ];
  }
}
