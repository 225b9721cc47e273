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
  subcommands: {
    help: { usage: '/opsplan help [en|zh]', summary: '显示本帮助。' },
    language: {
      usage: '/opsplan language zh|en|auto',
      summary: '选择 OpsPlan 对你使用的语言（auto 跟随 Slack）。',
    },
  },
};
