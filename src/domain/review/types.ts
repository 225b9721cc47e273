import type { LocalizedText } from '../locale.js';
import type { Plan } from '../plan.js';
import type { Template } from '../template.js';

export const SEVERITIES = ['error', 'warning', 'tip'] as const;
/** `error` blocks publishing; `warning` asks for confirmation; `tip` is advice. */
export type Severity = (typeof SEVERITIES)[number];

/** Where a finding points, so the UI can open the right section (and row). */
export interface FindingLocation {
  sectionId: string;
  fieldId: string;
  /** The row of a structured list (KPI, phase, budget line, …) the finding is about. */
  rowId?: string;
}

export interface Finding extends FindingLocation {
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
}

export interface ReviewContext {
  plan: Plan;
  template: Template;
  /** Today in the plan's time zone (yyyy-mm-dd); passed in so reviews are reproducible. */
  today: string;
}

/** A named check. Rules only judge what the template asks for: no field with the role, no finding. */
export interface ReviewRule {
  id: string;
  severity: Severity;
  /** What the rule checks, in both languages (for help texts and documentation). */
  description: LocalizedText;
  check(context: ReviewContext): Finding[];
}

export type ReviewSummary = Record<Severity, number>;

export interface ReviewResult {
  findings: Finding[];
  summary: ReviewSummary;
  /** True when nothing blocks publishing (no errors). */
  passed: boolean;
}
