import type { ChangeGroup } from '../domain/diff/index.js';
import type { Locale, LocalizedText } from '../domain/locale.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Fixed texts of the "v2 — what changed" post, in every supported language. */
export const PLAN_CHANGES_TEXTS = {
  planDetails: { 'zh-CN': '计划信息', en: 'Plan details' },
  title: { 'zh-CN': '标题', en: 'Title' },
  language: { 'zh-CN': '语言', en: 'Language' },
  added: { 'zh-CN': '新增', en: 'Added' },
  removed: { 'zh-CN': '删除', en: 'Removed' },
  changed: { 'zh-CN': '修改', en: 'Changed' },
  before: { 'zh-CN': '修改前', en: 'Before' },
  after: { 'zh-CN': '修改后', en: 'After' },
  editorsAdded: { 'zh-CN': '新增编辑', en: 'New editors' },
  editorsRemoved: { 'zh-CN': '移除编辑', en: 'Editors removed' },
  budgetLinesTotal: { 'zh-CN': '预算明细合计', en: 'Total of the budget lines' },
  currency: { 'zh-CN': '币种', en: 'Currency' },
  itemTitle: { 'zh-CN': '标题', en: 'Title' },
  empty: { 'zh-CN': '（空）', en: '(empty)' },
} as const satisfies Record<string, LocalizedText>;

export type PlanChangesText = keyof typeof PLAN_CHANGES_TEXTS;

export function changesText(key: PlanChangesText, locale: Locale): string {
  return PLAN_CHANGES_TEXTS[key][locale];
}

export const CHANGE_GROUP_TITLES: Record<ChangeGroup, LocalizedText> = {
  goals: { 'zh-CN': '目标', en: 'Goals' },
  kpis: { 'zh-CN': 'KPI', en: 'KPIs' },
  phases: { 'zh-CN': '阶段', en: 'Phases' },
  strategy: { 'zh-CN': '策略', en: 'Strategy' },
  budget: { 'zh-CN': '预算', en: 'Budget' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const LANGUAGE_NAMES: Record<Locale, LocalizedText> = {
  'zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
};

/** "v2 — 本次修改" / "v2 — what changed". */
export function changesHeading(version: number, locale: Locale): string {
  return locale === 'zh-CN' ? `v${version} — 本次修改` : `v${version} — what changed`;
}

/**
 * "与 v1 相比" / "Compared with v1" as mrkdwn; `previousMrkdwn` (a name or a link we built) is inserted
 * as is, the fixed words around it are escaped.
 */
export function comparedWith(previousMrkdwn: string, locale: Locale): string {
  const [before, after] = locale === 'zh-CN' ? ['与 ', ' 相比'] : ['Compared with ', ''];
  return `${escapeMrkdwn(before)}${previousMrkdwn}${escapeMrkdwn(after)}`;
}

export function noChanges(previousVersion: number, locale: Locale): string {
  return locale === 'zh-CN'
    ? `与 v${previousVersion} 相比，内容没有变化。`
    : `Nothing in the content changed since v${previousVersion}.`;
}

export function continuedPart(index: number, count: number, locale: Locale): string {
  return locale === 'zh-CN' ? `（续 ${index}/${count}）` : ` (continued ${index}/${count})`;
}
