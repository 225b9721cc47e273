import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { STAGE_LABELS } from '../../../domain/lifecycle.js';
import type { Locale } from '../../../domain/locale.js';
import type { ReviewSummary } from '../../../domain/review/index.js';
import { contextBlock, sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { SEVERITY_ICONS } from '../../../render/reviewSummary.js';
import type { PlanOverview } from '../../../services/browse/planOverview.js';
import { ActionIds } from '../ids.js';
import { publishTexts } from '../publish/publishTexts.js';
import { type BrowseTexts, browseTexts } from './browseTexts.js';
import { calendarDate, relativeTime } from './timeText.js';

/** A title on one line, escaped: titles are user text and must never ping or link. */
export function safeTitle(title: string): string {
  return escapeMrkdwn(title.replace(/\s+/g, ' ').trim() || '—');
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** `⛔ Review: 1 error · 2 warnings · 0 tips`, or a clean mark when nothing was found. */
export function reviewStatusText(review: ReviewSummary | undefined, t: BrowseTexts): string {
  if (!review) return escapeMrkdwn(t.card.reviewUnknown);
  const icon =
    review.error > 0 ? SEVERITY_ICONS.error : review.warning > 0 ? SEVERITY_ICONS.warning : '✅';
  const total = review.error + review.warning + review.tip;
  const counts = total === 0 ? t.card.clean : t.card.counts(review);
  return `${icon} ${escapeMrkdwn(t.card.review)}: ${escapeMrkdwn(counts)}`;
}

/** The plan's facts: title, id, template, stage, the user's role, last edit and review status. */
export function planCardText(plan: PlanOverview, locale: Locale, now: Date): string {
  const t = browseTexts(locale);
  const tz = plan.details?.timeZone ?? 'UTC';
  const facts = [
    plan.details
      ? escapeMrkdwn(plan.details.templateName?.[locale] ?? plan.details.templateId)
      : undefined,
    plan.details ? escapeMrkdwn(STAGE_LABELS[plan.details.stage][locale]) : undefined,
    escapeMrkdwn(t.roles[plan.role]),
  ].filter((fact): fact is string => fact !== undefined);
  const lastEdit = t.card.lastEdit({
    relative: relativeTime(plan.updatedAt, now, locale),
    date: calendarDate(plan.updatedAt, locale, tz),
  });
  const nextReminder = plan.nextReminder
    ? [escapeMrkdwn(t.card.nextReminder({ date: calendarDate(plan.nextReminder, locale, tz) }))]
    : [];
  return [
    `*${safeTitle(plan.title)}*  \`${plan.id}\``,
    facts.join(' · '),
    `${escapeMrkdwn(lastEdit)} · ${reviewStatusText(plan.details?.review, t)}`,
    ...nextReminder,
  ].join('\n');
}

export interface PlanCardOptions {
  locale: Locale;
  now: Date;
}

/** The blocks of one plan in a list: facts, an expiry warning when due, and its buttons. */
export function planCardBlocks(plan: PlanOverview, options: PlanCardOptions): KnownBlock[] {
  const { locale, now } = options;
  const t = browseTexts(locale);
  const blocks: KnownBlock[] = [
    { ...sectionBlock(planCardText(plan, locale, now)), block_id: `plan.${plan.id}.info` },
  ];
  if (plan.expiresSoon) {
    const date = calendarDate(plan.expiresAt, locale, plan.details?.timeZone ?? 'UTC');
    blocks.push({
      ...contextBlock(escapeMrkdwn(t.card.expiry({ date }))),
      block_id: `plan.${plan.id}.expiry`,
    });
  }
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: `plan.${plan.id}.actions`,
    elements: [
      button(t.buttons.resume, ActionIds.planResume, plan.id, 'primary'),
      button(t.buttons.preview, ActionIds.planPreview, plan.id),
      button(publishTexts(locale).buttons.publish, ActionIds.planPublish, plan.id),
      button(t.buttons.history, ActionIds.planHistory, plan.id),
      // Reminder and check-in schedules are the owner's to set.
      ...(plan.role === 'owner'
        ? [button(t.buttons.schedules, ActionIds.planSettings, plan.id)]
        : []),
      button(t.buttons.delete, ActionIds.planDelete, plan.id, 'danger'),
    ],
  };
  blocks.push(actions);
  return blocks;
}

/** At most this many blocks per card (facts, expiry warning, buttons). */
export const PLAN_CARD_MAX_BLOCKS = 3;
