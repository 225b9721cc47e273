import type { Locale } from '../../../domain/locale.js';

/**
 * Texts of publishing and revising. Functions receive arguments that are ALREADY safe mrkdwn
 * (escaped titles, validated mentions, links built by `slackLink`); plain-text values (modal titles,
 * buttons) take nothing from users.
 */

export type PublishFailureReason =
  | 'rate_limited'
  | 'server_error'
  | 'unknown_outcome'
  | 'refused'
  | 'lease_lost'
  | 'storage_unavailable';

interface Texts {
  subcommands: {
    publish: { usage: string; summary: string };
    revise: { usage: string; summary: string };
  };
  buttons: {
    publish: string;
    revise: string;
    publishAnyway: string;
    cancel: string;
    close: string;
    openSection: string;
  };
  titles: { publish: string; blocked: string; confirm: string; revise: string };
  post: {
    versionLine(p: { version: number; by: string; date: string }): string;
    changesInThread(p: { previous: number }): string;
    fileTitle(p: { title: string; version: number }): string;
  };
  blocked(p: { title: string; count: number }): string;
  confirm(p: { title: string; channel: string; count: number }): string;
  moreFindings(p: { count: number }): string;
  inSection: string;
  publishing(p: { title: string; channel: string }): string;
  publishingTo(p: { channel: string }): string;
  published(p: { title: string; version: number; channel: string; link: string }): string;
  alreadyPublished(p: { title: string; version: number; channel: string; link: string }): string;
  inProgress(p: { title: string }): string;
  notInChannel(p: { channel: string }): string;
  archived(p: { channel: string }): string;
  noChannel(p: { id: string }): string;
  failed(p: { title: string; reason: PublishFailureReason; detail: string }): string;
  cleanedUp: string;
  leftovers(p: { count: number; channel: string }): string;
  unknownMessage(p: { channel: string }): string;
  changed: string;
  notAllowed: string;
  reviseNotAllowed: string;
  notFound: string;
  templateMissing: string;
  missingRef(p: { usage: string }): string;
  badChannel(p: { text: string }): string;
  neverPublished(p: { id: string }): string;
  openLink: string;
}

const FAILURE_EN: Record<PublishFailureReason, string> = {
  rate_limited: 'Slack kept rate-limiting the posts.',
  server_error: 'Slack had a server problem.',
  unknown_outcome: 'Slack did not confirm one of the messages (the connection dropped).',
  refused: 'Slack refused a message',
  lease_lost: 'another attempt took this publish over.',
  storage_unavailable: "OpsPlan's storage stopped answering while posting.",
};

const FAILURE_ZH: Record<PublishFailureReason, string> = {
  rate_limited: 'Slack 持续限制发帖频率。',
  server_error: 'Slack 服务器出错。',
  unknown_outcome: 'Slack 没有确认其中一条消息（连接中断）。',
  refused: 'Slack 拒绝了一条消息',
  lease_lost: '另一次发布接手了这次发布。',
  storage_unavailable: '发布过程中 OpsPlan 的存储没有响应。',
};

