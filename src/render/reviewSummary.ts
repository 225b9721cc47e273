import type { Locale, LocalizedText } from '../domain/locale.js';
import { label } from './renderLabels.js';

export type FindingSeverity = 'error' | 'warning' | 'tip';

/** What the renderers need from a review: its findings, each with a severity and a localized message. */
export interface RenderableFinding {
  severity: FindingSeverity;
  message: LocalizedText;
  sectionId?: string;
  fieldId?: string;
}

export interface RenderableReview {
  findings: readonly RenderableFinding[];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  tip: number;
}

export function countFindings(review: RenderableReview): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, tip: 0 };
  for (const finding of review.findings) counts[finding.severity]++;
  return counts;
}

/** `0 错误 · 2 警告 · 1 建议` / `0 errors · 2 warnings · 1 tips`. */
export function formatCounts(counts: SeverityCounts, locale: Locale): string {
  return [
    `${counts.error} ${label('errors', locale)}`,
    `${counts.warning} ${label('warnings', locale)}`,
    `${counts.tip} ${label('tips', locale)}`,
  ].join(' · ');
}

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['error', 'warning', 'tip'];

export const SEVERITY_ICONS: Record<FindingSeverity, string> = {
  error: '⛔',
  warning: '⚠️',
  tip: '💡',
};
