import type { Locale } from '../../../domain/locale.js';

/**
 * Texts of export and import. Arguments marked `mrkdwn` are ALREADY escaped by the caller (titles,
 * refs) or built safely (mentions, inline code). Modal titles, buttons and labels are plain text.
 */
const en = {
  subcommands: {
    export: {
      usage: '/opsplan export <plan> [v2] [md|yaml]',
      summary:
        'Sends the plan to you in a DM as Markdown (default) or as YAML for the CLI. Without a version: your draft; `v2` or `latest`: a published version.',
    },
    import: {
      usage: '/opsplan import',
      summary: 'Creates a draft from a YAML plan (attach the file or paste it); you own the draft.',
    },
  },
  export: {
    missingRef:
      'Which plan? `/opsplan export &lt;plan&gt; [v2] [md|yaml]` — name it by its short id or its title. `/opsplan list` shows your plans.',
    sent: (p: { title: string; what: string; format: string }) =>
      `:inbox_tray: Sent *${p.title}* (${p.what}, ${p.format}) to your direct messages with OpsPlan.`,
    comment: (p: { title: string; what: string; format: string }) =>
      `Export of *${p.title}* — ${p.what} (${p.format}).`,
    draft: (p: { version: number }) => `current draft, save ${p.version}`,
    published: (p: { version: number }) => `published version v${p.version}`,
    formatMarkdown: 'Markdown',
    formatYaml: 'YAML for the `opsplan` CLI',
    draftForbidden:
      'Only the owner and the editors of a plan can export its draft. Once it is published, a version posted in a public channel can be exported by anyone in the workspace (`/opsplan export &lt;plan&gt; latest`).',
    versionForbidden:
      'This version was posted in a private channel (or not posted yet), so only the owner and the editors of the plan can export it.',
    notPublished: 'This plan has not been published yet, so there is no version to export.',
    versionNotFound: (p: { version: number; latest: number }) =>
      `This plan has no version v${p.version}; the latest is v${p.latest}.`,
    versionsUnavailable:
      'Published versions cannot be exported yet. Export the current draft with `/opsplan export &lt;plan&gt;`.',
    templateMissing: (p: { id: string }) =>
      `The template \`${p.id}\` is not available, so this plan cannot be rendered as Markdown. Export it as YAML instead: add \`yaml\` to the command.`,
    failed:
      'Sorry — the file could not be sent to your direct messages. Nothing was changed; please try again.',
  },
  import: {
    title: 'Import a plan',
    submit: 'Import',
    close: 'Cancel',
    intro:
      'Create a draft from a plan in YAML — a file exported with `/opsplan export &lt;plan&gt; yaml` or written for the `opsplan` CLI. *You will own the new draft*, whatever owner the file names.',
    fileLabel: 'YAML file',
    fileHint: 'A .yaml, .yml or .txt file, up to 1 MB.',
    pasteLabel: 'Or paste the YAML',
    pastePlaceholder: 'schemaVersion: 1\nmeta:\n  title: …',
    pasteHint:
      "Up to 3,000 characters — Slack's limit for a text box. Attach a file for a longer plan.",
    nothing: 'Attach a YAML file or paste the plan here.',
    both: 'Use either the attached file or the pasted text, not both.',
    tooLarge: (p: { limit: string }) => `This file is too large to import (over ${p.limit}).`,
    notText: 'This file is not a text file. Attach the plan as YAML (.yaml, .yml or .txt).',
    unreadable:
      'The attached file could not be read from Slack. Attach it again, or paste the YAML instead.',
    problemsIntro: (p: { count: number }) =>
      p.count === 1
        ? 'Nothing was imported — 1 problem:'
        : `Nothing was imported — ${p.count} problems:`,
    moreProblems: (p: { count: number }) => `…and ${p.count} more.`,
    doneTitle: 'Plan imported',
    done: 'Done',
    created: (p: { title: string; id: string }) =>
      `*${p.title}* is now a draft (\`${p.id}\`). Open it to continue the interview, or preview it.`,
    ownerReplaced: (p: { owner: string }) =>
      `You are its owner — the file named ${p.owner}, who is not given access to this copy.`,
    ownerYou: 'You are its owner.',
    editorsKept: (p: { editors: string }) => `Editors kept from the file: ${p.editors}.`,
    editorsDropped: (p: { editors: string }) =>
      `Not kept as editors (not active people in this workspace, or they could not be checked): ${p.editors}. Add editors in the plan details.`,
    open: 'Open',
    preview: 'Preview',
  },
};

