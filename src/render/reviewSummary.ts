import type { Locale } from '../domain/locale.js';
import { type ReviewResult, SEVERITIES, type Severity, summarise } from '../domain/review/index.js';

/** What the renderers read from a review: its findings (a full `ReviewResult` fits). */
export type RenderableReview = Pick<ReviewResult, 'findings'>;

const SEVERITY_NOUNS: Record<Severity, { 'zh-CN': string; en: readonly [string, string] }> = {
  error: { 'zh-CN': '错误', en: ['error', 'errors'] },
  warning: { 'zh-CN': '警告', en: ['warning', 'warnings'] },
  tip: { 'zh-CN': '建议', en: ['tip', 'tips'] },
};

function countOf(severity: Severity, count: number, locale: Locale): string {
  const noun = SEVERITY_NOUNS[severity];
  return `${count} ${locale === 'zh-CN' ? noun['zh-CN'] : noun.en[count === 1 ? 0 : 1]}`;
}

/** `0 错误 · 2 警告 · 1 建议` / `0 errors · 2 warnings · 1 tip`. */
export function formatReviewCounts(review: RenderableReview, locale: Locale): string {
  const counts = summarise(review.findings);
  return SEVERITIES.map((severity) => countOf(severity, counts[severity], locale)).join(' · ');
}

export const SEVERITY_ICONS: Record<Severity, string> = {
  error: '⛔',
  warning: '⚠️',
  tip: '💡',
};
