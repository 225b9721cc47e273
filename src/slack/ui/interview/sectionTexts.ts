import type { ListFieldType } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';

/** Texts of the section step modal, in the plan's language. */
export interface SectionTexts {
  saveNext: string;
  saveFinish: string;
  close: string;
  back: string;
  saveClose: string;
  remove: string;
  removeConfirmTitle: string;
  removeConfirmText: (row: string) => string;
  removeConfirmYes: string;
  removeConfirmNo: string;
  /** "KPI 2" */
  rowTitle: Record<ListFieldType, (n: number) => string>;
  add: Record<ListFieldType, string>;
  /** Plural, for cap messages: "KPIs". */
  rowsNoun: Record<ListFieldType, string>;
  capReached: (max: number, noun: string) => string;
  noRoom: (noun: string) => string;
  hiddenRows: (count: number, noun: string) => string;
  amountLabel: (label: string) => string;
  currencyLabel: (label: string) => string;
  rangeStart: (label: string) => string;
  rangeEnd: (label: string) => string;
}

const en: SectionTexts = {
  saveNext: 'Save & next',
  saveFinish: 'Save & finish',
  close: 'Close',
  back: '← Back',
  saveClose: 'Save & close',
  remove: 'Remove',
  removeConfirmTitle: 'Remove this row?',
  removeConfirmText: (row) => `${row} and what you typed in it will be removed from this step.`,
  removeConfirmYes: 'Remove',
  removeConfirmNo: 'Keep it',
  rowTitle: {
    kpis: (n) => `KPI ${n}`,
    phases: (n) => `Phase ${n}`,
    budget_lines: (n) => `Budget line ${n}`,
    resources: (n) => `Resource ${n}`,
    prioritised_items: (n) => `Item ${n}`,
  },
  add: {
    kpis: '+ Add a KPI',
    phases: '+ Add a phase',
    budget_lines: '+ Add a budget line',
    resources: '+ Add a resource',
    prioritised_items: '+ Add an item',
  },
  rowsNoun: {
    kpis: 'KPIs',
    phases: 'phases',
    budget_lines: 'budget lines',
    resources: 'resources',
    prioritised_items: 'items',
  },
  capReached: (max, noun) => `This step holds at most ${max} ${noun}; remove one to add another.`,
  noRoom: (noun) =>
    `This step has no room for more ${noun} (Slack limits how much one window can show); remove a row here or in another list to make room.`,
  hiddenRows: (count, noun) =>
    `${count} more ${noun} are saved but do not fit in this window. They stay as they are; remove rows above to see them.`,
  amountLabel: (label) => `${label} — amount`,
  currencyLabel: (label) => `${label} — currency`,
  rangeStart: (label) => `${label} — from`,
  rangeEnd: (label) => `${label} — to`,
};

const zhCN: SectionTexts = {
  saveNext: '保存并继续',
  saveFinish: '保存并完成',
  close: '关闭',
  back: '← 上一步',
  saveClose: '保存并关闭',
  remove: '删除',
  removeConfirmTitle: '删除这一行？',
  removeConfirmText: (row) => `将从本步骤中删除「${row}」及其中已填写的内容。`,
  removeConfirmYes: '删除',
  removeConfirmNo: '保留',
  rowTitle: {
    kpis: (n) => `KPI ${n}`,
    phases: (n) => `阶段 ${n}`,
    budget_lines: (n) => `预算项 ${n}`,
    resources: (n) => `资源 ${n}`,
    prioritised_items: (n) => `事项 ${n}`,
  },
  add: {
    kpis: '+ 添加 KPI',
    phases: '+ 添加阶段',
    budget_lines: '+ 添加预算项',
    resources: '+ 添加资源',
    prioritised_items: '+ 添加事项',
  },
  rowsNoun: {
    kpis: '个 KPI',
    phases: '个阶段',
    budget_lines: '个预算项',
    resources: '项资源',
    prioritised_items: '个事项',
  },
  capReached: (max, noun) => `本步骤最多可填写 ${max} ${noun}；如需添加，请先删除一行。`,
  noRoom: (noun) =>
    `本步骤已无空间再添加${noun.replace(/^[个项]/, '')}（Slack 限制单个窗口可显示的内容）；请先删除本列表或其他列表中的一行。`,
  hiddenRows: (count, noun) =>
    `另有 ${count} ${noun}已保存，但本窗口放不下。它们保持不变；删除上方的行即可看到。`,
  amountLabel: (label) => `${label}（金额）`,
  currencyLabel: (label) => `${label}（币种）`,
  rangeStart: (label) => `${label}（开始）`,
  rangeEnd: (label) => `${label}（结束）`,
};

export const SECTION_TEXTS: Record<Locale, SectionTexts> = { en, 'zh-CN': zhCN };
