import type { Plan } from '../plan.js';
import type { Template } from '../template.js';
import { REVIEW_RULES } from './rules/index.js';
import {
  type Finding,
  type ReviewResult,
  type ReviewRule,
  type ReviewSummary,
  SEVERITIES,
} from './types.js';

export interface ReviewOptions {
  /** Today in the plan's time zone (yyyy-mm-dd), e.g. from `isoDateInTimeZone(now, tz)`. */
  today: string;
  /** Defaults to every rule; tests and `lint --rule` pass a subset. */
  rules?: readonly ReviewRule[];
}

/**
 * Reviews a plan against the framework's rules. Findings come sorted by
 * severity, then in template order, so the first one is the most important fix.
 */
export function reviewPlan(plan: Plan, template: Template, options: ReviewOptions): ReviewResult {
  const context = { plan, template, today: options.today };
  const findings = (options.rules ?? REVIEW_RULES).flatMap((rule) => rule.check(context));
  const order = templateOrder(template);
  findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (order.get(key(a)) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(key(b)) ?? Number.MAX_SAFE_INTEGER),
  );
  const summary = summarise(findings);
  return { findings, summary, passed: summary.error === 0 };
}

export function summarise(findings: readonly Finding[]): ReviewSummary {
  const summary: ReviewSummary = { error: 0, warning: 0, tip: 0 };
  for (const finding of findings) summary[finding.severity] += 1;
  return summary;
}

function templateOrder(template: Template): Map<string, number> {
  const order = new Map<string, number>();
  for (const section of template.sections) {
    for (const field of section.fields)
      order.set(key({ sectionId: section.id, fieldId: field.id }), order.size);
  }
  return order;
}

function key(at: { sectionId: string; fieldId: string }): string {
  return `${at.sectionId}\u0000${at.fieldId}`;
}
