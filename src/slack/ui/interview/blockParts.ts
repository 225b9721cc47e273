import type {
  ContextBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { charCount } from '../../../domain/template.js';
import { mrkdwnText } from '../../../render/mrkdwn.js';

/**
 * Small Block Kit pieces shared by the interview views. Slack rejects a whole view when one
 * text is too long, so every text that could come from a template or a user is clipped here.
 */

/** Clips to `max` characters as Slack counts them (code points), ending with an ellipsis. */
export function clip(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  return `${[...text].slice(0, max - 1).join('')}…`;
}

export function plain(text: string, max = 3000): PlainTextElement {
  // Slack refuses empty texts; a lone space would render as nothing, so fall back to a dash.
  return { type: 'plain_text', text: clip(text.trim().length > 0 ? text : '–', max), emoji: true };
}

/** Mrkdwn for texts we compose; callers escape any user or template text they put in. */
export function mrkdwn(text: string, max = 3000): MrkdwnElement {
  return mrkdwnText(clip(text, max));
}

export function mrkdwnSection(blockId: string, text: string): SectionBlock {
  return { type: 'section', block_id: blockId, text: mrkdwn(text) };
}

export function contextBlock(blockId: string, text: string): ContextBlock {
  return { type: 'context', block_id: blockId, elements: [mrkdwn(text)] };
}

/** Option texts are capped at 75 characters by Slack. */
export function option(value: string, label: string): PlainTextOption {
  return { text: plain(label, 75), value };
}

/**
 * A number as `number_input` accepts it: plain decimal digits, never exponent notation
 * (String(1e-7) is "1e-7", which Slack rejects).
 */
export function decimalString(n: number): string {
  const direct = String(n);
  if (!/e/i.test(direct)) return direct;
  const fixed = n.toFixed(20).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}
