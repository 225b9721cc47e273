import type { ReviewSummary } from '../domain/review/types.js';
import type { WorkspaceKey } from './workspaceKey.js';

/**
 * Published plans: every publish freezes an immutable version (v1, v2, …) of the document, records
 * where it was posted, and makes the publish itself happen exactly once. Generic over the document
 * like `DraftStore` (the app stores `Plan`). Every implementation must pass
 * test/store/publishedStore/publishedStoreContract.ts.
 *
 * Immutability is structural: the interface has no operation that changes or removes a frozen
 * version, and published data never expires. Authorization is the caller's job, as for drafts.
 *
 * Key layout (Redis): see ./redis/publishedKeys.ts and ./README.md. Every key lives in the same
 * workspace hash slot as the drafts (`opsplan:{<ws>}:…`), so one Lua script may touch both.
 *
 * How a publish uses it (one idempotency key per publish request, e.g. derived from the view id):
 *   1. `beginPublish` — `done`: answer with the recorded post; `in_progress`: tell the user it is
 *      under way; `acquired`: this replica does the work (renew the lease while posting).
 *   2. `freeze` with the same `idempotencyKey` — a replica taking over an expired lease gets the
 *      version the first attempt froze (`created: false`) instead of a second one.
 *   3. Post, recording each message with `recordPublishStep` as soon as Slack accepted it (and clean
 *      up on failure, then `abandonPublish`), `attachPost` once the post is whole, `completePublish`.
 *      A replica taking over gets the dead attempt's recorded `progress` and continues from it; one
 *      whose `frozenVersion` already has a post (see `get`) finds the earlier attempt finished
 *      posting: it only calls `completePublish`.
 */

export interface PublishedPost {
  channel: string;
  /** ts of the summary message in the channel. */
  summaryTs: string;
  /** ts the section replies are threaded under (usually the summary's). */
  threadTs: string;
  /** ts of each threaded reply, in order. */
  sectionTs: string[];
  /** The Markdown file attached to the thread. */
  fileId?: string;
  /** Permalink of the summary message (the next version's "what changed" links to it). */
  permalink?: string;
}

export interface FreezeInput<T> {
  doc: T;
  title: string;
  ownerId: string;
  /** Editors other than the owner (the owner is dropped from the list if present). */
  editorIds: string[];
  publishedBy: string;
  publishedAt: Date;
  reviewSummary: ReviewSummary;
  /**
   * Makes the freeze idempotent: a second freeze with the same key returns the version the first
   * one created. Pass the publish request's idempotency key. Default: a fresh key per call (which
   * still protects against a client library resending the same command after a reconnect).
   */
  idempotencyKey?: string;
}

export interface FreezeResult {
  version: number;
  /** False when this idempotency key had already frozen `version` (nothing new was written). */
  created: boolean;
}

export interface PublishedVersion<T> {
  planId: string;
  version: number;
  doc: T;
  title: string;
  ownerId: string;
  editorIds: string[];
  publishedBy: string;
  publishedAt: Date;
  reviewSummary: ReviewSummary;
  /** Where it was posted; absent until `attachPost`. */
  post?: PublishedPost;
}

export interface PublishedVersionInfo {
  version: number;
  title: string;
  publishedAt: Date;
  publishedBy: string;
  posted: boolean;
  post?: PublishedPost;
}

export interface PublishedPlanSummary {
  planId: string;
  title: string;
  latestVersion: number;
  ownerId: string;
  editorIds: string[];
  publishedAt: Date;
  publishedBy: string;
  /** Whether the latest version has its post recorded. */
  posted: boolean;
}

/** What an attempt had posted, in posting order, as it recorded it step by step under its lease. */
export interface PublishProgress {
  summaryTs: string;
  /** The thread replies under the summary, in order. */
  replyTs: string[];
  fileId?: string;
}

/** One message (or the file) a publish attempt has just seen Slack accept. */
export type PublishStep =
  /** Starts the attempt's post: replies and file recorded before it are forgotten. */
  | { kind: 'summary'; ts: string }
  /** Appended after the replies already recorded. */
  | { kind: 'reply'; ts: string }
  | { kind: 'file'; fileId: string };

