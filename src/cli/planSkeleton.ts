import { stringify } from 'yaml';
import { AUDIENCE_LABELS, AUDIENCES, STAGE_LABELS, STAGES } from '../domain/lifecycle.js';
import type { Locale } from '../domain/locale.js';
import { PLAN_SCHEMA_VERSION } from '../domain/plan.js';
import type { Template, TemplateField, TemplateSection } from '../domain/template.js';
import { exampleValue, startsAsEmptyList, typeNote } from './skeletonExamples.js';

const SKELETON_TEXT = {
  'zh-CN': {
    howTo: [
      '填写方法：按注释填写各项答案；数字、日期、人员等字段去掉行首的 “# ” 再填写，',
      '列表字段把 [] 换成示例那样的条目。填写后运行：',
      '  opsplan lint plan.yaml                   # 评审',
      '  opsplan render plan.yaml --format md     # 输出 Markdown',
    ],
    title: '计划标题（最多 150 字）',
    stageNote: '生命周期阶段',
    audienceNote: '读者',
    periodNote: '计划周期（yyyy-mm-dd）',
    ownerNote: '负责人：你的 Slack 用户 ID（U…），请替换示例',
    editorsNote: '可编辑的人：Slack 用户 ID 列表',
    channelNote: '发布频道：Slack 频道 ID（C…）',
    languageNote: '计划语言：zh-CN | en',
    timezoneNote: '时区（IANA 名称）',
    required: '必填',
    onlyAt: '仅适用于',
    guidance: '指引',
    example: '示例：',
  },
  en: {
    howTo: [
      'How to fill it in: answer each field as its comment explains; for numbers, dates, people and',
      'the like, remove the leading "# " and fill in the value; for lists, replace [] with entries like the',
      'example. Then run:',
      '  opsplan lint plan.yaml                   # review',
      '  opsplan render plan.yaml --format md     # Markdown',
    ],
    title: 'Plan title (up to 150 characters)',
    stageNote: 'Lifecycle stage',
    audienceNote: 'Audience',
    periodNote: 'Plan period (yyyy-mm-dd)',
    ownerNote: 'Owner: your Slack user id (U…); replace the example',
    editorsNote: 'Editors: a list of Slack user ids',
    channelNote: 'Channel to publish in: a Slack channel id (C…)',
    languageNote: 'Plan language: zh-CN | en',
    timezoneNote: 'Time zone (IANA name)',
    required: 'required',
    onlyAt: 'only asked at',
    guidance: 'Guidance',
    example: 'Example:',
  },
} as const;

/** `# ` comment lines at an indent; every line of a multi-line text stays inside the comment. */
function comment(indent: string, text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => `${indent}#${line.trim() === '' ? '' : ` ${line.trimEnd()}`}`);
}

/** `key: value` as YAML lines (quoted as needed), at an indent. */
function entry(indent: string, key: string, value: unknown): string[] {
  return stringify({ [key]: value }, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => `${indent}${line}`);
}

function choices(
  values: readonly string[],
  labels: Record<string, { 'zh-CN': string; en: string }>,
  locale: Locale,
) {
  return values.map((v) => `${v} (${labels[v]?.[locale] ?? v})`).join(' | ');
}

function fieldLines(field: TemplateField, locale: Locale): string[] {
  const text = SKELETON_TEXT[locale];
  const indent = '    ';
  const required = field.required ? ` (${text.required})` : '';
  const stages = field.stages
    ? ` [${text.onlyAt}: ${field.stages.map((stage) => STAGE_LABELS[stage][locale]).join(', ')}]`
    : '';
  const head = `${field.label[locale]} — ${typeNote(field.type, locale)}${required}${stages}`;
  // A blank line before each field keeps its comments visibly attached to it, not to the one above.
  const lines = ['', ...comment(indent, head)];
  if (field.hint) lines.push(...comment(indent, field.hint[locale]));
  if (field.options) {
    lines.push(
      ...comment(indent, field.options.map((o) => `${o.value} = ${o.label[locale]}`).join(' | ')),
    );
  }
  const example = exampleValue(field, locale);
  if (field.type === 'short_text' || field.type === 'long_text') {
    lines.push(...entry(indent, field.id, ''));
  } else if (startsAsEmptyList(field.type)) {
    lines.push(...entry(indent, field.id, []));
    lines.push(
      ...comment(indent, text.example),
      ...entry(indent, field.id, example).map((l) => l.replace(indent, `${indent}# `)),
    );
  } else {
    lines.push(...entry(indent, field.id, example).map((l) => l.replace(indent, `${indent}# `)));
  }
  return lines;
}

function sectionLines(section: TemplateSection, locale: Locale): string[] {
  const text = SKELETON_TEXT[locale];
  const lines = ['', ...comment('  ', `──── ${section.title[locale]} ────`)];
  if (section.intro) lines.push(...comment('  ', section.intro[locale]));
  for (const stage of STAGES) {
    const guidance = section.guidance[stage];
    if (guidance) {
      lines.push(
        ...comment('  ', `${text.guidance} · ${STAGE_LABELS[stage][locale]}: ${guidance[locale]}`),
      );
    }
  }
  const answered = section.fields.some(
    (f) => f.type === 'short_text' || f.type === 'long_text' || startsAsEmptyList(f.type),
  );
  // A section whose fields all start commented out still needs a (empty) map to stay a valid plan.
  lines.push(answered ? `  ${section.id}:` : `  ${section.id}: {}`);
  for (const field of section.fields) lines.push(...fieldLines(field, locale));
  return lines;
}

/**
 * An annotated YAML plan for a template: every field with its label, type, hint and options, each
 * section with its intro and stage guidance, in the chosen language. As printed it is already a valid
 * (empty) plan, so `opsplan lint` works on it at every step of filling it in.
 */
export function planSkeleton(template: Template, locale: Locale, today: string): string {
  const text = SKELETON_TEXT[locale];
  const year = today.slice(0, 4);
  const lines = [
    ...comment('', template.name[locale]),
    ...comment('', template.description[locale]),
    '#',
    ...text.howTo.flatMap((line) => comment('', line)),
    `schemaVersion: ${PLAN_SCHEMA_VERSION}`,
    'meta:',
    ...comment('  ', text.title),
    ...entry('  ', 'title', template.name[locale]),
    ...entry('  ', 'templateId', template.id),
    ...comment('  ', `${text.stageNote}: ${choices(STAGES, STAGE_LABELS, locale)}`),
    ...entry('  ', 'stage', 'growth'),
    ...comment('  ', `${text.audienceNote}: ${choices(AUDIENCES, AUDIENCE_LABELS, locale)}`),
    ...entry('  ', 'audience', 'team'),
    ...comment('  ', text.periodNote),
    ...entry('  ', 'period', { start: `${year}-01-01`, end: `${year}-12-31` }),
    ...comment('  ', text.ownerNote),
    ...entry('  ', 'owner', 'U0123ABCD'),
    ...comment('  ', text.editorsNote),
    ...entry('  ', 'editors', []),
    ...comment('  ', text.channelNote),
    ...entry('  ', 'channel', 'C0123ABCD').map((l) => l.replace('  ', '  # ')),
    ...comment('  ', text.languageNote),
    ...entry('  ', 'language', locale),
    ...comment('  ', text.timezoneNote),
    ...entry('  ', 'timezone', locale === 'zh-CN' ? 'Asia/Shanghai' : 'UTC'),
    'sections:',
    ...template.sections.flatMap((section) => sectionLines(section, locale)),
  ];
  return `${lines.join('\n')}\n`;
}
