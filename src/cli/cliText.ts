import type { Locale } from '../domain/locale.js';

/** Every text the CLI prints, in both languages; English defines the shape. */
const en = {
  help: `opsplan — write, check and render operations plans (运营计划书)

Usage:
  opsplan templates [--lang zh-CN|en]
      List the templates: id, name, number of sections.
  opsplan new --template ID [--lang zh-CN|en]
      Print an annotated YAML plan for the template; fill it in and lint it.
  opsplan lint <plan.yaml> [--lang zh-CN|en] [--today yyyy-mm-dd]
      Review the plan. Exit 1 when the review finds errors, 2 when the file cannot be read.
  opsplan render <plan.yaml> --format md|blocks [--lang zh-CN|en] [--with-review]
      Print the plan as Markdown, or as the Slack messages (JSON) OpsPlan would post.

Options:
  --templates-dir DIR   also load the team's own templates from DIR (default: $TEMPLATES_DIR)
  --lang zh-CN|en       language of the output (default: the plan's language, else $LANG)
  --today yyyy-mm-dd    review as of this date (default: today in the plan's time zone)
  -h, --help            show this help
`,
  unknownCommand: (name: string) => `unknown command "${name}"`,
  missingCommand: 'no command given',
  usageHint: 'Run "opsplan --help" for usage.',
  optionNotFor: (option: string, command: string) =>
    `option --${option} does not apply to "${command}"`,
  badLang: (value: string) => `--lang must be zh-CN or en, not "${value}"`,
  badFormat: (value: string) => `--format must be md or blocks, not "${value}"`,
  missingFormat: '--format md|blocks is required',
  badToday: (value: string) => `--today must be a date as yyyy-mm-dd, not "${value}"`,
  missingTemplate: '--template ID is required',
  unknownTemplate: (id: string, known: string) => `unknown template "${id}" (known: ${known})`,
  missingFile: 'the path of a plan YAML file is required',
  extraArguments: (args: string) => `unexpected arguments: ${args}`,
  cannotRead: (path: string, reason: string) => `${path}: cannot read the file: ${reason}`,
  invalidPlan: (path: string) => `${path}: not a valid plan:`,
  templatesFailed: 'cannot load the templates:',
  sections: (n: number) => `${n} section${n === 1 ? '' : 's'}`,
  reviewPassed: 'No errors: the plan can be published.',
  reviewFailed: 'The plan has errors to fix before it can be published.',
  severity: { error: 'error', warning: 'warning', tip: 'tip' },
};

export type CliText = typeof en;

const zhCN: CliText = {
  help: `opsplan — 编写、检查和渲染运营计划书

用法：
  opsplan templates [--lang zh-CN|en]
      列出模板：编号、名称、章节数。
  opsplan new --template 编号 [--lang zh-CN|en]
      输出带注释的 YAML 计划骨架；填写后用 lint 检查。
  opsplan lint <plan.yaml> [--lang zh-CN|en] [--today yyyy-mm-dd]
      评审计划。有错误时退出码为 1，文件无法读取时为 2。
  opsplan render <plan.yaml> --format md|blocks [--lang zh-CN|en] [--with-review]
      以 Markdown 输出计划，或输出 OpsPlan 会发到 Slack 的消息（JSON）。

选项：
  --templates-dir 目录  同时加载团队自己的模板（默认：$TEMPLATES_DIR）
  --lang zh-CN|en       输出语言（默认：计划的语言，否则按 $LANG）
  --today yyyy-mm-dd    以该日期为“今天”进行评审（默认：计划时区的今天）
  -h, --help            显示帮助
`,
  unknownCommand: (name: string) => `未知命令「${name}」`,
  missingCommand: '未指定命令',
  usageHint: '运行 “opsplan --help” 查看用法。',
  optionNotFor: (option: string, command: string) => `选项 --${option} 不适用于「${command}」`,
  badLang: (value: string) => `--lang 只能是 zh-CN 或 en，而不是「${value}」`,
  badFormat: (value: string) => `--format 只能是 md 或 blocks，而不是「${value}」`,
  missingFormat: '需要 --format md|blocks',
  badToday: (value: string) => `--today 必须是 yyyy-mm-dd 格式的日期，而不是「${value}」`,
  missingTemplate: '需要 --template 编号',
  unknownTemplate: (id: string, known: string) => `未知模板「${id}」（可用：${known}）`,
  missingFile: '需要计划 YAML 文件的路径',
  extraArguments: (args: string) => `多余的参数：${args}`,
  cannotRead: (path: string, reason: string) => `${path}：无法读取文件：${reason}`,
  invalidPlan: (path: string) => `${path}：不是有效的计划：`,
  templatesFailed: '无法加载模板：',
  sections: (n: number) => `${n} 个章节`,
  reviewPassed: '没有错误：计划可以发布。',
  reviewFailed: '计划存在错误，修改后才能发布。',
  severity: { error: '错误', warning: '警告', tip: '建议' },
};

export function cliText(locale: Locale): CliText {
  return locale === 'zh-CN' ? zhCN : en;
}
