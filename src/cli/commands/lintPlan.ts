import type { Locale } from '../../domain/locale.js';
import type { Plan } from '../../domain/plan.js';
import { type Finding, reviewPlan } from '../../domain/review/index.js';
import type { Template } from '../../domain/template.js';
import { formatReviewCounts, SEVERITY_ICONS } from '../../render/reviewSummary.js';
import { cliText } from '../cliText.js';
import { type CommandResult, EXIT_OK, EXIT_REVIEW_ERRORS } from '../commandResult.js';

function where(finding: Finding, template: Template, locale: Locale): string {
  const section = template.sections.find((s) => s.id === finding.sectionId);
  const field = section?.fields.find((f) => f.id === finding.fieldId);
  const parts = [
    section?.title[locale] ?? finding.sectionId,
    field?.label[locale] ?? finding.fieldId,
  ];
  const row = finding.rowId ? ` [${finding.rowId}]` : '';
  return `${parts.join(' › ')}${row}`;
}

/**
 * `opsplan lint`: the review, most important first, each finding with its severity, where it points and
 * its rule id. Exit 1 when there are errors, so CI can gate on it.
 */
export function lintPlan(
  path: string,
  plan: Plan,
  template: Template,
  locale: Locale,
  today: string,
): CommandResult {
  const text = cliText(locale);
  const review = reviewPlan(plan, template, { today });
  const lines = [`${path} — ${template.name[locale]}: ${formatReviewCounts(review, locale)}`];
  for (const finding of review.findings) {
    const severity = text.severity[finding.severity];
    lines.push(
      `${SEVERITY_ICONS[finding.severity]} ${severity}  ${where(finding, template, locale)}: ${finding.message[locale]}  (${finding.ruleId})`,
    );
  }
  lines.push(review.passed ? text.reviewPassed : text.reviewFailed);
  return {
    exitCode: review.passed ? EXIT_OK : EXIT_REVIEW_ERRORS,
    stdout: `${lines.join('\n')}\n`,
    stderr: '',
  };
}
