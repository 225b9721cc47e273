import type { SlackMessage } from './slackMessage.js';

/** A short, single-section message: errors, apologies, confirmations. */
export function buildNoticeMessage(mrkdwn: string): SlackMessage {
  return { text: mrkdwn, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }] };
}
