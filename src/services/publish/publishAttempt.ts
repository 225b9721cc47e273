import { buildPublishedPost } from '../../slack/ui/publish/publishedPost.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import { isPublishedStoreError, type PublishProgress } from '../../store/publishedStore.js';
import {
  isStorageUnavailable,
  StorageUnavailableError,
  withStorage,
} from '../../store/storageUnavailable.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import { checkChannelAccess, isNotInChannelError } from './channelAccess.js';
import type { LeaseKeeper } from './leaseKeeper.js';
import { deletePosted, type PostFailure, type PostResult, postPlan } from './planPoster.js';
import { previousPostedVersion } from './previousPost.js';
import type { PublishCheck } from './publishCheck.js';
import type {
  PublishedEvent,
  PublishOutcome,
  PublishPolicy,
  PublishServiceDeps,
} from './publishService.js';
import { isSlackCallError } from './slackRetry.js';
import { takeoverStart } from './takeover.js';

/**
 * One publish attempt once it holds the lease: channel check → freeze vN → (after a takeover) where
 * to start → post and record each step → record the post → done; or take back what it posted.
 */

export interface AttemptContext {
  deps: PublishServiceDeps;
  policy: PublishPolicy;
  now: () => Date;
}

export interface PublishAttempt {
  ws: WorkspaceKey;
  identity: WorkspaceIdentity;
  checked: Extract<PublishCheck, { kind: 'ready' | 'needs_confirmation' }>;
  key: string;
  lease: { ttlMs: number; owner: string };
  keeper: LeaseKeeper;
  release(): Promise<void>;
  /** What a dead attempt had recorded as posted when this one took over. */
  adopted?: PublishProgress;
  /** The publish record lists messages that are (as far as this attempt knows) in the channel. */
  progressRecorded: boolean;
}

/** Deletes messages of this publish that are in the channel, then releases the lease. */
async function takeBack(
  ctx: AttemptContext,
  attempt: PublishAttempt,
  channel: string,
  posted: readonly string[],
) {
  const left = await deletePosted(ctx.deps.client, channel, posted, ctx.policy.retry);
  attempt.progressRecorded = false;
  await attempt.release();
  return left;
}

export async function runPublishAttempt(
  ctx: AttemptContext,
  attempt: PublishAttempt,
): Promise<PublishOutcome> {
  const { deps, policy, now } = ctx;
  const { client, published, logger } = deps;
  const { ws, identity, key, lease, keeper, adopted } = attempt;
  const { record, template, review, channel } = attempt.checked;
  const title = record.title;
  const adoptedTs = adopted ? [adopted.summaryTs, ...adopted.replyTs] : [];

  let access: Awaited<ReturnType<typeof checkChannelAccess>>;
  try {
    access = await checkChannelAccess(client, channel, policy.retry);
  } catch (error) {
    if (!isSlackCallError(error)) throw error;
    const left = await takeBack(ctx, attempt, channel, adoptedTs);
    return failed(title, channel, error.failure, left.length, false);
  }
  if (access !== 'ok') {
    const left = await takeBack(ctx, attempt, channel, adoptedTs);
    if (left.length > 0) {
      logger.log('warn', 'a dead attempt’s messages could not be removed', {
        planId: record.id,
        leftovers: left.length,
      });
    }
    return { kind: access, channel };
  }

  const attemptAt = now();
  const frozen = await withStorage(() =>
    published.freeze(ws, record.id, {
      doc: record.doc,
      title,
      ownerId: record.ownerId,
      editorIds: record.editorIds,
      publishedBy: identity.userId,
      publishedAt: attemptAt,
      reviewSummary: review.summary,
      idempotencyKey: key,
    }),
  );
  // The post says who published and when as the version records it: an attempt finishing what an
  // earlier one began continues a summary that already says so.
  let by = identity.userId;
  let publishedAt = attemptAt;
  if (!frozen.created) {
    const earlier = await withStorage(() => published.get(ws, record.id, frozen.version));
    // If the earlier attempt also recorded its whole post before dying (between attachPost and
    // completePublish), that post is the publish: finish it.
    const recorded = earlier?.post;
    if (recorded) {
      const done = await withStorage(() =>
        published.completePublish(ws, record.id, key, {
          version: frozen.version,
          post: recorded,
        }),
      );
      return { kind: 'already_published', title, version: done.version, post: done.post };
    }
    if (earlier) {
      by = earlier.publishedBy;
      publishedAt = earlier.publishedAt;
    }
  }
  const previous = await withStorage(() =>
    previousPostedVersion(published, ws, record.id, frozen.version),
  );
  const content = buildPublishedPost({
    planId: record.id,
    plan: record.doc,
    template,
    review,
    version: frozen.version,
    publishedBy: by,
    publishedAt,
    ...(previous ? { previous } : {}),
  });

  const start = adopted
    ? await takeoverResume(ctx, attempt, adopted, content.replies.length, frozen.version)
    : {};
  if ('outcome' in start) return start.outcome;
  const { resume } = start;

  const result = await postPlan(
    client,
    { channel, ...content },
    {
      retry: policy.retry,
      spacingMs: policy.spacingMs,
      keepGoing: async () => {
        const state = keeper.state();
        if (state === 'storage_unavailable') throw new Error('publish lease not renewed');
        return state === 'held';
      },
      record: async (step) => {
        const kept = await published.recordPublishStep(ws, record.id, key, lease, step);
        if (kept) {
          keeper.confirmed();
          attempt.progressRecorded = true;
        } else keeper.lost();
        return kept;
      },
      ...(resume ? { resume } : {}),
    },
  );

  if (!result.ok) return afterStoppedPost(ctx, attempt, result, frozen.version);

  try {
    await withStorage(() => published.attachPost(ws, record.id, frozen.version, result.post));
  } catch (error) {
    if (isPublishedStoreError(error, 'already_posted')) {
      // An attempt that took over while this one stalled recorded the version's post first; it
      // continued under the same messages, so they stay.
      const theirs = await withStorage(() => published.get(ws, record.id, frozen.version));
      if (theirs?.post) {
        return { kind: 'already_published', title, version: frozen.version, post: theirs.post };
      }
    }
    // The version would say it was never posted: take the post back so channel and store agree.
    const { summaryTs, sectionTs } = result.post;
    await takeBack(ctx, attempt, channel, [summaryTs, ...sectionTs]);
    throw error;
  }
  // The version has its post now: if completing fails, the next attempt with this key finishes
  // it from there (see above), so nothing is taken back.
  attempt.progressRecorded = false;
  const done = await withStorage(() =>
    published.completePublish(ws, record.id, key, {
      version: frozen.version,
      post: result.post,
    }),
  );
  logger.log('info', 'plan published', { planId: record.id, version: done.version });
  await notifyPublished(deps, {
    ws,
    planId: record.id,
    version: done.version,
    plan: record.doc,
    template,
  });
  return { kind: 'published', title, version: done.version, post: done.post };
}

