import { LOCALES, type Locale } from '../../../domain/locale.js';
import type { ReviewSummary } from '../../../domain/review/index.js';
import { type Messages, messagesFor } from '../../../i18n/messages.js';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Texts of the browse surfaces (list, preview, delete, history). Values marked `mrkdwn` receive
 * arguments that the caller has ALREADY escaped (titles, refs) or built safely (mentions, code).
 */
const en = {
  subcommands: {
    list: {
      usage: '/opsplan list',
      summary: 'Your plans and drafts, with Resume / Preview / Delete.',
    },
    preview: {
      usage: '/opsplan preview <plan>',
      summary: 'The rendered plan with its review findings (plan = short id or title).',
    },
    delete: {
      usage: '/opsplan delete <plan>',
      summary: 'Delete a draft (asks for confirmation).',
    },
    history: {
      usage: '/opsplan history <plan>',
      summary: 'The last saves of a draft; the owner can restore one.',
    },
  },
  buttons: {
    resume: 'Resume',
    preview: 'Preview',
    delete: 'Delete',
    history: 'History',
    schedules: 'Schedules',
    openSection: 'Open section',
    restore: 'Restore',
    cancel: 'Cancel',
    close: 'Close',
  },
  roles: { owner: 'owner', editor: 'editor' },
  list: {
    heading: 'Your plans',
    fallback: (p: { count: number }) => `Your plans (${p.count})`,
    empty: 'You have no plans or drafts yet. Start one with `/opsplan new`.',
    more: (p: { count: number }) =>
      `…and ${p.count} more — open OpsPlan's *Home* tab to see them all.`,
  },
  card: {
    lastEdit: (p: { relative: string; date: string }) => `Last edit: ${p.relative} (${p.date})`,
    nextReminder: (p: { date: string }) => `Next revision reminder: ${p.date}`,
    review: 'Review',
    reviewUnknown: 'Review: template not available',
    clean: 'no findings',
    counts: (p: ReviewSummary) =>
      `${plural(p.error, 'error')} · ${plural(p.warning, 'warning')} · ${plural(p.tip, 'tip')}`,
    expiry: (p: { date: string }) =>
      `:hourglass: This draft will be removed on ${p.date} unless it is edited.`,
  },
  lookup: {
    missingRef: (p: { command: string }) =>
      `Which plan? Name it by its short id or its title: \`/opsplan ${p.command} &lt;plan&gt;\`. \`/opsplan list\` shows your plans.`,
    notFound: (p: { ref: string }) =>
      `No plan matches \`${p.ref}\`. \`/opsplan list\` shows your plans with their ids.`,
    ambiguous: (p: { ref: string }) =>
      `Several plans match \`${p.ref}\`. Name the one you mean by its id:`,
    notAllowed:
      'Only the owner and the editors of this plan can do that. Ask the owner to add you as an editor.',
    gone: 'This plan no longer exists — it may have been deleted.',
  },
  preview: {
    title: 'Preview',
    version: (p: { version: number }) => `version ${p.version}`,
    reviewHeading: 'Review',
    noFindings: 'No findings — nothing blocks publishing.',
    moreFindings: (p: { count: number }) => `…and ${p.count} more findings.`,
    inSection: 'Section',
    templateMissing: (p: { id: string }) =>
      `The template \`${p.id}\` is not available, so this plan cannot be shown or reviewed.`,
    truncated:
      'The preview stops here to fit in Slack. The full plan is in the export (`/opsplan export`) and in the published post.',
  },
  delete: {
    title: 'Delete plan',
    submit: 'Delete',
    confirm: (p: { title: string; id: string }) =>
      `Delete *${p.title}* (\`${p.id}\`)? The draft and its whole history are removed. This cannot be undone.`,
    doneTitle: 'Plan deleted',
    done: (p: { title: string }) => `*${p.title}* was deleted.`,
    conflict:
      'Nothing was deleted: someone saved this plan after you asked to delete it. Look at the latest version, then delete again if you still want to.',
    storage: 'Nothing was deleted.',
  },
  history: {
    title: 'History',
    intro: (p: { title: string; id: string; count: number }) =>
      `*${p.title}* (\`${p.id}\`) — the last ${p.count} saves, newest first.`,
    entry: (p: { version: number; who: string; when: string }) =>
      `*v${p.version}* · ${p.who} · ${p.when}`,
    current: 'current',
    restoredFrom: (p: { version: number }) => `restored from v${p.version}`,
    ownerOnly: 'Only the owner can restore an earlier version.',
    confirmTitle: 'Restore this version?',
    confirmText: (p: { version: number }) =>
      `The plan goes back to version ${p.version}. Nothing is lost: the current state stays in the history.`,
    restored: (p: { version: number; newVersion: number }) =>
      `:white_check_mark: Version ${p.version} was restored as version ${p.newVersion}.`,
    conflict:
      ':warning: Nothing was restored: the plan was saved meanwhile. Here is its latest history; restore again if you still want to.',
    revisionGone: ':warning: That version is no longer kept in the history.',
  },
};

