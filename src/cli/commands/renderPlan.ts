import type { Locale } from '../../domain/locale.js';
import type { Plan } from '../../domain/plan.js';
import { reviewPlan } from '../../domain/review/index.js';
import type { Template } from '../../domain/template.js';
import { renderPlanBlocks } from '../../render/planBlocks.js';
import { renderPlanMarkdown } from '../../render/planMarkdown.js';
import type { RenderFormat } from '../cliArgs.js';
import { type CommandResult, ok } from '../commandResult.js';

export interface RenderPlanOptions {
  format: RenderFormat;
  locale: Locale;
  /** When set, the review (as of this date) is included: counts in the summary, findings in Markdown. */
  reviewAsOf?: string;
}

/**
 * `opsplan render`: Markdown, or the Slack messages as JSON. Without a review the output depends only on
 * the plan, so the Markdown the app attaches when publishing can be compared with it byte for byte.
 */
export function renderPlan(
  plan: Plan,
  template: Template,
  options: RenderPlanOptions,
): CommandResult {
  const review =
    options.reviewAsOf === undefined
      ? undefined
      : reviewPlan(plan, template, { today: options.reviewAsOf });
  const renderOptions = { locale: options.locale, ...(review ? { review } : {}) };
  if (options.format === 'md') return ok(renderPlanMarkdown(plan, template, renderOptions));
  return ok(`${JSON.stringify(renderPlanBlocks(plan, template, renderOptions), null, 2)}\n`);
}
