import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { escapedMrkdwnWeight, escapeMrkdwn, userMention } from '../../../render/mrkdwn.js';
import { ActionIds, CallbackIds } from '../ids.js';
import { clip, contextBlock, mrkdwnSection, plain } from './blockParts.js';
import { slackTime } from './savedModal.js';
import { SMALL_VIEW_TEXTS } from './smallViewTexts.js';

export interface TypedValue {
  label: string;
  text: string;
}

export interface BuildConflictModalArgs {
  locale: Locale;
  planId: string;
  sectionId: string;
  planTitle: string;
  /** Who saved the newer version (a Slack user id, shown as a mention). */
  updatedBy?: string;
  updatedAt: Date;
  /** What this user typed in the step, label by label (see `typedValuesForConflict`). */
  typed: readonly TypedValue[];
}

/** Leaves room for the modal's other blocks under Slack's 100. */
const MAX_TYPED_BLOCKS = 90;

/**
 * The save was refused because someone else saved first. Shows back what this user typed —
 * as escaped text they can copy, never re-interpreted as mentions or links — and offers to
 * reload the latest version.
 */
export function buildConflictModal(args: BuildConflictModalArgs): ModalView {
  const t = SMALL_VIEW_TEXTS[args.locale];
  const who = args.updatedBy ? userMention(args.updatedBy) : t.someone;
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      'conflict',
      t.conflict(escapeMrkdwn(args.planTitle), who, slackTime(args.updatedAt)),
    ),
    mrkdwnSection('typed', t.yourInput),
  ];
  const typed = args.typed.filter((v) => v.text.trim().length > 0).slice(0, MAX_TYPED_BLOCKS);
  if (typed.length === 0) blocks.push(contextBlock('typed|none', t.nothingTyped));
  let index = 0;
  for (const value of typed) {
    const label = `*${escapeMrkdwn(clip(value.label, 200))}*`;
    // Section text holds 3000 characters: a long value continues in further blocks.
    for (const [part, chunk] of escapedChunks(value.text, 2900 - label.length).entries()) {
      if (blocks.length >= MAX_TYPED_BLOCKS) break;
      blocks.push(mrkdwnSection(`typed|${index++}`, part === 0 ? `${label}\n${chunk}` : chunk));
    }
  }
  blocks.push(contextBlock('hint', t.yourInputHint), {
    type: 'actions',
    block_id: 'reload',
    elements: [
      {
        type: 'button',
        action_id: ActionIds.conflictReload,
        style: 'primary',
        text: plain(t.reload, 75),
        value: JSON.stringify({ p: args.planId, s: args.sectionId }),
      },
    ],
  });
  return {
    type: 'modal',
    callback_id: CallbackIds.conflict,
    title: plain(t.conflictTitle, 24),
    close: plain(t.conflictClose, 24),
    blocks,
  };
}

/** Escapes `text` and cuts it into pieces of at most `max` characters, never inside an entity. */
function escapedChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let length = 0;
  for (const char of text) {
    const weight = escapedMrkdwnWeight(char.charCodeAt(0)) + char.length - 1;
    if (length + weight > max && current.length > 0) {
      chunks.push(current);
      current = '';
      length = 0;
    }
    current += escapeMrkdwn(char);
    length += weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
