import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../slack/ui/slackMessage.js';
import type { PublishedPost, PublishProgress, PublishStep } from '../../store/publishedStore.js';
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
  /** Asked before each step (is the publish lease still held?); false stops the post. */
  keepGoing(): Promise<boolean>;
  /**
   * Records a step Slack accepted under the publish lease, before the next one is posted, so an
   * attempt taking over after this one dies can continue from it. False: the lease is lost.
   */
  record(step: PublishStep): Promise<boolean>;
  /** What an earlier attempt of this publish already posted: continue after it. */
  resume?: PublishProgress;
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
      /** ts of every message known to be posted (resumed ones included), summary first. */
      posted: string[];
      /**
       * Posted, but not in the publish record (recording it failed). After `lease_lost` these are
       * the only ones to take back: the recorded ones now belong to the attempt that took over.
       */
      unrecorded: string[];
      /** Why a step could not be recorded (storage), when that is what stopped the post. */
      recordError?: unknown;
    };

class Stopped extends Error {
  constructor(
    readonly failure: PostFailure,
    readonly recordError?: unknown,
  ) {
    super(failure.kind);
  }
}

/**
 * Posts the summary, then each reply in its thread, then the Markdown file, stopping at the first
 * failure, and records each step as soon as Slack accepted it. With `resume`, what an earlier
 * attempt recorded is skipped: the remaining replies go under its summary. Nothing is repeated
 * blindly: a post whose answer was lost is reported as unknown.
 */
export async function postPlan(
  client: WebClient,
  content: PlanPostContent,
  options: PostingOptions,
): Promise<PostResult> {
  const { resume } = options;
  const posted: string[] = resume ? [resume.summaryTs, ...resume.replyTs] : [];
  const unrecorded: string[] = [];
  let step: 'summary' | 'reply' | 'file' = 'summary';
  const { channel } = content;
  const record = async (done: PublishStep, ts?: string) => {
    let kept: boolean;
    try {
      kept = await options.record(done);
    } catch (error) {
      if (ts) unrecorded.push(ts);
      throw new Stopped({ kind: 'storage_unavailable' }, error);
    }
    if (ts && !kept) unrecorded.push(ts);
    if (!kept) throw new Stopped({ kind: 'lease_lost' });
  };
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

  const uploadFile = async (summaryTs: string): Promise<string> => {
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
    await record({ kind: 'file', fileId });
    return fileId;
  };

  try {
    let summaryTs = resume?.summaryTs;
    if (summaryTs === undefined) {
      summaryTs = await post(content.summary);
      await record({ kind: 'summary', ts: summaryTs }, summaryTs);
    }
    step = 'reply';
    for (const reply of content.replies.slice(resume?.replyTs.length ?? 0)) {
      const ts = await post(reply, summaryTs);
      await record({ kind: 'reply', ts }, ts);
    }
    step = 'file';
    const fileId = resume?.fileId ?? (await uploadFile(summaryTs));
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
    if (error instanceof Stopped) {
      const { failure, recordError } = error;
      return {
        ok: false,
        failure,
        step,
        posted,
        unrecorded,
        ...(recordError === undefined ? {} : { recordError }),
      };
    }
    if (isSlackCallError(error)) {
      return { ok: false, failure: error.failure, step, posted, unrecorded };
    }
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
