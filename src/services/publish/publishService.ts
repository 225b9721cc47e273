import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Plan } from '../../domain/plan.js';
import type { Template } from '../../domain/template.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import type { AppLogger } from '../../logging/logger.js';
import type { PublishFailureReason } from '../../slack/ui/publish/publishTexts.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftStore } from '../../store/draftStore.js';
import type { PublishedPost, PublishedStore } from '../../store/publishedStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { type WorkspaceKey, workspaceKey } from '../../store/workspaceKey.js';
import { keepLease } from './leaseKeeper.js';
import { type PublishAttempt, runPublishAttempt } from './publishAttempt.js';
import { checkPublish, type PublishCheck } from './publishCheck.js';
import { publishIdempotencyKey } from './publishKey.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './slackRetry.js';

export interface PublishPolicy {
  retry: RetryPolicy;
  /** Pause between two messages of one publish in its channel. */
  spacingMs: number;
  /** How long a publish lease lasts without renewal (a dead replica's lease then expires). */
  leaseMs: number;
  /** How often the holder renews its lease while it runs (less than `leaseMs`). */
  renewEveryMs: number;
}

/**
 * A publish lease is what a retry waits for after a replica died mid-publish (it then takes over and
 * finishes the post), so it is short. It stays safe for a live replica because the holder renews it
 * on a timer every third of it, whatever it is waiting for (a 30 s Retry-After, a slow upload), and
 * survives one failed renewal; each recorded step extends it too. Replicas' clocks must agree to
 * well within it (they compare lease ends written with their own clocks).
 */
export const PUBLISH_LEASE_MS = 15_000;
export const PUBLISH_LEASE_RENEW_EVERY_MS = PUBLISH_LEASE_MS / 3;

export const DEFAULT_PUBLISH_POLICY: PublishPolicy = {
  retry: DEFAULT_RETRY_POLICY,
  spacingMs: 200,
  leaseMs: PUBLISH_LEASE_MS,
  renewEveryMs: PUBLISH_LEASE_RENEW_EVERY_MS,
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
 * thread and file, recording each message under the lease → record the post → done. Anything that
 * fails after the first post is deleted again and the lease released, so the user can simply retry.
 * An attempt that takes over from a dead one continues its post (see ./takeover.ts).
 */
export function createPublishService(deps: PublishServiceDeps) {
  const policy: PublishPolicy = { ...DEFAULT_PUBLISH_POLICY, ...deps.policy };
  if (!(policy.renewEveryMs > 0 && policy.renewEveryMs < policy.leaseMs)) {
    throw new RangeError('publish policy: renewEveryMs must be above 0 and below leaseMs');
  }
  const now = () => (deps.now ? deps.now() : new Date());
  const { published, logger } = deps;

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
    // The owner is this attempt's lease token: unique even if the same request runs twice here.
    const owner = `${deps.replicaId}:${request.requestId}:${randomUUID().slice(0, 8)}`;
    const lease = { ttlMs: policy.leaseMs, owner };
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
        recordedMessages: begun.progress ? 1 + begun.progress.replyTs.length : 0,
        recordedFile: begun.progress?.fileId !== undefined,
      });
    }
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      try {
        await published.abandonPublish(ws, record.id, key, { owner });
      } catch (error) {
        // The lease then simply expires; a retry waits at most `leaseMs`.
        logger.log('warn', 'could not release a publish lease', {
          planId: record.id,
          err: String(error),
        });
      }
    };
    const keeper = keepLease({
      renew: () => published.renewPublishLease(ws, record.id, key, lease),
      leaseMs: policy.leaseMs,
      renewEveryMs: policy.renewEveryMs,
      onStorageFailure: (error) =>
        logger.log('warn', 'publish lease could not be renewed', {
          planId: record.id,
          err: String(error),
        }),
    });
    const attempt: PublishAttempt = {
      ws,
      identity,
      checked,
      key,
      lease,
      keeper,
      release,
      ...(begun.progress ? { adopted: begun.progress } : {}),
      progressRecorded: begun.progress !== undefined,
    };

    try {
      return await runPublishAttempt({ deps, policy, now }, attempt);
    } catch (error) {
      // Recorded messages not taken back stay for the next attempt, which continues from them
      // once this lease expires; releasing now would forget them and leave them half-posted.
      if (!attempt.progressRecorded) await release();
      throw error;
    } finally {
      keeper.stop();
    }
  }

  return { check, publish };
}

export type PublishService = ReturnType<typeof createPublishService>;
