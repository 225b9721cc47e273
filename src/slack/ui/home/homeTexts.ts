import type { Locale } from '../../../domain/locale.js';

const en = {
  header: 'OpsPlan — your operations plans',
  intro:
    'Write your operations plan section by section, review it against the framework, and keep it alive with reminders and check-ins.',
  newPlan: 'New plan',
  drafts: (p: { count: number }) => `*Your drafts* (${p.count})`,
  empty: 'No drafts yet. Press *New plan* to start one — OpsPlan guides you section by section.',
  more: (p: { count: number }) =>
    `…and ${p.count} older drafts. Open one by id or title with \`/opsplan preview &lt;plan&gt;\`.`,
  help: 'Commands: `/opsplan new` · `/opsplan list` · `/opsplan preview &lt;plan&gt;` · `/opsplan history &lt;plan&gt;` · `/opsplan delete &lt;plan&gt;` · `/opsplan help`. Drafts not edited for a long time are removed; you are warned here beforehand.',
};

export type HomeTexts = typeof en;

const zhCN: HomeTexts = {
  header: 'OpsPlan —— 你的运营计划书',
  intro: '按章节撰写运营计划书，依据框架进行评审，并通过提醒和 KPI 跟进让计划持续落地。',
  newPlan: '新建计划',
  drafts: (p) => `*我的草稿*（${p.count}）`,
  empty: '还没有草稿。点击 *新建计划* 开始，OpsPlan 会按章节一步步引导你。',
  more: (p) =>
    `……还有 ${p.count} 份较早的草稿。可用 \`/opsplan preview &lt;计划&gt;\` 按 ID 或标题打开。`,
  help: '命令：`/opsplan new` · `/opsplan list` · `/opsplan preview &lt;计划&gt;` · `/opsplan history &lt;计划&gt;` · `/opsplan delete &lt;计划&gt;` · `/opsplan help`。长期未编辑的草稿会被删除，删除前会在这里提醒你。',
};

const CATALOGUE: Record<Locale, HomeTexts> = { en, 'zh-CN': zhCN };

export function homeTexts(locale: Locale): HomeTexts {
  return CATALOGUE[locale];
}
