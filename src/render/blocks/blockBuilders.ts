import type { ContextBlock, HeaderBlock, SectionBlock } from '@slack/types';
import { mrkdwnText } from '../mrkdwn.js';

export const HEADER_TEXT_MAX = 150;
export const SECTION_FIELD_MAX = 2000;
/** Blocks per message (Slack's limit for messages). */
export const MESSAGE_BLOCKS_MAX = 50;

/**
 * Shortens plain text to `max` UTF-16 units (never below Slack's code-point count), ending with `…`
 * and never splitting a surrogate pair. Used only where the full text also appears elsewhere.
 */
export function truncatePlain(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** A header shows plain text, which Slack never parses for mentions or links. */
export function headerBlock(value: string): HeaderBlock {
  const shown = value.trim() === '' ? '—' : value.trim();
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncatePlain(shown, HEADER_TEXT_MAX) },
  };
}

/** `text` must already be safe mrkdwn (escaped user text, validated mentions). */
export function sectionBlock(text: string): SectionBlock {
  return { type: 'section', text: mrkdwnText(text) };
}

/** Two-column facts; each field must already be safe mrkdwn within `SECTION_FIELD_MAX`. */
export function fieldsBlock(fields: readonly string[]): SectionBlock {
  return { type: 'section', fields: fields.map(mrkdwnText) };
}

export function contextBlock(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwnText(text)] };
}
