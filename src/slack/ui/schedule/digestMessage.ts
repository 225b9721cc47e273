import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import {
  contextBlock,
  headerBlock,
  MESSAGE_BLOCKS_MAX,
  sectionBlock,
} from '../../../render/blocks/blockBuilders.js';
import {
  markup,
  type Paragraph,
  packParagraphs,
  text,
} from '../../../render/blocks/mrkdwnPacker.js';
import { escapeMrkdwn, userMention } from '../../../render/mrkdwn.js';
import type { KpiRowAssessment } from '../../../services/checkins/kpiAssessment.js';
import type { Confidence } from '../../../store/kpiValuesStore.js';
import type { SlackMessage } from '../slackMessage.js';
import { checkinTexts } from './checkinTexts.js';
import { kpiStatusParagraph } from './kpiStatusParagraph.js';

export interface DigestRow {
  row: KpiRowAssessment;
  ownerId?: string;
}

export interface DigestNote {
  userId: string;
  comment?: string;
  confidence?: Confidence;
}

export interface DigestInput {
  title: string;
  periodKey: string;
  /** For a round asked for with `checkin now` (its key is internal): when, formatted for the reader. */
  askedAt?: string;
  rows: readonly DigestRow[];
  askedOwners: readonly string[];
  missingOwners: readonly string[];
  notes: readonly DigestNote[];
  /** Set when the digest was rewritten for late answers: when, formatted for the reader. */
  updatedAt?: string;
  locale: Locale;
}

// Header, period line, missing owners, notes, update line: what the KPI sections must leave room for.
const RESERVED_BLOCKS = 10;

/**
 * The round's digest in the plan's channel: each KPI's actual vs target, expected value now, status
 * and trend; who has not reported; owners' comments and confidence. Rewritten in place (same
 * layout) when late answers arrive.
 */
export function digestMessage(input: DigestInput): SlackMessage {
  const t = checkinTexts(input.locale).digest;
  const reported = input.askedOwners.length - input.missingOwners.length;
  const blocks: KnownBlock[] = [
    headerBlock(t.header({ title: input.title })),
    contextBlock(
      escapeMrkdwn(
        input.askedAt
          ? t.onDemandPeriod({ at: input.askedAt, reported, asked: input.askedOwners.length })
          : t.period({ period: input.periodKey, reported, asked: input.askedOwners.length }),
      ),
    ),
  ];
  const rows = input.rows.map(({ row, ownerId }) =>
    kpiStatusParagraph(row, input.locale, {
      ...(ownerId ? { id: ownerId } : {}),
      unowned: t.noOwner,
    }),
  );
  const sections = packParagraphs(rows);
  const room = MESSAGE_BLOCKS_MAX - RESERVED_BLOCKS;
  for (const section of sections.slice(0, room)) blocks.push(sectionBlock(section));
  if (sections.length > room) {
    blocks.push(contextBlock(escapeMrkdwn(t.more({ count: sections.length - room }))));
  }
  blocks.push(
    sectionBlock(
      input.missingOwners.length > 0
        ? t.notReported({ who: input.missingOwners.map(userMention).join(', ') })
        : t.allReported,
    ),
  );
  const notes = notesParagraphs(input.notes, input.locale);
  for (const section of packParagraphs(notes).slice(0, 3)) blocks.push(contextBlock(section));
  if (input.updatedAt)
    blocks.push(contextBlock(escapeMrkdwn(t.updated({ when: input.updatedAt }))));
  return { text: t.fallback({ title: escapeMrkdwn(input.title) }), blocks };
}

function notesParagraphs(notes: readonly DigestNote[], locale: Locale): Paragraph[] {
  const t = checkinTexts(locale);
  const paragraphs: Paragraph[] = [];
  for (const note of notes) {
    const who = userMention(note.userId);
    if (note.confidence) {
      const level = t.modal.confidenceLabels[note.confidence];
      paragraphs.push([markup(t.digest.confidence({ who, level }))]);
    }
    if (note.comment) {
      // The comment is user text: escaped by the packer, never placed inside our own markup.
      const [before, after] = t.digest.comment({ who, text: '\u0000' }).split('\u0000');
      paragraphs.push([markup(before ?? ''), text(note.comment), markup(after ?? '')]);
    }
  }
  return paragraphs;
}
