import type { Locale } from '../../../domain/locale.js';

/** Texts of the small interview modals: saved, and conflict. */
export interface SmallViewTexts {
  savedTitle: string;
  done: string;
  saved: (title: string, when: string) => string;
  resume: (command: string, home: string) => string;
  appHome: string;
  nextUp: (section: string) => string;
  conflictTitle: string;
  conflictClose: string;
  conflict: (title: string, who: string, when: string) => string;
  someone: string;
  yourInput: string;
  yourInputHint: string;
  nothingTyped: string;
  reload: string;
}

const en: SmallViewTexts = {
  savedTitle: 'Saved',
  done: 'Done',
  saved: (title, when) => `*Saved ✓* — ${title} (${when})`,
  resume: (command, home) => `Resume any time with \`${command}\` or from ${home}.`,
  appHome: 'the OpsPlan App Home',
  nextUp: (section) => `Next up: *${section}*`,
  conflictTitle: 'Draft changed',
  conflictClose: 'Close',
  conflict: (title, who, when) =>
    `*Someone else saved this draft meanwhile.* ${who} saved _${title}_ ${when}, after you opened this step, so your changes were not saved — nothing of theirs or yours was overwritten.`,
  someone: 'Another editor',
  yourInput: '*What you typed* (copy anything you want to keep):',
  yourInputHint: 'Reload the latest version, then add your changes again.',
  nothingTyped: '_You had not typed anything in this step._',
  reload: 'Reload the latest',
};

const zhCN: SmallViewTexts = {
  savedTitle: '已保存',
  done: '完成',
  saved: (title, when) => `*已保存 ✓* — ${title}（${when}）`,
  resume: (command, home) => `随时可以用 \`${command}\` 或在${home}继续填写。`,
  appHome: ' OpsPlan 应用主页',
  nextUp: (section) => `下一步：*${section}*`,
  conflictTitle: '草稿已被修改',
  conflictClose: '关闭',
  conflict: (title, who, when) =>
    `*在你编辑期间，其他人保存了这份草稿。* ${who} 于 ${when} 保存了「${title}」，晚于你打开本步骤的时间，因此你的修改尚未保存——双方的内容都没有被覆盖。`,
  someone: '另一位协作者',
  yourInput: '*你刚才填写的内容*（可复制需要保留的部分）：',
  yourInputHint: '请先载入最新版本，再把你的修改补上。',
  nothingTyped: '_你在本步骤中还没有填写内容。_',
  reload: '载入最新版本',
};

export const SMALL_VIEW_TEXTS: Record<Locale, SmallViewTexts> = { en, 'zh-CN': zhCN };
