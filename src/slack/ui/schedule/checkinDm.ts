import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { contextBlock, sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { markup, packParagraphs, text } from '../../../render/blocks/mrkdwnPacker.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { ActionIds } from '../ids.js';
import type { SlackMessage } from '../slackMessage.js';
import { checkinTexts } from './checkinTexts.js';
import { encodeRoundRef, type RoundRef } from './checkinValues.js';

export interface CheckinDmInput {
  ref: RoundRef;
  /** Plan title as written (escaped here). */
  title: string;
  /** The KPIs this owner is asked about, names as written. */
  kpiNames: readonly string[];
  /** When the digest goes out, already formatted for the reader. */
  closesAt: string;
  locale: Locale;
}

const LISTED_MAX = 20;

/** The one DM an owner gets per round: what is asked, until when, and the Report button. */
export function checkinDmMessage(input: CheckinDmInput): SlackMessage {
  const t = checkinTexts(input.locale).dm;
  const title = escapeMrkdwn(input.title);
  const names = packParagraphs(
    input.kpiNames.slice(0, LISTED_MAX).map((name) => [markup('• '), text(name)]),
  );
  const blocks: KnownBlock[] = [
    sectionBlock(t.intro({ title, count: input.kpiNames.length })),
    ...names.map(sectionBlock),
    reportButton(input.ref, t.report),
    contextBlock(escapeMrkdwn(t.closes({ when: input.closesAt }))),
  ];
  return { text: t.fallback({ title }), blocks };
}

/** The single follow-up to an owner who has not answered yet. */
export function checkinNudgeMessage(input: Omit<CheckinDmInput, 'kpiNames'>): SlackMessage {
  const t = checkinTexts(input.locale).dm;
  const title = escapeMrkdwn(input.title);
  return {
    text: t.nudgeFallback({ title }),
    blocks: [
      sectionBlock(t.nudge({ title, when: escapeMrkdwn(input.closesAt) })),
      reportButton(input.ref, t.report),
    ],
  };
}

function reportButton(ref: RoundRef, label: string): KnownBlock {
  return {
    type: 'actions',
    block_id: 'checkin_actions',
    elements: [
      {
        type: 'button',
        action_id: ActionIds.checkinReport,
        style: 'primary',
        text: { type: 'plain_text', text: label },
        value: encodeRoundRef(ref),
      },
    ],
  };
}
