import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../slack/ui/slackMessage.js';
import type { PublishedPost } from '../../store/publishedStore.js';
import { uploadTextFile } from '../slack/uploadTextFile.js';
import {
  callSlack,
  isSlackCallError,
  type RetryPolicy,
  SlackCallError,
  type SlackFailure,
} from './slackRetry.js';

/** What one publish posts: a channel message, its thread, and the plan as a file in the thread. */
export interface PlanPostContent {
  channel: string;
  summary: SlackMessage;
  /** Thread replies in order ("what changed" first for a revision, then the sections). */
  replies: SlackMessage[];
  file: { filename: string; title: string; content: string };
}

export interface PostingOptions {
  retry: RetryPolicy;
  /** Pause between two messages in the channel: Slack allows about one per second, in short bursts. */
  spacingMs: number;
  /** Asked between steps (it renews the publish lease); false stops the post. */
  keepGoing(): Promise<boolean>;
}

export type PostFailure =
  | SlackFailure
  /** Another attempt holds the publish now (this one stalled past its lease). */
  | { kind: 'lease_lost' }
  /** The lease could not be renewed because storage did not answer: stop rather than guess. */
  | { kind: 'storage_unavailable' };

export type PostResult =
  | { ok: true; post: PublishedPost }
  | {
      ok: false;
      failure: PostFailure;
      step: 'summary' | 'reply' | 'file';
      /** ts of every message known to be posted, summary first. */
      posted: string[];
    };

class Stopped extends Error {
  constructor(readonly failure: PostFailure) {
    super(failure.kind);
  }
}

/**
 * Posts the summary, then each reply in its thread, then the Markdown file, stopping at the first
 * failure. Nothing is repeated blindly: a post whose answer was lost is reported as unknown.
 */
export async function postPlan(
  client: WebClient,
  content: PlanPostContent,
  options: PostingOptions,
): Promise<PostResult> {
  const posted: string[] = [];
  let step: 'summary' | 'reply' | 'file' = 'summary';
  const { channel } = content;
  const checkpoint = async () => {
    let keep: boolean;
    try {
      keep = await options.keepGoing();
    } catch {
      throw new Stopped({ kind: 'storage_unavailable' });
    }
    if (!keep) throw new Stopped({ kind: 'lease_lost' });
  };
  const post = async (message: SlackMessage, threadTs?: string): Promise<string> => {
    if (posted.length > 0 && options.spacingMs > 0) await options.retry.sleep(options.spacingMs);
    await checkpoint();
    const answer = await callSlack(
      'chat.postMessage',
      () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        }),
      options.retry,
      { idempotent: false },
    );
    if (!answer.ts) throw new SlackCallError('chat.postMessage', { kind: 'server_error' });
    posted.push(answer.ts);
    return answer.ts;
  };

  try {
    const summaryTs = await post(content.summary);
    step = 'reply';
    for (const reply of content.replies) await post(reply, summaryTs);
    step = 'file';
    await checkpoint();
    const fileId = await callSlack(
      'files.completeUploadExternal',
      () =>
        uploadTextFile(client, {
          ...content.file,
          channelId: channel,
          threadTs: summaryTs,
        }),
      options.retry,
      // A lost answer may come from the completing call, which shares the file: not repeated.
      { idempotent: false },
    );
    const permalink = await permalinkOf(client, channel, summaryTs, options.retry);
    return {
      ok: true,
      post: {
        channel,
        summaryTs,
        threadTs: summaryTs,
        sectionTs: posted.slice(1),
        fileId,
        ...(permalink ? { permalink } : {}),
      },
    };
  } catch (error) {
    if (error instanceof Stopped) return { ok: false, failure: error.failure, step, posted };
    if (isSlackCallError(error)) return { ok: false, failure: error.failure, step, posted };
    throw error;
  }
}

/** The summary's link for the next version's "what changed"; a publish does not fail without it. */
async function permalinkOf(
  client: WebClient,
  channel: string,
  ts: string,
  retry: RetryPolicy,
): Promise<string | undefined> {
  try {
    const answer = await callSlack(
      'chat.getPermalink',
      () => client.chat.getPermalink({ channel, message_ts: ts }),
      retry,
      { idempotent: true },
    );
    return answer.permalink;
  } catch (error) {
    if (isSlackCallError(error)) return undefined;
    throw error;
  }
}

/**
 * Deletes what a failed publish posted, replies first so no thread is ever left without its parent
 * for long. Returns the ts that could not be deleted (a message already gone counts as deleted).
 */
export async function deletePosted(
  client: WebClient,
  channel: string,
  posted: readonly string[],
  retry: RetryPolicy,
): Promise<string[]> {
  const left: string[] = [];
  for (const ts of [...posted].reverse()) {
    try {
      await callSlack('chat.delete', () => client.chat.delete({ channel, ts }), retry, {
        idempotent: true,
      });
    } catch (error) {
      if (!isSlackCallError(error)) throw error;
      if (error.failure.kind === 'refused' && error.failure.error === 'message_not_found') continue;
      left.push(ts);
    }
  }
  return left;
}
