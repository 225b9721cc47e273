import type { WebClient } from '@slack/web-api';
import type { Plan } from '../../domain/plan.js';
import type { Template } from '../../domain/template.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import type { AppLogger } from '../../logging/logger.js';
import { buildPublishedPost } from '../../slack/ui/publish/publishedPost.js';
import type { PublishFailureReason } from '../../slack/ui/publish/publishTexts.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftStore } from '../../store/draftStore.js';
import type { PublishedPost, PublishedStore } from '../../store/publishedStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { type WorkspaceKey, workspaceKey } from '../../store/workspaceKey.js';
import { checkChannelAccess, isNotInChannelError } from './channelAccess.js';
import { deletePosted, type PostFailure, postPlan } from './planPoster.js';
import { previousPostedVersion } from './previousPost.js';
import { checkPublish, type PublishCheck } from './publishCheck.js';
import { publishIdempotencyKey } from './publishKey.js';
import { DEFAULT_RETRY_POLICY, isSlackCallError, type RetryPolicy } from './slackRetry.js';

export interface PublishPolicy {
  retry: RetryPolicy;
  /** Pause between two messages of one publish in its channel. */
  spacingMs: number;
  /** How long a publish lease lasts without renewal (a dead replica's lease then expires). */
  leaseMs: number;
  /** Renew the lease when this much time passed since the last renewal. */
  renewEveryMs: number;
}

export const DEFAULT_PUBLISH_POLICY: PublishPolicy = {
  retry: DEFAULT_RETRY_POLICY,
  spacingMs: 200,
  leaseMs: 120_000,
  renewEveryMs: 20_000,
};

export interface PublishServiceDeps {
  drafts: DraftStore<Plan>;
  published: PublishedStore<Plan>;
  templates: TemplateRegistry;
  /** Must not retry by itself (retries 0, rejectRateLimitedCalls): the service decides. */
  client: WebClient;
  replicaId: string;
  logger: AppLogger;
  now?: () => Date;
  policy?: Partial<PublishPolicy>;
  /**
   * Told once a version is published (e.g. the scheduler syncs the plan's reminder and
   * check-in schedules). A failure here is logged: the publish itself has succeeded.
   */
  onPublished?: (event: PublishedEvent) => Promise<void>;
}

export interface PublishedEvent {
  ws: WorkspaceKey;
  planId: string;
  version: number;
  plan: Plan;
  template: Template;
}

interface Titled {
  title: string;
}

export type PublishOutcome =
  | Exclude<PublishCheck, { kind: 'ready' }>
  /** The draft was saved again after the user confirmed the warnings. */
  | { kind: 'changed' }
  | ({ kind: 'published'; version: number; post: PublishedPost } & Titled)
  /** This request (or an identical one) already published: nothing new was posted. */
  | ({ kind: 'already_published'; version: number; post: PublishedPost } & Titled)
  | ({ kind: 'in_progress' } & Titled)
  | { kind: 'not_in_channel'; channel: string }
  | { kind: 'archived'; channel: string }
  | ({
      kind: 'failed';
      channel: string;
      reason: PublishFailureReason;
      detail?: string;
      /** Messages that could not be deleted (the user is asked to). */
      leftovers: number;
      /** A post's answer was lost: that message may exist without its thread. */
      unknownMessage: boolean;
    } & Titled);

export interface PublishRequest {
  /** Overrides the plan's channel. */
  channel?: string;
  /** The draft version whose warnings the user confirmed; omit when nothing was confirmed. */
  confirmedVersion?: number;
  /** Identifies this request in the lease (logs, "in progress by"). */
  requestId: string;
}

/**
 * Publishing, exactly once per request: review → idempotency lease → freeze vN → post summary,
 * thread and file → record the post → done. Anything that fails after the first post is deleted
 * again and the lease released, so the user can simply retry.
 */