export type BrowseTexts = typeof en;

const zhCN: BrowseTexts = {
  subcommands: {
    list: { usage: '/opsplan list', summary: '我的计划和草稿，可继续填写、预览、删除。' },
    preview: {
      usage: '/opsplan preview <计划>',
      summary: '查看计划全文及评审结果（计划可用短 ID 或标题指定）。',
    },
    delete: { usage: '/opsplan delete <计划>', summary: '删除草稿（会先请你确认）。' },
    history: {
      usage: '/opsplan history <计划>',
      summary: '草稿最近的保存记录；负责人可恢复旧版本。',
    },
  },
  buttons: {
    resume: '继续填写',
    preview: '预览',
    delete: '删除',
    history: '历史版本',
    schedules: '提醒设置',
    openSection: '打开章节',
    restore: '恢复',
    cancel: '取消',
    close: '关闭',
  },
  roles: { owner: '负责人', editor: '编辑' },
  list: {
    heading: '我的计划',
    fallback: (p) => `我的计划（${p.count}）`,
    empty: '你还没有任何计划或草稿。用 `/opsplan new` 开始写一份吧。',
    more: (p) => `……还有 ${p.count} 份 —— 打开 OpsPlan 的 *主页* 标签查看全部。`,
  },
  card: {
    lastEdit: (p) => `最后编辑：${p.relative}（${p.date}）`,
    nextReminder: (p) => `下次修订提醒：${p.date}`,
    review: '评审',
    reviewUnknown: '评审：模板不可用',
    clean: '没有问题',
    counts: (p) => `${p.error} 错误 · ${p.warning} 警告 · ${p.tip} 建议`,
    expiry: (p) => `:hourglass: 如果在 ${p.date} 之前没有人编辑，这份草稿将被删除。`,
  },
  lookup: {
    missingRef: (p) =>
      `要操作哪份计划？请用短 ID 或标题指定：\`/opsplan ${p.command} &lt;计划&gt;\`。\`/opsplan list\` 可查看你的计划。`,
    notFound: (p) => `没有与 \`${p.ref}\` 匹配的计划。\`/opsplan list\` 可查看你的计划及其 ID。`,
    ambiguous: (p) => `有多份计划与 \`${p.ref}\` 匹配，请用 ID 指定：`,
    notAllowed: '只有这份计划的负责人和编辑可以这样做。请让负责人把你加为编辑。',
    gone: '这份计划已不存在，可能已被删除。',
  },
  preview: {
    title: '预览',
    version: (p) => `第 ${p.version} 版`,
    reviewHeading: '评审',
    noFindings: '没有发现问题，可以发布。',
    moreFindings: (p) => `……还有 ${p.count} 条评审意见。`,
    inSection: '章节',
    templateMissing: (p) => `模板 \`${p.id}\` 不可用，因此无法显示或评审这份计划。`,
    truncated:
      '为适应 Slack 的限制，预览到此为止。完整计划请见导出文件（`/opsplan export`）或发布后的消息。',
  },
  delete: {
    title: '删除计划',
    submit: '删除',
    confirm: (p) =>
      `确定删除 *${p.title}*（\`${p.id}\`）吗？草稿及其全部历史都会被删除，且无法恢复。`,
    doneTitle: '计划已删除',
    done: (p) => `*${p.title}* 已删除。`,
    conflict:
      '没有删除：在你确认之前，有人保存了这份计划。请先查看最新版本，如仍要删除请再操作一次。',
    storage: '没有删除任何内容。',
  },
  history: {
    title: '历史版本',
    intro: (p) => `*${p.title}*（\`${p.id}\`）—— 最近 ${p.count} 次保存，最新的在前。`,
    entry: (p) => `*v${p.version}* · ${p.who} · ${p.when}`,
    current: '当前版本',
    restoredFrom: (p) => `由 v${p.version} 恢复`,
    ownerOnly: '只有负责人可以恢复旧版本。',
    confirmTitle: '恢复这个版本？',
    confirmText: (p) => `计划将回到第 ${p.version} 版。不会丢失任何内容：当前状态仍保留在历史中。`,
    restored: (p) => `:white_check_mark: 第 ${p.version} 版已恢复为第 ${p.newVersion} 版。`,
    conflict:
      ':warning: 没有恢复：这期间计划被保存过。以下是最新的历史记录，如仍需要请再恢复一次。',
    revisionGone: ':warning: 历史中已不再保留该版本。',
  },
};

const CATALOGUE: Record<Locale, BrowseTexts> = { en, 'zh-CN': zhCN };

export function browseTexts(locale: Locale): BrowseTexts {
  return CATALOGUE[locale];
}

/**
 * The language of a shared message catalogue. `Subcommand.describe` only receives the catalogue;
 * catalogues are singletons, so identity tells which language it is.
 */
export function localeOfMessages(messages: Messages): Locale {
  return LOCALES.find((locale) => messagesFor(locale) === messages) ?? 'en';
}
