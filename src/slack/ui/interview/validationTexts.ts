import type { Locale } from '../../../domain/locale.js';

/** Inline error texts of the interview's forms, shown under the offending input. */
export interface ValidationTexts {
  required: string;
  listRequired: (noun: string) => string;
  notNumber: string;
  tooLarge: string;
  tooLong: (max: number) => string;
  rowNeeds: (label: string) => string;
  endBeforeStart: string;
  outsidePeriod: (start: string, end: string) => string;
  negativeAmount: string;
  rangeIncomplete: string;
  notAnOption: string;
  currencyMissing: string;
  notAPerson: string;
  notAChannel: string;
  notADate: string;
  duplicate: string;
  tooMany: (max: number) => string;
  /** Wraps a domain rule's own message. */
  invalid: (detail: string) => string;
}

const en: ValidationTexts = {
  required: 'This field is required.',
  listRequired: (noun) => `Add at least one row here — this step needs ${noun}.`,
  notNumber: 'Enter a number, e.g. 1200 or 12.5.',
  tooLarge: 'This number is too large.',
  tooLong: (max) => `Keep this to ${max} characters or fewer.`,
  rowNeeds: (label) => `Fill in “${label}” for this row, or clear the whole row to drop it.`,
  endBeforeStart: 'The end date is before the start date.',
  outsidePeriod: (start, end) => `This date is outside the plan period (${start} to ${end}).`,
  negativeAmount: 'A budget amount cannot be negative.',
  rangeIncomplete: 'Pick both the start and the end date.',
  notAnOption: 'Pick one of the listed options.',
  currencyMissing: 'Pick a currency for this amount.',
  notAPerson: 'Pick a person from the list.',
  notAChannel: 'Pick a channel from the list.',
  notADate: 'Pick a date from the calendar.',
  duplicate: 'The same choice is listed twice.',
  tooMany: (max) => `Pick at most ${max}.`,
  invalid: (detail) => `This value is not valid: ${detail}.`,
};

const zhCN: ValidationTexts = {
  required: '此项为必填。',
  listRequired: (noun) => `请至少填写一行——本步骤需要填写${noun.replace(/^[个项]/, '')}。`,
  notNumber: '请输入数字，例如 1200 或 12.5。',
  tooLarge: '数字太大了。',
  tooLong: (max) => `请控制在 ${max} 个字符以内。`,
  rowNeeds: (label) => `请填写本行的「${label}」，或清空整行以删除它。`,
  endBeforeStart: '结束日期早于开始日期。',
  outsidePeriod: (start, end) => `该日期不在计划周期内（${start} 至 ${end}）。`,
  negativeAmount: '预算金额不能为负数。',
  rangeIncomplete: '请同时选择开始日期和结束日期。',
  notAnOption: '请从列出的选项中选择。',
  currencyMissing: '请为该金额选择币种。',
  notAPerson: '请从列表中选择一位成员。',
  notAChannel: '请从列表中选择一个频道。',
  notADate: '请从日历中选择日期。',
  duplicate: '同一选项出现了两次。',
  tooMany: (max) => `最多选择 ${max} 项。`,
  invalid: (detail) => `该值无效：${detail}。`,
};

export const VALIDATION_TEXTS: Record<Locale, ValidationTexts> = { en, 'zh-CN': zhCN };
