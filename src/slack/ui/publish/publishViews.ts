import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import type { Finding, ReviewResult, Severity } from '../../../domain/review/index.js';
import type { Template } from '../../../domain/template.js';
import { contextBlock, sectionBlock, truncatePlain } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { SEVERITY_ICONS } from '../../../render/reviewSummary.js';
import { encodeOpenSection } from '../browse/browseValues.js';
import { ActionIds, CallbackIds } from '../ids.js';
import type { SlackMessage } from '../slackMessage.js';
import { publishTexts } from './publishTexts.js';
import { encodeConfirmMetadata } from './publishValues.js';

/** Findings listed one by one (each with its button); the rest are counted. */
export const LISTED_FINDINGS_MAX = 20;
const FINDING_TEXT_MAX = 600;

export interface FindingsInput {
  planId: string;
  template: Template;
  review: ReviewResult;
  severity: Severity;
  /** The user's language (the finding texts exist in both). */
  locale: Locale;
}

/** One block per finding of `severity`, with a button opening the section to fix it in. */
export function findingBlocks(input: FindingsInput): KnownBlock[] {
  const { planId, template, review, severity, locale } = input;
  const t = publishTexts(locale);
  const findings = review.findings.filter((f) => f.severity === severity);
  const listed = findings.slice(0, LISTED_FINDINGS_MAX);
  const blocks: KnownBlock[] = listed.map((finding: Finding, index) => {
    const section = template.sections.find((s) => s.id === finding.sectionId);
    const where = section
      ? `\n_${escapeMrkdwn(t.inSection)}: ${escapeMrkdwn(section.title[locale])}_`
      : '';
    const message = escapeMrkdwn(truncatePlain(finding.message[locale].trim(), FINDING_TEXT_MAX));
    return {
      type: 'section',
      block_id: `publish.finding.${index}`,
      text: {
        type: 'mrkdwn',
        text: `${SEVERITY_ICONS[severity]} ${message}${where}`,
        verbatim: true,
      },
      ...(section
        ? {
            accessory: {
              type: 'button',
              text: { type: 'plain_text', text: t.buttons.openSection, emoji: true },
              action_id: ActionIds.openSection,
              value: encodeOpenSection({ p: planId, s: finding.sectionId }),
            },
          }
        : {}),
    };
  });
  const more = findings.length - listed.length;
  if (more > 0) blocks.push(contextBlock(escapeMrkdwn(t.moreFindings({ count: more }))));
  return blocks;
}

/** A modal that shows a publish's state: progress, refusal or outcome. Nothing to submit. */
export function buildPublishStatusModal(
  locale: Locale,
  mrkdwn: string,
  extra: KnownBlock[] = [],
): ModalView {
  const t = publishTexts(locale);
  return {
    type: 'modal',
    callback_id: CallbackIds.publishStatus,
    title: { type: 'plain_text', text: t.titles.publish },
    close: { type: 'plain_text', text: t.buttons.close },
    blocks: [{ ...sectionBlock(mrkdwn), block_id: 'publish.status' }, ...extra],
  };
}

/** Review errors: what to fix, each with its section's button. */
export function buildBlockedModal(
  input: Omit<FindingsInput, 'severity'> & { intro: string },
): ModalView {
  const t = publishTexts(input.locale);
  return {
    ...buildPublishStatusModal(
      input.locale,
      input.intro,
      findingBlocks({ ...input, severity: 'error' }),
    ),
    title: { type: 'plain_text', text: t.titles.blocked },
  };
}

export function buildBlockedMessage(
  input: Omit<FindingsInput, 'severity'> & { intro: string },
): SlackMessage {
  return {
    text: input.intro,
    blocks: [sectionBlock(input.intro), ...findingBlocks({ ...input, severity: 'error' })],
  };
}

/** Review warnings: Publish anyway (submit) or Cancel. */
export function buildConfirmModal(
  input: Omit<FindingsInput, 'severity'> & { intro: string; version: number; channel: string },
): ModalView {
  const t = publishTexts(input.locale);
  return {
    type: 'modal',
    callback_id: CallbackIds.publishConfirm,
    title: { type: 'plain_text', text: t.titles.confirm },
    submit: { type: 'plain_text', text: t.buttons.publishAnyway },
    close: { type: 'plain_text', text: t.buttons.cancel },
    private_metadata: encodeConfirmMetadata({
      p: input.planId,
      v: input.version,
      c: input.channel,
    }),
    blocks: [
      { ...sectionBlock(input.intro), block_id: 'publish.status' },
      ...findingBlocks({ ...input, severity: 'warning' }),
    ],
  };
}