export type TransferTexts = typeof en;

const zhCN: TransferTexts = {
  subcommands: {
    export: {
      usage: '/opsplan export <计划> [v2] [md|yaml]',
      summary:
        '把计划以 Markdown（默认）或 CLI 用的 YAML 发到你的私信。不写版本：你的草稿；`v2` 或 `latest`：已发布的版本。',
    },
    import: {
      usage: '/opsplan import',
      summary: '从 YAML 计划（上传文件或粘贴）创建草稿，草稿归你所有。',
    },
  },
  export: {
    missingRef:
      '要导出哪个计划？`/opsplan export &lt;计划&gt; [v2] [md|yaml]` —— 用短 ID 或标题指定。`/opsplan list` 列出你的计划。',
    sent: (p) =>
      `:inbox_tray: 已把 *${p.title}*（${p.what}，${p.format}）发到你与 OpsPlan 的私信。`,
    comment: (p) => `*${p.title}* 的导出 —— ${p.what}（${p.format}）。`,
    draft: (p) => `当前草稿，第 ${p.version} 次保存`,
    published: (p) => `已发布版本 v${p.version}`,
    formatMarkdown: 'Markdown',
    formatYaml: '`opsplan` CLI 用的 YAML',
    draftForbidden:
      '只有计划的负责人和编辑者可以导出草稿。计划发布后，发在公开频道的版本工作区内任何人都可以导出（`/opsplan export &lt;计划&gt; latest`）。',
    versionForbidden: '这个版本发在私有频道（或尚未发出），只有计划的负责人和编辑者可以导出。',
    notPublished: '这个计划还没有发布，没有可导出的版本。',
    versionNotFound: (p) => `这个计划没有版本 v${p.version}，最新的是 v${p.latest}。`,
    versionsUnavailable:
      '暂时无法导出已发布的版本。可以用 `/opsplan export &lt;计划&gt;` 导出当前草稿。',
    templateMissing: (p) =>
      `模板 \`${p.id}\` 不可用，无法把这个计划渲染成 Markdown。请改为导出 YAML：在命令末尾加上 \`yaml\`。`,
    failed: '抱歉，文件没能发到你的私信。没有任何改动，请重试。',
  },
  import: {
    title: '导入计划',
    submit: '导入',
    close: '取消',
    intro:
      '从 YAML 计划创建草稿 —— 用 `/opsplan export &lt;计划&gt; yaml` 导出的文件，或为 `opsplan` CLI 编写的文件。*新草稿归你所有*，无论文件里写的负责人是谁。',
    fileLabel: 'YAML 文件',
    fileHint: '.yaml、.yml 或 .txt 文件，不超过 1 MB。',
    pasteLabel: '或粘贴 YAML',
    pastePlaceholder: 'schemaVersion: 1\nmeta:\n  title: …',
    pasteHint: '最多 3000 个字符（Slack 文本框的上限）。更长的计划请上传文件。',
    nothing: '请上传 YAML 文件，或在这里粘贴计划。',
    both: '请只用一种方式：上传的文件或粘贴的文本。',
    tooLarge: (p) => `文件太大，无法导入（超过 ${p.limit}）。`,
    notText: '这不是文本文件。请以 YAML（.yaml、.yml 或 .txt）上传计划。',
    unreadable: '无法从 Slack 读取上传的文件。请重新上传，或改为粘贴 YAML。',
    problemsIntro: (p) => `没有导入任何内容 —— 共 ${p.count} 个问题：`,
    moreProblems: (p) => `……还有 ${p.count} 个。`,
    doneTitle: '计划已导入',
    done: '完成',
    created: (p) => `*${p.title}* 已成为草稿（\`${p.id}\`）。打开它继续填写，或预览。`,
    ownerReplaced: (p) => `你是它的负责人 —— 文件里写的是 ${p.owner}，其不会获得这份副本的权限。`,
    ownerYou: '你是它的负责人。',
    editorsKept: (p) => `保留了文件中的编辑者：${p.editors}。`,
    editorsDropped: (p) =>
      `未保留为编辑者（不是本工作区的在职成员，或无法核实）：${p.editors}。可在计划信息中添加编辑者。`,
    open: '打开',
    preview: '预览',
  },
};

const TEXTS: Record<Locale, TransferTexts> = { en, 'zh-CN': zhCN };

export function transferTexts(locale: Locale): TransferTexts {
  return TEXTS[locale];
}
