import type { WebClient } from '@slack/web-api';
import type { PublishProgress } from '../../store/publishedStore.js';
import { deletePosted } from './planPoster.js';
import { callSlack, isSlackCallError, type RetryPolicy } from './slackRetry.js';

export type TakeoverStart =
  /** Every message the dead attempt recorded is still there: post the rest under its summary. */
  | { kind: 'continue'; resume: PublishProgress }
  /**
   * Part of it is gone (deleted by hand, or taken back by an attempt that then could not release
   * its lease), or it does not match this post: what was left has been deleted; post afresh.
   * `leftovers`: messages that could not be deleted.
   */
  | { kind: 'restart'; leftovers: string[] };

/**
 * What an attempt that took over a dead one does with the messages that one recorded. Readers want
 * one complete post and no stray message: continuing under the dead attempt's summary gives that
 * without a second summary (or a summary that appears, vanishes and reappears). Continuing is only
 * right if the thread is still whole, so each recorded message is looked up first (chat.getPermalink
 * answers message_not_found for a deleted one; it needs no scope). Throws a SlackCallError when
 * Slack cannot tell.
 */
export async function takeoverStart(
  client: WebClient,
  channel: string,
  progress: PublishProgress,
  replyCount: number,
  retry: RetryPolicy,
): Promise<TakeoverStart> {
  const recorded = [progress.summaryTs, ...progress.replyTs];
  // More replies than this post has means it was another post: never thread under it.
  if (progress.replyTs.length <= replyCount) {
    let whole = true;
    for (const ts of recorded) {
      if (!(await messageExists(client, channel, ts, retry))) {
        whole = false;
        break;
      }
    }
    if (whole) return { kind: 'continue', resume: progress };
  }
  return { kind: 'restart', leftovers: await deletePosted(client, channel, recorded, retry) };
}

async function messageExists(
  client: WebClient,
  channel: string,
  ts: string,
  retry: RetryPolicy,
): Promise<boolean> {
  try {
    await callSlack(
      'chat.getPermalink',
      () => client.chat.getPermalink({ channel, message_ts: ts }),
      retry,
      { idempotent: true },
    );
    return true;
  } catch (error) {
    if (isSlackCallError(error) && error.failure.kind === 'refused') {
      if (error.failure.error === 'message_not_found') return false;
    }
    throw error;
  }
}
