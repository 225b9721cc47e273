import type { Locale } from '../domain/locale.js';
import type { Plan } from '../domain/plan.js';
import type { Template } from '../domain/template.js';
import { type SectionMessage, sectionMessages } from './blocks/sectionMessages.js';
import { type SummaryMessage, summaryMessage } from './blocks/summaryMessage.js';
import { phaseNames, planSections, renderLocale } from './planContent.js';
import type { RenderableReview } from './reviewSummary.js';

export type { SectionMessage, SummaryMessage };

export interface RenderBlocksOptions {
  review?: RenderableReview;
  /** Defaults to the plan's own language. */
  locale?: Locale;
}

export interface PlanBlocks {
  /** The channel post. */
  summary: SummaryMessage;
  /** Thread replies in order: at least one per template section, more for a very long section. */
  sections: SectionMessage[];
}

/**
 * The plan as Slack messages. Every message stays within Slack's limits (50 blocks, 3000 characters per
 * section text, 150 per header) whatever the plan's size; all user text is escaped and carried in
 * `verbatim` mrkdwn, and only validated user/channel ids from user/channel fields become mentions.
 */
export function renderPlanBlocks(
  plan: Plan,
  template: Template,
  options: RenderBlocksOptions = {},
): PlanBlocks {
  const locale = renderLocale(plan, options.locale);
  const sections = planSections(plan, template, locale);
  const context = { locale, phaseNames: phaseNames(sections) };
  return {
    summary: summaryMessage(plan, template, sections, locale, options.review),
    sections: sections.flatMap((section) => sectionMessages(plan.meta.title, section, context)),
  };
}