export type BeginPublishResult =
  /**
   * This caller holds the lease. `takenOverFrom`: a previous attempt's lease expired (that replica
   * died or hung); `progress`: what it recorded as posted before it stopped — continue from it (or
   * take it back). `frozenVersion`: the version that attempt already froze with this key (freeze
   * again with the key to get it back).
   */
  | {
      state: 'acquired';
      takenOverFrom?: string;
      frozenVersion?: number;
      progress?: PublishProgress;
    }
  /** Someone else holds a live lease: do not publish; tell the user it is under way. */
  | { state: 'in_progress'; by: string; leaseExpiresAt: Date }
  /** Published already: answer with this result, post nothing. */
  | { state: 'done'; version: number; post: PublishedPost };

export interface BeginPublishOptions {
  /** How long the lease lasts without renewal. */
  ttlMs: number;
  /** Who holds it (replica id + request); shown to others as `by`. */
  owner: string;
}

/** How long an idempotency record outlives its publish, so a late Slack retry still gets `done`. */
export const DEFAULT_PUBLISH_RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface PublishedStore<T> {
  /** Appends the next version atomically; never overwrites an existing one. */
  freeze(ws: WorkspaceKey, planId: string, input: FreezeInput<T>): Promise<FreezeResult>;
  /**
   * Records where a version was posted. Once per version: the same post again is a no-op, a
   * different one raises `PublishedStoreError('already_posted')`; an unknown version raises
   * `PublishedStoreError('version_not_found')`.
   */
  attachPost(ws: WorkspaceKey, planId: string, version: number, post: PublishedPost): Promise<void>;
  latest(ws: WorkspaceKey, planId: string): Promise<PublishedVersion<T> | null>;
  get(ws: WorkspaceKey, planId: string, version: number): Promise<PublishedVersion<T> | null>;
  /** Every version, newest first; empty when the plan was never published. */
  list(ws: WorkspaceKey, planId: string): Promise<PublishedVersionInfo[]>;
  /** Plans whose latest version the user owns or edits, most recently published first. */
  listPublishedForUser(ws: WorkspaceKey, userId: string): Promise<PublishedPlanSummary[]>;

  beginPublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
  ): Promise<BeginPublishResult>;
  /** Extends the caller's lease; false when it no longer holds it (taken over, done or released). */
  renewPublishLease(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
  ): Promise<boolean>;
  /**
   * Records one step the caller posted and extends its lease as `renewPublishLease` does, so an
   * attempt taking over after this one dies knows what is already in the channel. Atomic and
   * guarded by the lease: false, and nothing written, when the caller no longer holds it.
   */
  recordPublishStep(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: BeginPublishOptions,
    step: PublishStep,
  ): Promise<boolean>;
  /**
   * Marks the publish done. Returns the recorded outcome: if another attempt completed first, its
   * version and post (the first completion wins, later ones change nothing).
   */
  completePublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    result: { version: number; post: PublishedPost },
  ): Promise<{ version: number; post: PublishedPost }>;
  /**
   * Releases the caller's lease after a failed attempt was cleaned up, so a retry may start over at
   * once. False when the caller does not hold it.
   */
  abandonPublish(
    ws: WorkspaceKey,
    planId: string,
    idempotencyKey: string,
    options: { owner: string },
  ): Promise<boolean>;
}

export type PublishedStoreErrorCode =
  /** `attachPost` with a post different from the one already recorded for the version. */
  | 'already_posted'
  /** `attachPost` for a version that was never frozen. */
  | 'version_not_found';

/**
 * Refusals specific to published plans. Corrupt data and invalid input raise the shared
 * `StoreError` (`corrupt_record`, `invalid_input`) like every store.
 */
export class PublishedStoreError extends Error {
  override readonly name = 'PublishedStoreError';

  constructor(
    readonly code: PublishedStoreErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isPublishedStoreError(
  error: unknown,
  code?: PublishedStoreErrorCode,
): error is PublishedStoreError {
  return error instanceof PublishedStoreError && (code === undefined || error.code === code);
}
