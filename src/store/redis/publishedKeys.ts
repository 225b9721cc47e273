import { createHash } from 'node:crypto';
import type { WorkspaceKey } from '../workspaceKey.js';
import { workspacePrefix } from './draftKeys.js';

/**
 * Redis key layout of the published store (see also src/store/README.md). Same workspace hash tag as
 * the drafts, so every key of a workspace is in one Cluster slot and a script may touch drafts and
 * published plans together. No key here has a TTL except the idempotency records.
 *
 *   opsplan:{<ws>}:plan:<id>               HASH  head: latest, title, ownerId, editorIds (JSON),
 *                                                publishedAt, publishedBy — of the latest version
 *   opsplan:{<ws>}:plan:<id>:docs          HASH  <version> → frozen version (deflatedJson) {doc, title, ownerId,
 *                                                editorIds, publishedBy, publishedAt, reviewSummary};
 *                                                written with HSETNX only, never rewritten or deleted
 *   opsplan:{<ws>}:plan:<id>:meta          HASH  <version> → {title, publishedAt, publishedBy} (list)
 *   opsplan:{<ws>}:plan:<id>:posts         HASH  <version> → post JSON, written once (attachPost)
 *   opsplan:{<ws>}:plan:<id>:freezes       HASH  <sha1(idempotency key)> → version it froze
 *   opsplan:{<ws>}:plan:<id>:publish:<h>   HASH  idempotency record of one publish request
 *                                                (h = sha1 of its key): state, owner, leaseUntil,
 *                                                startedAt, the attempt's progress while in
 *                                                progress (summaryTs, replyTs space-separated,
 *                                                fileId), version and post once done; TTL 7 days
 *   opsplan:{<ws>}:published:access        ZSET  "<userId>:<planId>", score 0, for the owner and
 *                                                editors of each plan's latest version
 */

export interface PublishedPlanKeys {
  head: string;
  docs: string;
  meta: string;
  posts: string;
  freezes: string;
  access: string;
}

export function publishedAccessKey(ws: WorkspaceKey): string {
  return `${workspacePrefix(ws)}published:access`;
}

export function publishedPlanKeys(ws: WorkspaceKey, planId: string): PublishedPlanKeys {
  const head = `${workspacePrefix(ws)}plan:${planId}`;
  return {
    head,
    docs: `${head}:docs`,
    meta: `${head}:meta`,
    posts: `${head}:posts`,
    freezes: `${head}:freezes`,
    access: publishedAccessKey(ws),
  };
}

/** Fixed-length and separator-free whatever the caller's key contains. */
export function idempotencyKeyHash(idempotencyKey: string): string {
  return createHash('sha1').update(idempotencyKey).digest('hex');
}

export function publishRecordKey(ws: WorkspaceKey, planId: string, idempotencyKey: string): string {
  return `${publishedPlanKeys(ws, planId).head}:publish:${idempotencyKeyHash(idempotencyKey)}`;
}
