import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import {
  type BeginPublishOptions,
  type BeginPublishResult,
  DEFAULT_PUBLISH_RECORD_TTL_MS,
  type FreezeInput,
  type FreezeResult,
  type PublishedPlanSummary,
  type PublishedPost,
  type PublishedStore,
  type PublishedVersion,
  type PublishedVersionInfo,
  type PublishStep,
} from '../publishedStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import type { PublishedContext } from './publishedContext.js';
import { registerPublishedScripts } from './publishedScripts.js';
import {
  attachPost,
  freezeVersion,
  getVersion,
  latestVersion,
  listPublishedForUser,
  listVersions,
} from './publishedVersions.js';
import {
  abandonPublish,
  beginPublish,
  completePublish,
  recordPublishStep,
  renewPublishLease,
} from './publishIdempotency.js';

export interface RedisPublishedStoreOptions {
  /** Source of "now" for leases; tests pass a controllable clock. */
  clock?: () => Date;
  /** How long a publish's idempotency record is kept (default 7 days). */
  publishRecordTtlMs?: number;
}

/**
 * Published plans on Redis (standalone, Sentinel or Cluster: every key of a workspace shares the
 * drafts' hash slot). Key layout: ./publishedKeys.ts and ../README.md.
 */
export class RedisPublishedStore<T> implements PublishedStore<T> {
  private readonly ctx: PublishedContext<T>;

  constructor(
    redis: Redis | Cluster,
    docSchema: z.ZodType<T>,
    options: RedisPublishedStoreOptions = {},
  ) {
    const recordTtlMs = options.publishRecordTtlMs ?? DEFAULT_PUBLISH_RECORD_TTL_MS;
    if (!Number.isSafeInteger(recordTtlMs) || recordTtlMs < 1) {
      throw new RangeError('publishRecordTtlMs must be a positive whole number');
    }
    this.ctx = {
      redis,
      docSchema,
      scripts: registerPublishedScripts(redis),
      clock: options.clock ?? (() => new Date()),
      recordTtlMs,
    };
  }

  freeze(ws: WorkspaceKey, planId: string, input: FreezeInput<T>): Promise<FreezeResult> {
    return freezeVersion(this.ctx, ws, planId, input);
  }

  attachPost(
    ws: WorkspaceKey,
    planId: string,
    version: number,
    post: PublishedPost,
  ): Promise<void> {
    return attachPost(this.ctx, ws, planId, version, post);
  }

  latest(ws: WorkspaceKey, planId: string): Promise<PublishedVersion<T> | null> {
    return latestVersion(this.ctx, ws, planId);
  }

  get(ws: WorkspaceKey, planId: string, version: number): Promise<PublishedVersion<T> | null> {
    return getVersion(this.ctx, ws, planId, version);
  }

  list(ws: WorkspaceKey, planId: string): Promise<PublishedVersionInfo[]> {
    return listVersions(this.ctx, ws, planId);
  }

  listPublishedForUser(ws: WorkspaceKey, userId: string): Promise<PublishedPlanSummary[]> {
    return listPublishedForUser(this.ctx, ws, userId);
  }

  beginPublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
  ): Promise<BeginPublishResult> {
    return beginPublish(this.ctx, ws, planId, idempotencyKey, options);
  }

  renewPublishLease(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
  ): Promise<boolean> {
    return renewPublishLease(this.ctx, ws, planId, idempotencyKey, options);
  }

  recordPublishStep(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
    step: PublishStep,
  ): Promise<boolean> {
    return recordPublishStep(this.ctx, ws, planId, idempotencyKey, options, step);
  }

  completePublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    result: { version: number; post: PublishedPost },
  ): Promise<{ version: number; post: PublishedPost }> {
    return completePublish(this.ctx, ws, planId, idempotencyKey, result);
  }

  abandonPublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: { owner: string },
  ): Promise<boolean> {
    return abandonPublish(this.ctx, ws, planId, idempotencyKey, options.owner);
  }
}
