import type { LocalizedText } from '../locale.js';

/** The six cron fields, in expression order (the seconds field is optional). */
export const CRON_FIELDS = [
  'second',
  'minute',
  'hour',
  'dayOfMonth',
  'month',
  'dayOfWeek',
] as const;
export type CronField = (typeof CRON_FIELDS)[number];

export const CRON_FIELD_LABELS: Record<CronField, LocalizedText> = {
  second: { 'zh-CN': '秒', en: 'second' },
  minute: { 'zh-CN': '分钟', en: 'minute' },
  hour: { 'zh-CN': '小时', en: 'hour' },
  dayOfMonth: { 'zh-CN': '日期（每月第几天）', en: 'day of month' },
  month: { 'zh-CN': '月份', en: 'month' },
  dayOfWeek: { 'zh-CN': '星期', en: 'day of week' },
};

/** What each field accepts, shown in error messages so the fix is obvious. */
export const CRON_FIELD_HINTS: Record<CronField, LocalizedText> = {
  second: { 'zh-CN': '0–59，例如 0、*/2、0,30', en: '0–59, e.g. 0, */2, 0,30' },
  minute: { 'zh-CN': '0–59，例如 0、*/15、0,30', en: '0–59, e.g. 0, */15, 0,30' },
  hour: { 'zh-CN': '0–23，例如 10、9-17、*/2', en: '0–23, e.g. 10, 9-17, */2' },
  dayOfMonth: {
    'zh-CN': '1–31 或 L（月末），例如 1、15、L',
    en: '1–31 or L (last day), e.g. 1, 15, L',
  },
  month: {
    'zh-CN': '1–12 或 JAN–DEC，例如 1、*/3、JAN,JUL',
    en: '1–12 or JAN–DEC, e.g. 1, */3, JAN,JUL',
  },
  dayOfWeek: {
    'zh-CN': '0–7（0 和 7 均为周日）或 MON–SUN，例如 1、1-5、MON',
    en: '0–7 (0 and 7 are Sunday) or MON–SUN, e.g. 1, 1-5, MON',
  },
};

const quoteEn = (s: string) => `"${s}"`;
const quoteZh = (s: string) => `“${s}”`;

export const CRON_ERROR_TEXTS = {
  fieldCount: (got: number): LocalizedText => ({
    'zh-CN': `cron 表达式需要 5 个字段（分 时 日 月 周）或 6 个字段（秒 分 时 日 月 周），但这里有 ${got} 个。`,
    en: `A cron expression needs 5 fields (minute hour day month weekday) or 6 fields (second minute hour day month weekday), but this one has ${got}.`,
  }),
  badField: (field: CronField, value: string): LocalizedText => ({
    'zh-CN': `「${CRON_FIELD_LABELS[field]['zh-CN']}」字段的值 ${quoteZh(value)} 无效：应为 ${CRON_FIELD_HINTS[field]['zh-CN']}。`,
    en: `The ${CRON_FIELD_LABELS[field].en} field ${quoteEn(value)} is not valid: use ${CRON_FIELD_HINTS[field].en}.`,
  }),
  impossibleDay: (value: string): LocalizedText => ({
    'zh-CN': `「日期」字段的值 ${quoteZh(value)} 在所选月份中不存在，这个计划永远不会触发。`,
    en: `The day of month ${quoteEn(value)} never occurs in the chosen months, so this schedule would never run.`,
  }),
  unsupportedToken: (field: CronField, value: string): LocalizedText => ({
    'zh-CN': `「${CRON_FIELD_LABELS[field]['zh-CN']}」字段的 ${quoteZh(value)} 暂不支持，请改用数字、范围或列表。`,
    en: `${quoteEn(value)} in the ${CRON_FIELD_LABELS[field].en} field is not supported; use numbers, ranges or lists.`,
  }),
  neverRuns: (): LocalizedText => ({
    'zh-CN': '这个 cron 表达式在未来几年内都不会触发，请检查日期、月份和星期的组合。',
    en: 'This cron expression does not run in the next several years; check how day, month and weekday combine.',
  }),
} as const;

export const PRESET_LABELS = {
  daily: { 'zh-CN': '每天', en: 'Daily' },
  weekly: { 'zh-CN': '每周', en: 'Weekly' },
  biweekly: { 'zh-CN': '每两周', en: 'Every other week' },
  monthly: { 'zh-CN': '每月', en: 'Monthly' },
  quarterly: { 'zh-CN': '每季度（首个工作日）', en: 'Quarterly (first working day)' },
  cron: { 'zh-CN': '自定义（cron）', en: 'Custom (cron)' },
} as const satisfies Record<string, LocalizedText>;

export const SCHEDULE_OPTION_ERROR_TEXTS = {
  badTimeZone: {
    'zh-CN': '不是有效的 IANA 时区（例如 Asia/Shanghai）',
    en: 'not an IANA time zone (e.g. Asia/Shanghai)',
  },
  badDate: { 'zh-CN': '日期格式应为 yyyy-mm-dd', en: 'not a date in the form yyyy-mm-dd' },
  badWeekday: {
    'zh-CN': '星期应为 1（周一）到 7（周日）',
    en: 'weekday must be 1 (Monday) to 7 (Sunday)',
  },
  badHour: { 'zh-CN': '小时应为 0–23', en: 'hour must be 0–23' },
  badMinute: { 'zh-CN': '分钟应为 0–59', en: 'minute must be 0–59' },
  badDay: {
    'zh-CN': '日期应为 1–28 或“首个工作日”',
    en: 'day must be 1–28 or the first working day',
  },
} as const satisfies Record<string, LocalizedText>;