const en: Texts = {
  subcommands: {
    publish: {
      usage: '/opsplan publish <plan> [#channel]',
      summary: 'Review the plan and post it (summary, sections in the thread, Markdown file).',
    },
    revise: {
      usage: '/opsplan revise <plan>',
      summary: 'Start a revision of a published plan, pre-filled from its latest version.',
    },
  },
  buttons: {
    publish: 'Publish',
    revise: 'Revise',
    publishAnyway: 'Publish anyway',
    cancel: 'Cancel',
    close: 'Close',
    openSection: 'Open section',
  },
  titles: {
    publish: 'Publish plan',
    blocked: "Can't publish yet",
    confirm: 'Publish with warnings?',
    revise: 'Revise plan',
  },
  post: {
    versionLine: (p) => `*v${p.version}* · published by ${p.by} · ${p.date}`,
    changesInThread: (p) => `What changed since v${p.previous} is the first reply in the thread.`,
    fileTitle: (p) => `${p.title} (v${p.version})`,
  },
  blocked: (p) =>
    `:no_entry: *${p.title}* can't be published yet: the review found ${p.count} ${
      p.count === 1 ? 'error' : 'errors'
    }. Fix ${p.count === 1 ? 'it' : 'them'}, then publish again.`,
  confirm: (p) =>
    `:warning: The review found ${p.count} ${p.count === 1 ? 'warning' : 'warnings'}. Publish *${p.title}* to ${p.channel} anyway?`,
  moreFindings: (p) => `…and ${p.count} more.`,
  inSection: 'Section',
  publishing: (p) => `:hourglass_flowing_sand: Publishing *${p.title}* to ${p.channel}…`,
  publishingTo: (p) => `:hourglass_flowing_sand: Publishing to ${p.channel}…`,
  published: (p) =>
    `:white_check_mark: *${p.title}* v${p.version} is published in ${p.channel}. ${p.link}`,
  alreadyPublished: (p) =>
    `:information_source: This version of *${p.title}* is already published as v${p.version} in ${p.channel}. ${p.link}`,
  inProgress: (p) =>
    `:hourglass_flowing_sand: *${p.title}* is already being published. If it has not appeared within a minute, publish again.`,
  notInChannel: (p) =>
    `:lock: I can't post in ${p.channel}: it is a private channel I'm not in (or it no longer exists). Invite me there with \`/invite @OpsPlan\`, then publish again. Nothing was posted.`,
  archived: (p) =>
    `:file_cabinet: ${p.channel} is archived, so nothing was posted. Publish to another channel: \`/opsplan publish &lt;plan&gt; #channel\`.`,
  noChannel: (p) =>
    `This plan has no channel yet. Say where to publish it: \`/opsplan publish ${p.id} #channel\`.`,
  failed: (p) =>
    `:x: *${p.title}* was not published: ${FAILURE_EN[p.reason]}${p.detail ? ` (${p.detail}).` : ''}`,
  cleanedUp: 'Everything that had been posted was removed. You can publish again.',
  leftovers: (p) =>
    `${p.count} ${p.count === 1 ? 'message' : 'messages'} could not be removed: please delete ${
      p.count === 1 ? 'it' : 'them'
    } in ${p.channel}. You can publish again.`,
  unknownMessage: (p) =>
    `If a message from OpsPlan about this plan shows up in ${p.channel} without its thread, delete it — it is a leftover of this attempt.`,
  changed: 'The plan was saved again after you confirmed. Check it and publish again.',
  notAllowed: "Only the plan's owner and editors can publish it.",
  reviseNotAllowed: "Sorry — only the plan's owner and editors can revise it.",
  notFound: 'That plan no longer exists.',
  templateMissing: "This plan's template is not installed, so it cannot be published.",
  missingRef: (p) => `Which plan? Usage: \`${p.usage}\``,
  badChannel: (p) =>
    `I can't tell which channel \`${p.text}\` is. Pick it from the \`#\` suggestions, or give its id (channel details, at the bottom), e.g. \`C0123ABCD\` — or set the channel in the plan details.`,
  neverPublished: (p) =>
    `This plan has not been published yet, so there is nothing to revise. Keep editing it with \`/opsplan edit ${p.id}\`, or publish it.`,
  openLink: 'Open it',
};

