import { AUDIENCE_LABELS, STAGE_LABELS } from '../domain/lifecycle.js';
import type { Locale } from '../domain/locale.js';
import type { Plan } from '../domain/plan.js';
import { SEVERITIES } from '../domain/review/index.js';
import type { Template } from '../domain/template.js';
import { formatDateRange } from './formatFieldValue.js';
import { channelText, fieldMarkdown, userText } from './markdown/fieldMarkdown.js';
import { escapeMarkdownInline } from './markdownEscape.js';
import { phaseNames, planSections, renderLocale } from './planContent.js';
import { label, listSeparator } from './renderLabels.js';
import { formatReviewCounts, type RenderableReview, SEVERITY_ICONS } from './reviewSummary.js';

export interface RenderMarkdownOptions {
  /** Defaults to the plan's own language. */
  locale?: Locale;
  review?: RenderableReview;
}

function metadata(plan: Plan, template: Template, locale: Locale): string {
  const { meta } = plan;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const line = (key: Parameters<typeof label>[0], value: string) =>
    `- **${escapeMarkdownInline(label(key, locale))}**${colon}${value}`;
  const lines = [
    line('stage', escapeMarkdownInline(STAGE_LABELS[meta.stage][locale])),
    line('audience', escapeMarkdownInline(AUDIENCE_LABELS[meta.audience][locale])),
    line('period', escapeMarkdownInline(formatDateRange(meta.period, locale))),
    line('owner', userText(meta.owner)),
  ];
  if (meta.editors.length > 0) {
    lines.push(line('editors', meta.editors.map(userText).join(listSeparator(locale))));
  }
  if (meta.channel) lines.push(line('channel', channelText(meta.channel)));
  lines.push(
    line('template', escapeMarkdownInline(template.name[locale])),
    line('timezone', escapeMarkdownInline(meta.timezone)),
  );
  return lines.join('\n');
}

function reviewMarkdown(review: RenderableReview, template: Template, locale: Locale): string {
  const parts = [
    `## ${escapeMarkdownInline(label('review', locale))}`,
    escapeMarkdownInline(formatReviewCounts(review, locale)),
  ];
  const findings = SEVERITIES.flatMap((severity) =>
    review.findings.filter((finding) => finding.severity === severity),
  );
  if (findings.length > 0) {
    parts.push(
      findings
        .map((finding) => {
          const section = template.sections.find((s) => s.id === finding.sectionId);
          const field = section?.fields.find((f) => f.id === finding.fieldId);
          const where = [section?.title[locale], field?.label[locale]].filter(Boolean).join(' › ');
          const suffix = where ? ` (${escapeMarkdownInline(where)})` : '';
          return `- ${SEVERITY_ICONS[finding.severity]} ${escapeMarkdownInline(finding.message[locale])}${suffix}`;
        })
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

/**
 * The whole plan as a Markdown document, readable anywhere (GitHub, an editor, a wiki): metadata, every
 * section with its labelled answers, lists as tables, an optional review. User text is escaped so it
 * cannot forge links, inject HTML or break a table; Slack ids appear as `@U…` / `#C…` text.
 */
export function renderPlanMarkdown(
  plan: Plan,
  template: Template,
  options: RenderMarkdownOptions = {},
): string {
  const locale = renderLocale(plan, options.locale);
  const sections = planSections(plan, template, locale);
  const phases = phaseNames(sections);
  const parts = [`# ${escapeMarkdownInline(plan.meta.title)}`, metadata(plan, template, locale)];
  if (options.review) parts.push(reviewMarkdown(options.review, template, locale));
  for (const section of sections) {
    parts.push(`## ${escapeMarkdownInline(section.title)}`);
    if (section.empty) {
      parts.push(`_${escapeMarkdownInline(label('notAnswered', locale))}_`);
      continue;
    }
    for (const field of section.fields) {
      const body = fieldMarkdown(field.value, locale, phases);
      if (body === '') continue;
      parts.push(`### ${escapeMarkdownInline(field.label)}`, body);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
