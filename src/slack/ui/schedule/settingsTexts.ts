import type { Locale } from '../../../domain/locale.js';

/** Texts of the schedule settings modal. Plain text unless marked mrkdwn (then already escaped). */
const en = {
  title: 'Schedules',
  submit: 'Save',
  close: 'Cancel',
  intro: (p: { title: string }) =>
    `*${p.title}* — when OpsPlan reminds you to revise the plan and asks KPI owners for their numbers. Every send is at 10:00 in the plan’s time zone unless a custom cron says otherwise.`,
  revision: 'Revision reminders',
  checkIns: 'KPI check-ins (all KPIs)',
  weekday: 'Weekday (for weekly)',
  cron: 'Custom cron expression',
  cronHint:
    '5 fields (minute hour day month weekday) or 6 with seconds first, e.g. 0 10 * * 1. Used when “Custom (cron)” is chosen.',
  default: 'Default for the plan’s stage',
  timezone: 'Time zone',
  timezoneHint: 'An IANA name such as Asia/Shanghai or America/New_York.',
  options: 'Options',
  skipWeekends: 'Skip weekends',
  paused: 'Pause all reminders and check-ins',
  snooze: 'Snooze until (optional)',
  window: 'Check-in window (hours)',
  windowHint:
    'How long owners have before the digest is posted; the one nudge goes out at 20/24 of it.',
  thresholdSection: '*KPI status thresholds*',
  atRisk: 'On track from (% of expected progress)',
  offTrack: 'Off track below (% of expected progress)',
  stayTolerance: 'Stay above / below: at risk within (% of target)',
  kpiSection: '*Per-KPI check-ins* (override the plan-wide check-in schedule)',
  kpiLabel: (p: { name: string }) => `Check-ins: ${p.name}`,
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  cronRequired: 'Write a cron expression, or choose a preset above.',
  badTimeZone: 'Not an IANA time zone (e.g. Asia/Shanghai).',
  badWindow: (p: { max: number }) => `Enter a whole number of hours from 1 to ${p.max}.`,
  badPercent: 'Enter a percentage from 0 to 100.',
  saved: (p: { title: string }) =>
    `:white_check_mark: Schedules of *${p.title}* saved. The next reminders and check-ins follow them.`,
};

type SettingsTexts = typeof en;

const zh: SettingsTexts = {
  title: '时间安排',
  submit: '保存',
  close: '取消',
  intro: (p) =>
    `*${p.title}* — OpsPlan 何时提醒你修订计划、何时向 KPI 负责人征询数据。除自定义 cron 外，均在计划时区的 10:00 发送。`,
  revision: '修订提醒',
  checkIns: 'KPI 填报（全部 KPI）',
  weekday: '星期（用于每周）',
  cron: '自定义 cron 表达式',
  cronHint:
    '5 个字段（分 时 日 月 周），或在最前面加秒共 6 个字段，例如 0 10 * * 1。选择“自定义（cron）”时生效。',
  default: '按计划阶段的默认安排',
  timezone: '时区',
  timezoneHint: 'IANA 时区名，例如 Asia/Shanghai 或 America/New_York。',
  options: '选项',
  skipWeekends: '跳过周末',
  paused: '暂停所有提醒和填报',
  snooze: '暂停至（可选）',
  window: '填报窗口（小时）',
  windowHint: '负责人可填报的时长，结束后发布汇总；唯一一次提醒在窗口的 20/24 处发出。',
  thresholdSection: '*KPI 状态阈值*',
  atRisk: '达到应达进度的多少 % 视为正常',
  offTrack: '低于应达进度的多少 % 视为落后',
  stayTolerance: '保持类指标：偏离目标多少 % 以内为有风险',
  kpiSection: '*单个 KPI 的填报*（覆盖整体填报安排）',
  kpiLabel: (p) => `填报：${p.name}`,
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  cronRequired: '请填写 cron 表达式，或在上方选择预设。',
  badTimeZone: '不是有效的 IANA 时区（例如 Asia/Shanghai）。',
  badWindow: (p) => `请输入 1–${p.max} 之间的整数小时。`,
  badPercent: '请输入 0 到 100 之间的百分比。',
  saved: (p) => `:white_check_mark: *${p.title}* 的时间安排已保存，之后的提醒和填报将按此执行。`,
};

const TEXTS: Record<Locale, SettingsTexts> = { en, 'zh-CN': zh };

export function settingsTexts(locale: Locale): SettingsTexts {
  return TEXTS[locale];
}