const zhCN: Texts = {
  subcommands: {
    publish: {
      usage: '/opsplan publish <计划> [#频道]',
      summary: '审查计划并发布（摘要、分节回复、Markdown 文件）。',
    },
    revise: {
      usage: '/opsplan revise <计划>',
      summary: '基于最新发布版本开始修订已发布的计划。',
    },
  },
  buttons: {
    publish: '发布',
    revise: '修订',
    publishAnyway: '仍然发布',
    cancel: '取消',
    close: '关闭',
    openSection: '打开该部分',
  },
  titles: {
    publish: '发布计划',
    blocked: '暂时无法发布',
    confirm: '有警告，仍要发布？',
    revise: '修订计划',
  },
  post: {
    versionLine: (p) => `*v${p.version}* · 发布人 ${p.by} · ${p.date}`,
    changesInThread: (p) => `与 v${p.previous} 相比的修改见本消息串的第一条回复。`,
    fileTitle: (p) => `${p.title}（v${p.version}）`,
  },
  blocked: (p) =>
    `:no_entry: *${p.title}* 暂时无法发布：审查发现 ${p.count} 个错误。修正后请再发布。`,
  confirm: (p) =>
    `:warning: 审查发现 ${p.count} 个警告。仍要将 *${p.title}* 发布到 ${p.channel} 吗？`,
  moreFindings: (p) => `……还有 ${p.count} 条。`,
  inSection: '所在部分',
  publishing: (p) => `:hourglass_flowing_sand: 正在将 *${p.title}* 发布到 ${p.channel}……`,
  publishingTo: (p) => `:hourglass_flowing_sand: 正在发布到 ${p.channel}……`,
  published: (p) =>
    `:white_check_mark: *${p.title}* v${p.version} 已发布到 ${p.channel}。${p.link}`,
  alreadyPublished: (p) =>
    `:information_source: *${p.title}* 的这个版本已作为 v${p.version} 发布到 ${p.channel}。${p.link}`,
  inProgress: (p) =>
    `:hourglass_flowing_sand: *${p.title}* 正在发布中。如果一分钟后仍未出现，请再发布一次。`,
  notInChannel: (p) =>
    `:lock: 我无法在 ${p.channel} 发帖：这是一个我不在其中的私有频道（或频道已不存在）。请在该频道输入 \`/invite @OpsPlan\` 邀请我，然后再发布。什么都没有发出。`,
  archived: (p) =>
    `:file_cabinet: ${p.channel} 已归档，什么都没有发出。请发布到其他频道：\`/opsplan publish &lt;计划&gt; #频道\`。`,
  noChannel: (p) => `这个计划还没有频道。请指定发布位置：\`/opsplan publish ${p.id} #频道\`。`,
  failed: (p) =>
    `:x: *${p.title}* 没有发布：${FAILURE_ZH[p.reason]}${p.detail ? `（${p.detail}）。` : ''}`,
  cleanedUp: '已发出的内容都已删除，可以再次发布。',
  leftovers: (p) =>
    `有 ${p.count} 条消息未能删除，请在 ${p.channel} 中手动删除。之后可以再次发布。`,
  unknownMessage: (p) =>
    `如果 ${p.channel} 中出现一条没有消息串的 OpsPlan 计划消息，请删除它——那是这次失败留下的。`,
  changed: '确认之后计划又被保存过。请检查后再发布。',
  notAllowed: '只有计划的负责人和编辑可以发布。',
  reviseNotAllowed: '抱歉，只有计划的负责人和编辑可以修订。',
  notFound: '该计划已不存在。',
  templateMissing: '该计划使用的模板未安装，无法发布。',
  missingRef: (p) => `请指明计划。用法：\`${p.usage}\``,
  badChannel: (p) =>
    `无法确定 \`${p.text}\` 是哪个频道。请从 \`#\` 的候选中选择，或填写频道 ID（频道详情最下方），例如 \`C0123ABCD\`；也可以在计划信息中设置频道。`,
  neverPublished: (p) =>
    `这个计划还没有发布过，无需修订。可用 \`/opsplan edit ${p.id}\` 继续编辑，或直接发布。`,
  openLink: '查看',
};

const CATALOGUE: Record<Locale, Texts> = { en, 'zh-CN': zhCN };

export type PublishTexts = Texts;

export function publishTexts(locale: Locale): PublishTexts {
  return CATALOGUE[locale];
}