/**
 * Where an attempt that took over starts (see ./takeover.ts): under the dead attempt's summary, or
 * afresh. If Slack cannot tell, what was recorded is taken back and the attempt fails.
 */
async function takeoverResume(
  ctx: AttemptContext,
  attempt: PublishAttempt,
  adopted: PublishProgress,
  replyCount: number,
  version: number,
): Promise<{ resume?: PublishProgress } | { outcome: PublishOutcome }> {
  const { client, logger } = ctx.deps;
  const { record, channel } = attempt.checked;
  try {
    const start = await takeoverStart(client, channel, adopted, replyCount, ctx.policy.retry);
    logger.log('info', 'publish takeover', {
      planId: record.id,
      version,
      start: start.kind,
      ...(start.kind === 'restart' ? { leftovers: start.leftovers.length } : {}),
    });
    return start.kind === 'continue' ? { resume: start.resume } : {};
  } catch (error) {
    if (!isSlackCallError(error)) throw error;
    const recorded = [adopted.summaryTs, ...adopted.replyTs];
    const left = await takeBack(ctx, attempt, channel, recorded);
    return { outcome: failed(record.title, channel, error.failure, left.length, false) };
  }
}

/** A post that stopped part-way: take back what is this attempt's to take back, say what happened. */
async function afterStoppedPost(
  ctx: AttemptContext,
  attempt: PublishAttempt,
  result: Extract<PostResult, { ok: false }>,
  version: number,
): Promise<PublishOutcome> {
  const { client, logger } = ctx.deps;
  const { record, channel } = attempt.checked;
  const title = record.title;
  if (result.failure.kind === 'lease_lost') {
    // The attempt that took over owns every recorded message and may be threading under them:
    // only what this one posted without recording it is taken back.
    const left = await deletePosted(client, channel, result.unrecorded, ctx.policy.retry);
    attempt.progressRecorded = false;
    logger.log('warn', 'publish lease lost to another attempt', {
      planId: record.id,
      version,
      step: result.step,
      unrecorded: result.unrecorded.length,
      leftovers: left.length,
    });
    // The other attempt is finishing it; a message of this one that stayed must be named.
    if (left.length === 0) return { kind: 'in_progress', title };
    return failed(title, channel, result.failure, left.length, false);
  }
  const left = await takeBack(ctx, attempt, channel, result.posted);
  logger.log('warn', 'publish failed and was cleaned up', {
    planId: record.id,
    version,
    step: result.step,
    failure: result.failure.kind,
    posted: result.posted.length,
    leftovers: left.length,
  });
  const { failure, recordError } = result;
  // A step that could not be recorded is a storage failure like any other: the storage message.
  if (recordError !== undefined) {
    throw isStorageUnavailable(recordError)
      ? new StorageUnavailableError(recordError)
      : recordError;
  }
  if (failure.kind === 'refused' && isNotInChannelError(failure.error) && result.step === 'summary')
    return { kind: 'not_in_channel', channel };
  return failed(title, channel, failure, left.length, failure.kind === 'unknown_outcome');
}

async function notifyPublished(deps: PublishServiceDeps, event: PublishedEvent): Promise<void> {
  try {
    await deps.onPublished?.(event);
  } catch (error) {
    deps.logger.log('error', 'after-publish step failed', {
      planId: event.planId,
      version: event.version,
      err: error instanceof Error ? error.message : String(error),
    });
  }
}

function failed(
  title: string,
  channel: string,
  failure: PostFailure,
  leftovers: number,
  unknownMessage: boolean,
): PublishOutcome {
  return {
    kind: 'failed',
    title,
    channel,
    reason: failure.kind,
    ...(failure.kind === 'refused' ? { detail: failure.error } : {}),
    leftovers,
    unknownMessage,
  };
}
