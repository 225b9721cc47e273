import type { Locale } from '../../../domain/locale.js';
import type { Confidence } from '../../../store/kpiValuesStore.js';

/**
 * Texts of KPI check-ins (DM, Report modal, nudge, digest). Arguments marked mrkdwn are ALREADY
 * escaped by the caller (titles, KPI names) or built safely (mentions); modal titles, buttons and
 * labels are plain text.
 */
const en = {
  dm: {
    fallback: (p: { title: string }) => `KPI check-in for ${p.title}: please report your numbers.`,
    intro: (p: { title: string; count: number }) =>
      `:bar_chart: *KPI check-in* for *${p.title}*\nPlease report the current value of the ${p.count === 1 ? 'KPI' : `${p.count} KPIs`} you own:`,
    closes: (p: { when: string }) =>
      `Answers are collected until ${p.when}; later answers still update the digest.`,
    report: 'Report',
    nudgeFallback: (p: { title: string }) =>
      `Reminder: the KPI check-in for ${p.title} is still waiting for your numbers.`,
    nudge: (p: { title: string; when: string }) =>
      `:hourglass_flowing_sand: *Reminder* — the KPI check-in for *${p.title}* is still waiting for your numbers. The digest goes out ${p.when}.`,
  },
  modal: {
    title: 'KPI check-in',
    submit: 'Send',
    close: 'Cancel',
    intro: (p: { title: string }) => `*${p.title}* — one value per KPI you own.`,
    target: 'Target',
    deadline: 'Deadline',
    last: 'Last value',
    none: '—',
    valueHint: 'The value now, in the KPI’s unit.',
    comment: 'Comment (optional)',
    commentPlaceholder: 'What moved the numbers, what is blocking',
    confidence: 'How confident are you in these numbers?',
    confidenceLabels: { high: 'High', medium: 'Medium', low: 'Low' } satisfies Record<
      Confidence,
      string
    >,
    badNumber: 'Enter a number (at most 15 digits).',
    thanks: (p: { title: string }) =>
      `:white_check_mark: Thanks — your numbers for *${p.title}* are in.`,
    notAsked: 'This check-in did not ask you for any KPI, so there is nothing to report here.',
    gone: 'This check-in has expired (or the plan is no longer published). Nothing was recorded.',
  },
  digest: {
    header: (p: { title: string }) => `KPI check-in — ${p.title}`,
    fallback: (p: { title: string }) => `KPI check-in digest for ${p.title}`,
    period: (p: { period: string; reported: number; asked: number }) =>
      `Round ${p.period} · ${p.reported} of ${p.asked} owners reported`,
    onDemandPeriod: (p: { at: string; reported: number; asked: number }) =>
      `Round asked for on ${p.at} · ${p.reported} of ${p.asked} owners reported`,
    actual: 'Actual',
    target: 'Target',
    expected: 'Expected now',
    status: 'Status',
    trend: 'Trend',
    owner: 'Owner',
    noOwner: 'no owner — nobody was asked',
    notReported: (p: { who: string }) => `:warning: *Not reported yet:* ${p.who}`,
    allReported: ':tada: Every owner reported.',
    updated: (p: { when: string }) => `Updated with late answers ${p.when}.`,
    confidence: (p: { who: string; level: string }) => `${p.who}: confidence ${p.level}`,
    comment: (p: { who: string; text: string }) => `${p.who}: “${p.text}”`,
    more: (p: { count: number }) => `…and ${p.count} more KPIs (see the plan).`,
  },
};

type CheckinTexts = typeof en;

const zh: CheckinTexts = {
  dm: {
    fallback: (p) => `${p.title} 的 KPI 填报：请填写你的数据。`,
    intro: (p) =>
      `:bar_chart: *KPI 填报* · *${p.title}*\n请填写你负责的 ${p.count} 个 KPI 的当前值：`,
    closes: (p) => `填报截止到 ${p.when}；之后提交的数据仍会更新汇总。`,
    report: '填报',
    nudgeFallback: (p) => `提醒：${p.title} 的 KPI 填报还在等你的数据。`,
    nudge: (p) =>
      `:hourglass_flowing_sand: *提醒* — *${p.title}* 的 KPI 填报还在等你的数据。汇总将于 ${p.when} 发出。`,
  },
  modal: {
    title: 'KPI 填报',
    submit: '提交',
    close: '取消',
    intro: (p) => `*${p.title}* — 你负责的每个 KPI 填一个数值。`,
    target: '目标',
    deadline: '截止',
    last: '上次填报',
    none: '—',
    valueHint: '当前数值，单位与 KPI 一致。',
    comment: '备注（可选）',
    commentPlaceholder: '数据变化的原因、遇到的阻碍',
    confidence: '你对这些数据有多大把握？',
    confidenceLabels: { high: '高', medium: '中', low: '低' },
    badNumber: '请输入数字（最多 15 位）。',
    thanks: (p) => `:white_check_mark: 谢谢 — *${p.title}* 的数据已收到。`,
    notAsked: '本轮填报没有需要你填写的 KPI。',
    gone: '本轮填报已过期（或计划已不再发布），未记录任何数据。',
  },
  digest: {
    header: (p) => `KPI 填报汇总 — ${p.title}`,
    fallback: (p) => `${p.title} 的 KPI 填报汇总`,
    period: (p) => `第 ${p.period} 轮 · ${p.asked} 位负责人中 ${p.reported} 位已填报`,
    onDemandPeriod: (p) => `${p.at} 临时发起的一轮 · ${p.asked} 位负责人中 ${p.reported} 位已填报`,
    actual: '实际',
    target: '目标',
    expected: '当前应达',
    status: '状态',
    trend: '趋势',
    owner: '负责人',
    noOwner: '无负责人 — 未向任何人征询',
    notReported: (p) => `:warning: *尚未填报：* ${p.who}`,
    allReported: ':tada: 所有负责人均已填报。',
    updated: (p) => `已根据迟到的填报更新（${p.when}）。`,
    confidence: (p) => `${p.who}：把握程度 ${p.level}`,
    comment: (p) => `${p.who}：“${p.text}”`,
    more: (p) => `……另有 ${p.count} 个 KPI（见计划）。`,
  },
};

const TEXTS: Record<Locale, CheckinTexts> = { en, 'zh-CN': zh };

export function checkinTexts(locale: Locale): CheckinTexts {
  return TEXTS[locale];
}
