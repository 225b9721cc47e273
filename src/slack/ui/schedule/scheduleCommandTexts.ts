import type { Locale } from '../../../domain/locale.js';

/**
 * Texts of `/opsplan settings|remind|checkin`. Arguments marked mrkdwn are ALREADY escaped by the
 * caller (refs as inline code, titles); usages show `&lt;plan&gt;` so Slack never reads a link.
 */
const en = {
  subcommands: {
    settings: {
      usage: '/opsplan settings <plan>',
      summary:
        'Changes when a published plan’s revision reminders and KPI check-ins run (owner only).',
    },
    remind: {
      usage: '/opsplan remind <plan> now',
      summary: 'Posts the revision reminder in the plan’s channel now (owner and editors).',
    },
    checkin: {
      usage: '/opsplan checkin <plan> now',
      summary: 'Starts a KPI check-in round now: every KPI owner gets a DM (owner and editors).',
    },
  },
  missingRef: (p: { usage: string }) =>
    `Which plan? \`${p.usage}\` — name it by its short id or its title.`,
  missingNow: (p: { usage: string }) =>
    `To run it right away, end the command with \`now\`: \`${p.usage}\``,
  notFound: (p: { ref: string }) =>
    `No plan matches \`${p.ref}\`. \`/opsplan list\` shows your plans with their ids.`,
  notPublished: (p: { title: string }) =>
    `*${p.title}* has not been published yet, so it has no reminders or check-ins. Publish it first.`,
  forbiddenOwner: 'Only the owner of this plan can change its schedules.',
  planGone: 'This plan is no longer published, so it has no schedules to change.',
  forbiddenEditor:
    'Only the owner and the editors of this plan can run its reminders and check-ins.',
  ambiguous: (p: { ref: string; choices: string }) =>
    `Several plans match \`${p.ref}\`. Name the one you mean by its id:\n${p.choices}`,
  remindStarted: (p: { title: string }) =>
    `:alarm_clock: The revision reminder for *${p.title}* is on its way to the plan’s channel.`,
  checkinStarted: (p: { title: string }) =>
    `:bar_chart: A check-in round for *${p.title}* has started: each KPI owner gets a DM.`,
  duplicate: 'That was just done a moment ago, so nothing new was sent.',
  noSchedule: (p: { title: string }) =>
    `*${p.title}* has nothing to send for this (no KPI, or no schedule yet).`,
};

type ScheduleCommandTexts = typeof en;

const zh: ScheduleCommandTexts = {
  subcommands: {
    settings: {
      usage: '/opsplan settings <计划>',
      summary: '修改已发布计划的修订提醒和 KPI 填报时间（仅限负责人）。',
    },
    remind: {
      usage: '/opsplan remind <计划> now',
      summary: '立即在计划频道发送修订提醒（负责人和编辑者）。',
    },
    checkin: {
      usage: '/opsplan checkin <计划> now',
      summary: '立即开始一轮 KPI 填报：每位 KPI 负责人都会收到私信（负责人和编辑者）。',
    },
  },
  missingRef: (p) => `哪个计划？\`${p.usage}\` — 用短 ID 或标题指明。`,
  missingNow: (p) => `要立即执行，请在命令末尾加上 \`now\`：\`${p.usage}\``,
  notFound: (p) => `没有与 \`${p.ref}\` 匹配的计划。\`/opsplan list\` 会列出你的计划及其 ID。`,
  notPublished: (p) => `*${p.title}* 尚未发布，因此没有提醒或填报。请先发布。`,
  forbiddenOwner: '只有计划负责人可以修改它的时间安排。',
  planGone: '这份计划已不再发布，没有可修改的时间安排。',
  forbiddenEditor: '只有计划负责人和编辑者可以执行它的提醒和填报。',
  ambiguous: (p) => `有多个计划与 \`${p.ref}\` 匹配。请用 ID 指明：\n${p.choices}`,
  remindStarted: (p) => `:alarm_clock: *${p.title}* 的修订提醒正在发往计划频道。`,
  checkinStarted: (p) =>
    `:bar_chart: *${p.title}* 的一轮 KPI 填报已开始：每位 KPI 负责人都会收到私信。`,
  duplicate: '刚刚已经执行过，这次没有重复发送。',
  noSchedule: (p) => `*${p.title}* 没有可发送的内容（没有 KPI，或尚未安排）。`,
};

const TEXTS: Record<Locale, ScheduleCommandTexts> = { en, 'zh-CN': zh };

export function scheduleCommandTexts(locale: Locale): ScheduleCommandTexts {
  return TEXTS[locale];
}
