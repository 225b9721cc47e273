import type { Stage } from '../../../domain/lifecycle.js';
import type { Locale } from '../../../domain/locale.js';

/** Texts of the revision reminder. Arguments marked mrkdwn are ALREADY escaped by the caller. */
const en = {
  header: (p: { title: string }) => `Time to revise: ${p.title}`,
  fallback: (p: { title: string }) => `Time to revise the plan ${p.title}.`,
  intro: (p: { version: number; stage: string }) =>
    `It is time to look at this plan again (published version v${p.version}, ${p.stage} stage).`,
  late: ':hourglass: This reminder is late: OpsPlan was unavailable when it was due.',
  kpis: '*How the KPIs stand*',
  noKpis: 'This plan has no KPIs to report on.',
  phases: '*Phases due or overdue*',
  noPhases: 'No phase is due or overdue.',
  phaseDue: (p: { end: string }) => `due ${p.end}`,
  phaseOverdue: (p: { end: string }) => `ended ${p.end} — overdue unless done`,
  morePhases: (p: { count: number }) => `…and ${p.count} more.`,
  suggest: '*What to revisit at this stage*',
  revise: 'Revise plan',
  reviseHint:
    'The owner and the editors can revise; the draft opens pre-filled with the published version.',
  stageAdvice: {
    startup:
      'Is the business model still right — who pays, why, at what cost — and is the direction still the one to bet on?',
    growth:
      'Test the business model against the results so far: which assumptions held, which did not, and how you adjust.',
    maturity:
      'Refresh the quarterly breakdown for the coming quarter, and look at competitors and the market for what changed.',
    decline:
      'Check the exit steps and their timing, and the aftercare: refunds, data, alternatives and support for users.',
  } satisfies Record<Stage, string>,
};

type ReminderTexts = typeof en;

const zh: ReminderTexts = {
  header: (p) => `该修订计划了：${p.title}`,
  fallback: (p) => `该修订计划「${p.title}」了。`,
  intro: (p) => `是时候重新审视这份计划了（已发布版本 v${p.version}，${p.stage}）。`,
  late: ':hourglass: 这条提醒迟到了：到期时 OpsPlan 暂时不可用。',
  kpis: '*KPI 进展*',
  noKpis: '这份计划没有可汇报的 KPI。',
  phases: '*到期或逾期的阶段*',
  noPhases: '没有到期或逾期的阶段。',
  phaseDue: (p) => `${p.end} 到期`,
  phaseOverdue: (p) => `已于 ${p.end} 结束 — 若未完成即已逾期`,
  morePhases: (p) => `……另有 ${p.count} 个。`,
  suggest: '*本阶段建议重新审视*',
  revise: '修订计划',
  reviseHint: '计划负责人和编辑者可以修订；草稿会预先填入已发布的版本。',
  stageAdvice: {
    startup: '商业模式是否依然成立——谁付钱、为什么付、成本多少？方向是否仍值得坚持？',
    growth: '用目前的实际结果检验商业模式：哪些假设成立、哪些没有，以及如何调整。',
    maturity: '更新下个季度的季度拆解，并查看竞品与市场有哪些变化。',
    decline: '检查退出步骤及其时间安排，以及善后：退款、数据、替代方案和用户支持。',
  },
};

const TEXTS: Record<Locale, ReminderTexts> = { en, 'zh-CN': zh };

export function reminderTexts(locale: Locale): ReminderTexts {
  return TEXTS[locale];
}
