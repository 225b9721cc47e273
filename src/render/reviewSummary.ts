import type { Locale } from '../domain/locale.js';
import { type ReviewResult, type Severity, summarise } from '../domain/review/index.js';
import { label } from './renderLabels.js';

/** What the renderers read from a review: its findings (a full `ReviewResult` fits). */
export type RenderableReview = Pick<ReviewResult, 'findings'>;

/** `0 错误 · 2 警告 · 1 建议` / `0 errors · 2 warnings · 1 tips`. */
export function formatReviewCounts(review: RenderableReview, locale: Locale): string {
  const counts = summarise(review.findings);
  return [
    `${counts.error} ${label('errors', locale)}`,
    `${counts.warning} ${label('warnings', locale)}`,
    `${counts.tip} ${label('tips', locale)}`,
  ].join(' · ');
}

export const SEVERITY_ICONS: Record<Severity, string> = {
  error: '⛔',
  warning: '⚠️',
  tip: '💡',
};
