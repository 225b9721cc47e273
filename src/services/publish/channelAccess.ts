import type { WebClient } from '@slack/web-api';
import { callSlack, type RetryPolicy, SlackCallError } from './slackRetry.js';

export type ChannelAccess = 'ok' | 'not_in_channel' | 'archived';

/** Slack's answers meaning "the bot cannot post there until someone invites it". */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found']);

export function isNotInChannelError(error: string): boolean {
  return NOT_IN_CHANNEL.has(error);
}

/**
 * Whether the bot may post in `channel` before anything is posted: public channels work without
 * joining (chat:write.public); a private channel needs an invitation. Slack hides a private channel
 * the bot is not in ("channel_not_found"), so that answer gets the same instruction.
 */
export async function checkChannelAccess(
  client: WebClient,
  channel: string,
  retry: RetryPolicy,
): Promise<ChannelAccess> {
  try {
    const answer = await callSlack(
      'conversations.info',
      () => client.conversations.info({ channel }),
      retry,
      { idempotent: true },
    );
    const info = answer.channel;
    if (info?.is_archived) return 'archived';
    if (info?.is_private && !info.is_member && !info.is_im) return 'not_in_channel';
    return 'ok';
  } catch (error) {
    if (error instanceof SlackCallError && error.failure.kind === 'refused') {
      if (isNotInChannelError(error.failure.error)) return 'not_in_channel';
      if (error.failure.error === 'is_archived') return 'archived';
    }
    throw error;
  }
}
