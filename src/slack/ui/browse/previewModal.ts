import type { KnownBlock } from '@slack/types';
import { STAGE_LABELS } from '../../../domain/lifecycle.js';
import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import type { Finding, ReviewResult } from '../../../domain/review/index.js';
import type { Template } from '../../../domain/template.js';
import {
  contextBlock,
  headerBlock,
  sectionBlock,
  truncatePlain,
} from '../../../render/blocks/blockBuilders.js';
import { formatDateRange } from '../../../render/formatFieldValue.js';
import { escapeMrkdwn, userMention } from '../../../render/mrkdwn.js';
import { renderPlanBlocks } from '../../../render/planBlocks.js';
import { SEVERITY_ICONS } from '../../../render/reviewSummary.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { ActionIds, CallbackIds } from '../ids.js';
import { publishTexts } from '../publish/publishTexts.js';
import type { BrowseModal } from './browseModal.js';
import { browseTexts } from './browseTexts.js';
import { encodeOpenSection } from './browseValues.js';
import { button, reviewStatusText } from './planCard.js';

export const MODAL_BLOCKS_MAX = 100;
/** Findings listed with a button each; the rest are counted. The plan itself needs the room. */
export const PREVIEW_FINDINGS_MAX = 20;
/** A finding's text is ours plus user text quoted by the rule; long quotes are shortened. */
const FINDING_TEXT_MAX = 600;

export interface PreviewInput {
  record: DraftRecord<Plan>;
  /** Undefined when the plan's template is not installed: no content, no review. */
  template: Template | undefined;
  review: ReviewResult | undefined;
  /** The user's language for the modal's own texts; the plan renders in its own language. */
  locale: Locale;
}

function findingBlock(
  finding: Finding,
  index: number,
  planId: string,
  template: Template,
  locale: Locale,
): KnownBlock {
  const t = browseTexts(locale);
  const section = template.sections.find((s) => s.id === finding.sectionId);
  const where = section
    ? `\n_${escapeMrkdwn(t.preview.inSection)}: ${escapeMrkdwn(section.title[locale])}_`
    : '';
  const message = escapeMrkdwn(truncatePlain(finding.message[locale].trim(), FINDING_TEXT_MAX));
  return {
    type: 'section',
    block_id: `finding.${index}`,
    text: {
      type: 'mrkdwn',
      text: `${SEVERITY_ICONS[finding.severity]} ${message}${where}`,
      verbatim: true,
    },
    ...(section
      ? {
          accessory: button(
            t.buttons.openSection,
            ActionIds.openSection,
            encodeOpenSection({ p: planId, s: finding.sectionId }),
          ),
        }
      : {}),
  };
}

function reviewBlocks(input: PreviewInput, template: Template, review: ReviewResult): KnownBlock[] {
  const { locale, record } = input;
  const t = browseTexts(locale);
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    sectionBlock(
      review.findings.length === 0
        ? `✅ ${escapeMrkdwn(t.preview.noFindings)}`
        : reviewStatusText(review.summary, t),
    ),
  ];
  const listed = review.findings.slice(0, PREVIEW_FINDINGS_MAX);
  listed.forEach((finding, index) => {
    blocks.push(findingBlock(finding, index, record.id, template, locale));
  });
  const more = review.findings.length - listed.length;
  if (more > 0) blocks.push(contextBlock(escapeMrkdwn(t.preview.moreFindings({ count: more }))));
  blocks.push({ type: 'divider' });
  return blocks;
}

/**
 * The preview modal: facts, review findings (each with a button opening its section), then the plan as
 * the channel post would render it. Long plans stop at a whole block (the renderer splits at word
 * boundaries) with a pointer to the full plan, so the modal stays within 100 blocks.
 */
export function buildPreviewModal(input: PreviewInput): BrowseModal {
  const { record, template, review, locale } = input;
  const t = browseTexts(locale);
  const plan = record.doc;
  const facts = [
    `\`${record.id}\``,
    escapeMrkdwn(t.preview.version({ version: record.version })),
    escapeMrkdwn(STAGE_LABELS[plan.meta.stage][locale]),
    escapeMrkdwn(formatDateRange(plan.meta.period, locale)),
    userMention(plan.meta.owner),
  ];
  const blocks: KnownBlock[] = [headerBlock(record.title), contextBlock(facts.join(' · '))];
  if (!template) {
    blocks.push(
      sectionBlock(t.preview.templateMissing({ id: escapeMrkdwn(plan.meta.templateId) })),
    );
  } else {
    blocks.push({
      type: 'actions',
      block_id: 'preview.actions',
      elements: [
        button(publishTexts(locale).buttons.publish, ActionIds.planPublish, record.id, 'primary'),
      ],
    });
    if (review) blocks.push(...reviewBlocks(input, template, review));
    const content = renderPlanBlocks(plan, template).sections.flatMap((m) => m.blocks);
    const room = MODAL_BLOCKS_MAX - blocks.length;
    if (content.length <= room) {
      blocks.push(...content);
    } else {
      blocks.push(...content.slice(0, room - 1), contextBlock(escapeMrkdwn(t.preview.truncated)));
    }
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.preview,
    title: { type: 'plain_text', text: t.preview.title },
    close: { type: 'plain_text', text: t.buttons.close },
    private_metadata: JSON.stringify({ p: record.id }),
    blocks,
  };
}
