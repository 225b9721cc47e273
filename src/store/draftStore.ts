import type { WorkspaceKey } from './workspaceKey.js';

/**
 * Storage of plan drafts, generic over the document so the store never depends on the plan schema.
 * Every implementation must pass test/store/draftStoreContract.ts.
 *
 * Authorization is NOT the store's job: callers check that the acting user is the owner or an editor
 * before calling a mutating operation. The store does guarantee that nothing crosses workspaces and
 * that concurrent writers never overwrite each other (compare-and-set on `version`).
 */
export interface DraftRecord<T> {
  /** 8 characters of Crockford base32, unique within the workspace. */
  id: string;
  /** 1 on create, +1 on every save (restore included). */
  version: number;
  doc: T;
  title: string;
  ownerId: string;
  /** Editors other than the owner; never contains the owner. */
  editorIds: string[];
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
  status: 'draft';
}

export interface CreateDraftInput<T> {
  doc: T;
  title: string;
  ownerId: string;
  editorIds: string[];
  /** The user performing the action (recorded in history as the author of version 1). */
  by: string;
}

export interface SaveDraftInput<T> {
  /** The version the caller's edit is based on; the save fails with `conflict` if it moved on. */
  expectedVersion: number;
  doc: T;
  title: string;
  /** Omit to keep the current editors. */
  editorIds?: string[];
  by: string;
  /**
   * Idempotency key of this save (e.g. derived from the Slack view id + hash). When a save's reply was
   * lost (Redis dropped the connection after executing it) and the caller retries with the same key,
   * the retry reports `ok` with the stored record instead of a conflict with the caller's own write.
   * Default: a fresh key per call.
   */
  requestId?: string;
}

export type CreateWithIdResult<T> =
  | { ok: true; record: DraftRecord<T> }
  /** A draft already has this id; nothing was written. */
  | { ok: false; reason: 'exists' };

export type SaveResult<T> =
  | { ok: true; record: DraftRecord<T> }
  /** Someone saved in between: `current` is what is stored now, so the UI can show both. */
  | { ok: false; reason: 'conflict'; current: DraftRecord<T> }
  | { ok: false; reason: 'not_found' };

export type RestoreResult<T> =
  | SaveResult<T>
  /** The requested version is older than the retained history, or never existed. */
  | { ok: false; reason: 'revision_not_found' };

export type DeleteResult =
  | { ok: true }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'not_found' };

export interface RevisionInfo {
  version: number;
  savedAt: Date;
  savedBy: string;
  /** Set when this version was produced by `restore`. */
  restoredFrom?: number;
}

export interface Revision<T> extends RevisionInfo {
  doc: T;
  title: string;
}

export interface DraftSummary {
  id: string;
  title: string;
  version: number;
  ownerId: string;
  editorIds: string[];
  updatedAt: Date;
  updatedBy: string;
  /** When `sweepAbandoned` may remove the draft if nobody saves it before then. */
  expiresAt: Date;
}

export interface SweptDraft {
  workspace: WorkspaceKey;
  id: string;
  title: string;
  ownerId: string;
  updatedAt: Date;
}

export interface PendingInput {
  values: unknown;
  savedAt: Date;
}

/** How many saves `history` keeps per draft (the newest ones). */
export const HISTORY_LIMIT = 50;
/** How long unsaved step values from `view_closed` are kept after the user's last put. */
export const PENDING_INPUT_TTL_DAYS = 7;
export const DEFAULT_DRAFT_RETENTION_DAYS = 90;
export const DEFAULT_EXPIRY_WARNING_DAYS = 14;

export interface DraftStore<T> {
  create(ws: WorkspaceKey, input: CreateDraftInput<T>): Promise<DraftRecord<T>>;
  /**
   * Creates a draft under a given id — a published plan's, whose draft was swept, when a revision
   * starts (drafts and published plans share one id space). Version 1, like `create`; `exists` when
   * a draft already has the id. A malformed id raises `StoreError('invalid_input')`.
   */
  createWithId(
    ws: WorkspaceKey,
    id: string,
    input: CreateDraftInput<T>,
  ): Promise<CreateWithIdResult<T>>;
  get(ws: WorkspaceKey, id: string): Promise<DraftRecord<T> | null>;
  /**
   * A user's reference to a draft: an id (any case, Crockford look-alikes accepted) or an exact title
   * (case-insensitive, trimmed). Several results mean the reference is ambiguous: ask which.
   */
  findByRef(ws: WorkspaceKey, ref: string): Promise<DraftRecord<T>[]>;
  save(ws: WorkspaceKey, id: string, input: SaveDraftInput<T>): Promise<SaveResult<T>>;
  /** Newest first; at most HISTORY_LIMIT entries; empty when the draft does not exist. */
  history(ws: WorkspaceKey, id: string): Promise<RevisionInfo[]>;
  /** null when the draft does not exist or the version is no longer (or never was) retained. */
  getRevision(ws: WorkspaceKey, id: string, version: number): Promise<Revision<T> | null>;
  /** Saves the doc and title of an earlier version as a new version; editors are left as they are. */
  restore(
    ws: WorkspaceKey,
    id: string,
    version: number,
    input: { expectedVersion: number; by: string },
  ): Promise<RestoreResult<T>>;
  /** Drafts the user owns or edits, most recently edited first. */
  listForUser(ws: WorkspaceKey, userId: string): Promise<DraftSummary[]>;
  /** Removes the draft with its history, pending inputs and index entries, all at once. */
  delete(
    ws: WorkspaceKey,
    id: string,
    options?: { expectedVersion?: number },
  ): Promise<DeleteResult>;
  /** Keeps one user's unsaved values of one section; false when the draft no longer exists. */
  putPendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
    values: unknown,
  ): Promise<boolean>;
  getPendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
  ): Promise<PendingInput | null>;
  /** Reads and removes in one step, so two tabs never both restore the same values. */
  takePendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
  ): Promise<PendingInput | null>;
  /** The user's drafts (owned or edited) that `sweepAbandoned` would remove within `warnDays`. */
  expiringSoon(
    ws: WorkspaceKey,
    userId: string,
    now: Date,
    warnDays?: number,
  ): Promise<DraftSummary[]>;
  /** Removes drafts not saved for the retention period, in every workspace; returns what it removed. */
  sweepAbandoned(now: Date): Promise<SweptDraft[]>;
}