export function createPublishService(deps: PublishServiceDeps) {
  const policy: PublishPolicy = { ...DEFAULT_PUBLISH_POLICY, ...deps.policy };
  const now = () => (deps.now ? deps.now() : new Date());
  const { client, published, logger } = deps;

  async function check(identity: WorkspaceIdentity, planId: string, channel?: string) {
    return checkPublish(deps, identity, planId, {
      now: now(),
      ...(channel ? { channel } : {}),
    });
  }

  async function publish(
    identity: WorkspaceIdentity,
    planId: string,
    request: PublishRequest,
  ): Promise<PublishOutcome> {
    const checked = await check(identity, planId, request.channel);
    if (checked.kind !== 'ready' && checked.kind !== 'needs_confirmation') return checked;
    const { record, channel } = checked;
    if (request.confirmedVersion !== undefined && request.confirmedVersion !== record.version)
      return { kind: 'changed' };
    if (checked.kind === 'needs_confirmation' && request.confirmedVersion === undefined)
      return checked;

    const ws = workspaceKey(identity);
    const key = publishIdempotencyKey(record, channel);
    const lease = { ttlMs: policy.leaseMs, owner: `${deps.replicaId}:${request.requestId}` };
    const title = record.title;
    const begun = await withStorage(() => published.beginPublish(ws, record.id, key, lease));
    if (begun.state === 'done')
      return { kind: 'already_published', title, version: begun.version, post: begun.post };
    if (begun.state === 'in_progress') return { kind: 'in_progress', title };
    if (begun.takenOverFrom) {
      logger.log('warn', 'publish lease taken over', {
        planId: record.id,
        from: begun.takenOverFrom,
        frozenVersion: begun.frozenVersion,
      });
    }
    const release = async () => {
      try {
        await published.abandonPublish(ws, record.id, key, { owner: lease.owner });
      } catch (error) {
        // The lease then simply expires; a retry waits at most `leaseMs`.
        logger.log('warn', 'could not release a publish lease', {
          planId: record.id,
          err: String(error),
        });
      }
    };

    try {
      return await run({ ws, identity, checked, key, lease, release });
    } catch (error) {
      await release();
      throw error;
    }
  }

  async function run(args: {
    ws: WorkspaceKey;
    identity: WorkspaceIdentity;
    checked: Extract<PublishCheck, { kind: 'ready' | 'needs_confirmation' }>;
    key: string;
    lease: { ttlMs: number; owner: string };
    release(): Promise<void>;
  }): Promise<PublishOutcome> {
    const { ws, identity, key, lease, release } = args;
    const { record, template, review, channel } = args.checked;
    const title = record.title;

    let access: Awaited<ReturnType<typeof checkChannelAccess>>;
    try {
      access = await checkChannelAccess(client, channel, policy.retry);
    } catch (error) {
      if (!isSlackCallError(error)) throw error;
      await release();
      return failed(title, channel, error.failure, 0, false);
    }
    if (access !== 'ok') {
      await release();
      return { kind: access, channel };
    }

    const publishedAt = now();
    const frozen = await withStorage(() =>
      published.freeze(ws, record.id, {
        doc: record.doc,
        title,
        ownerId: record.ownerId,
        editorIds: record.editorIds,
        publishedBy: identity.userId,
        publishedAt,
        reviewSummary: review.summary,
        idempotencyKey: key,
      }),
    );
    if (!frozen.created) {
      // An earlier attempt with this key froze the version; if it also recorded its post before
      // dying (between attachPost and completePublish), that post is the publish: finish it.
      const earlier = await withStorage(() => published.get(ws, record.id, frozen.version));
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
      publishedBy: identity.userId,
      publishedAt,
      ...(previous ? { previous } : {}),
    });

    let renewedAt = Date.now();
    const keepGoing = async () => {
      if (Date.now() - renewedAt < policy.renewEveryMs) return true;
      renewedAt = Date.now();
      return published.renewPublishLease(ws, record.id, key, lease);
    };
    const result = await postPlan(
      client,
      { channel, ...content },
      {
        retry: policy.retry,
        spacingMs: policy.spacingMs,
        keepGoing,
      },
    );

    if (!result.ok) {
      const left = await deletePosted(client, channel, result.posted, policy.retry);
      await release();
      logger.log('warn', 'publish failed and was cleaned up', {
        planId: record.id,
        version: frozen.version,
        step: result.step,
        failure: result.failure.kind,
        posted: result.posted.length,
        leftovers: left.length,
      });
      const { failure } = result;
      if (
        failure.kind === 'refused' &&
        isNotInChannelError(failure.error) &&
        result.step === 'summary'
      )
        return { kind: 'not_in_channel', channel };
      return failed(title, channel, failure, left.length, failure.kind === 'unknown_outcome');
    }

    try {
      await withStorage(() => published.attachPost(ws, record.id, frozen.version, result.post));
      const done = await withStorage(() =>
        published.completePublish(ws, record.id, key, {
          version: frozen.version,
          post: result.post,
        }),
      );
      logger.log('info', 'plan published', { planId: record.id, version: done.version });
      await notifyPublished({
        ws,
        planId: record.id,
        version: done.version,
        plan: record.doc,
        template,
      });
      return { kind: 'published', title, version: done.version, post: done.post };
    } catch (error) {
      // Not recorded means a retry would post again: take this post back rather than leave a twin.
      const { summaryTs, sectionTs } = result.post;
      await deletePosted(client, channel, [summaryTs, ...sectionTs], policy.retry);
      throw error;
    }
  }

  async function notifyPublished(event: PublishedEvent): Promise<void> {
    try {
      await deps.onPublished?.(event);
    } catch (error) {
      logger.log('error', 'after-publish step failed', {
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

  return { check, publish };
}

export type PublishService = ReturnType<typeof createPublishService>;
