/**
 * Escaping of user text for Slack mrkdwn.
 *
 * Slack turns `<…>` sequences into mentions (`<!channel>`, `<@U123>`, `<!subteam^S1>`) and links
 * (`<https://x|y>`), and `&` starts an entity. Escaping exactly `&`, `<` and `>` (Slack's own rule) makes
 * every such sequence inert text, and also stops a line that starts with `>` from becoming a quote.
 *
 * Deliberately NOT neutralised: `*`, `_`, `~` and backticks. Slack mrkdwn has no backslash escape, so the
 * only way to neutralise them would be to inject invisible characters, which corrupts the text a reader
 * copies out of Slack. They are harmless here because the renderers never wrap user text inside their own
 * formatting: labels are bold on their own line and values follow on the next lines, and Slack's
 * emphasis never spans a newline, so user text cannot unbalance our markup. A user who writes `*key*`
 * simply gets bold, as they would anywhere in Slack.
 *
 * The other half of the defence is `verbatim: true` on every mrkdwn object carrying user text (see
 * `mrkdwnText`): it stops Slack from auto-parsing bare `@here`, `#channel` names and URLs in that text.
 */
import type { MrkdwnElement } from '@slack/types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
}

/**
 * How many characters each escaped unit becomes (`&` → `&amp;`: 5); every other unit stays one.
 * Escaping is per character, so a text may be split anywhere on the raw side and the escaped
 * pieces still concatenate to the escaped whole.
 */
export const MRKDWN_ESCAPE_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(ESCAPES).map(([char, escaped]) => [char, escaped.length]),
);

/** How many characters one raw UTF-16 unit (by char code) becomes once escaped. */
export function escapedMrkdwnWeight(code: number): number {
  return MRKDWN_ESCAPE_WEIGHTS[String.fromCharCode(code)] ?? 1;
}

export function escapedMrkdwnLength(text: string): number {
  // Native `indexOf` skips the (usually absent) special characters far faster than a per-unit loop.
  let length = text.length;
  for (const [char, weight] of Object.entries(MRKDWN_ESCAPE_WEIGHTS)) {
    length += (weight - 1) * occurrences(text, char);
  }
  return length;
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** A mrkdwn text object that Slack will not pre-process (no auto-linked names, mentions or URLs). */
export function mrkdwnText(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

// Real ids are 9–11 characters; the cap keeps a crafted "id" from blowing a block's length budget.
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,29}$/;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,29}$/;

export function isSlackUserId(value: string): boolean {
  return SLACK_USER_ID.test(value);
}

export function isSlackChannelId(value: string): boolean {
  return SLACK_CHANNEL_ID.test(value);
}

/** `<@U…>` for a validated user id; anything else is shown as escaped text and pings nobody. */
export function userMention(id: string): string {
  return isSlackUserId(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/** `<#C…>` for a validated channel id; anything else is shown as escaped text. */
export function channelMention(id: string): string {
  return isSlackChannelId(id) ? `<#${id}>` : escapeMrkdwn(id);
}
