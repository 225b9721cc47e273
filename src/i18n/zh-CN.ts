import type { Messages } from './messages.js';

/** 中文界面文案。键必须与 en.ts 完全一致（类型检查保证）。 */
export const zhCN: Messages = {
  help: {
    title: 'OpsPlan — 在 Slack 里撰写并执行运营计划书',
    intro:
      'OpsPlan 按章节引导团队完成运营计划书——产品描述、运营目标、工作范围、运营资源、运营策略、系统支撑、运营效果和预算——按框架审阅计划，并通过修订提醒和 KPI 打卡让计划持续落地。',
    commandsHeading: '*命令*',
    languageHint: '提示：`/opsplan help en` 可查看英文帮助。',
  },
  errors: {
    unknownSubcommand: (p) =>
      `没有 \`${p.name}\` 这个命令。${p.suggestion ? `你是想用 \`/opsplan ${p.suggestion}\` 吗？` : ''}输入 \`/opsplan help\` 查看 OpsPlan 的全部命令。`,
    storageUnavailable:
      'OpsPlan 的存储暂时不可用，本次操作未完成。已保存的内容都不会丢失，请稍后再试。',
    storageUnavailableField:
      '存储暂时不可用，本步骤尚未保存。你输入的内容都还在，请稍后再点一次按钮。',
    apology: '抱歉，我们这边出了问题，本次操作未完成。请重试；如果反复出现，请联系工作区管理员。',
    apologyField: '抱歉，我们这边出了问题，本步骤尚未保存。你输入的内容都还在，请重试。',
  },
  language: {
    current:
      'OpsPlan 默认跟随你的 Slack 语言，你也可以自选：`/opsplan language zh` 用中文，`/opsplan language en` 用英文，`/opsplan language auto` 恢复跟随 Slack。',
    set: '好的，之后 OpsPlan 会用中文和你交流。',
    followSlack: '好的，OpsPlan 将重新跟随你的 Slack 语言。',
    invalid: (p) =>
      `OpsPlan 不支持 \`${p.value}\` 这种语言。请使用 \`/opsplan language zh\`、\`/opsplan language en\` 或 \`/opsplan language auto\`。`,
  },
  plans: {
    notFound: (p) =>
      `本工作区没有叫 \`${p.ref}\` 的计划。用 \`/opsplan list\` 查看你的计划及其编号。`,
    ambiguous: (p) => `有多个计划叫 \`${p.ref}\`，请用编号指定：\n${p.choices}`,
    forbidden: '只有计划的负责人和编辑者可以修改它。请联系负责人把你加为编辑者。',
    templateMissing:
      '撰写该计划所用的模板已不存在，因此无法在这里编辑。请联系管理员恢复该模板（TEMPLATES_DIR）。',
    unknownSection: (p) => `该计划没有 \`${p.section}\` 这一章节。它的章节有：${p.sections}。`,
    restoredUnsaved: '已为你保留关闭前输入的内容，显示在下方，但尚未保存。',
    conflictNotice:
      '下方是你输入的内容，覆盖在最新保存的版本之上。现在保存将替换他人刚保存的这一章节。',
    fixErrors: (p) => `尚未保存，请先修改：\n${p.problems}`,
    rowLimit: '本步骤中该列表已满。',
    savedWindowStale: (p) =>
      `*已保存 ✓* — 你在「${p.title}」中填写的内容已保存。Slack 未能刷新窗口，它可能仍显示本步骤：直接关闭即可，随时可以用 \`${p.command}\` 继续填写。`,
  },
  subcommands: {
    new: { usage: '/opsplan new [标题]', summary: '新建运营计划书，按章节逐步填写。' },
    edit: { usage: '/opsplan edit <计划> [章节]', summary: '继续编辑计划，或直接跳到某一章节。' },
    help: { usage: '/opsplan help [en|zh]', summary: '显示本帮助。' },
    language: {
      usage: '/opsplan language zh|en|auto',
      summary: '选择 OpsPlan 对你使用的语言（auto 跟随 Slack）。',
    },
  },
};
