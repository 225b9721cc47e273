import type { CheckInCadence, KpiDirection, Priority } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';

/** Labels, placeholders and option texts of the columns of structured-list rows. */
export interface ListColumnTexts {
  labels: {
    kpiName: string;
    baseline: string;
    target: string;
    unit: string;
    direction: string;
    deadline: string;
    owner: string;
    cadence: string;
    phaseName: string;
    start: string;
    end: string;
    goal: string;
    successCriteria: string;
    tasks: string;
    item: string;
    category: string;
    amount: string;
    currency: string;
    phase: string;
    status: string;
    source: string;
    howToObtain: string;
    title: string;
    priority: string;
    notes: string;
  };
  placeholders: { unit: string; successCriteria: string; category: string };
  directions: Record<KpiDirection, string>;
  cadences: Record<CheckInCadence, string>;
  statuses: { have: string; need: string };
  priorities: Record<Priority, string>;
}

const en: ListColumnTexts = {
  labels: {
    kpiName: 'KPI name',
    baseline: 'Baseline (today)',
    target: 'Target',
    unit: 'Unit',
    direction: 'Direction',
    deadline: 'Deadline',
    owner: 'Owner',
    cadence: 'Check-in cadence',
    phaseName: 'Phase name',
    start: 'Start',
    end: 'End',
    goal: 'Goal',
    successCriteria: 'Success criteria',
    tasks: 'Main tasks',
    item: 'Item',
    category: 'Category',
    amount: 'Amount',
    currency: 'Currency',
    phase: 'Spent in phase',
    status: 'Have or need',
    source: 'Source',
    howToObtain: 'How to obtain it',
    title: 'Title',
    priority: 'Priority',
    notes: 'Notes',
  },
  placeholders: {
    unit: 'e.g. %, users, CNY',
    successCriteria: 'e.g. sign-up conversion ≥ 25%',
    category: 'e.g. marketing, people, tools',
  },
  directions: {
    increase: 'Increase',
    decrease: 'Decrease',
    stay_above: 'Stay above',
    stay_below: 'Stay below',
  },
  cadences: {
    daily: 'Daily',
    weekly: 'Weekly',
    biweekly: 'Every two weeks',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
  },
  statuses: { have: 'Have', need: 'Need' },
  priorities: {
    P0: 'P0 — the plan fails without it',
    P1: 'P1 — should be done this period',
    P2: 'P2 — if time allows',
  },
};

const zhCN: ListColumnTexts = {
  labels: {
    kpiName: 'KPI 名称',
    baseline: '基线（当前值）',
    target: '目标值',
    unit: '单位',
    direction: '方向',
    deadline: '截止日期',
    owner: '负责人',
    cadence: '跟进频率',
    phaseName: '阶段名称',
    start: '开始日期',
    end: '结束日期',
    goal: '阶段目标',
    successCriteria: '成功标准',
    tasks: '主要任务',
    item: '项目',
    category: '类别',
    amount: '金额',
    currency: '币种',
    phase: '所属阶段',
    status: '已有 / 需要',
    source: '来源',
    howToObtain: '获取方式',
    title: '名称',
    priority: '优先级',
    notes: '备注',
  },
  placeholders: {
    unit: '如 %、人、元',
    successCriteria: '如：注册转化率 ≥ 25%',
    category: '如：市场、人力、工具',
  },
  directions: {
    increase: '提升',
    decrease: '降低',
    stay_above: '保持不低于',
    stay_below: '保持不高于',
  },
  cadences: {
    daily: '每日',
    weekly: '每周',
    biweekly: '每两周',
    monthly: '每月',
    quarterly: '每季度',
  },
  statuses: { have: '已有', need: '需要' },
  priorities: {
    P0: 'P0 — 不做计划就失败',
    P1: 'P1 — 本期应做',
    P2: 'P2 — 有余力再做',
  },
};

export const LIST_COLUMN_TEXTS: Record<Locale, ListColumnTexts> = { en, 'zh-CN': zhCN };
