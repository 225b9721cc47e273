import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import { generateDraftId } from '../draftId.js';
import {
  type CreateDraftInput,
  type CreateWithIdResult,
  DEFAULT_DRAFT_RETENTION_DAYS,
  DEFAULT_EXPIRY_WARNING_DAYS,
  type DeleteResult,
  type DraftRecord,
  type DraftStore,
  type DraftSummary,
  type PendingInput,
  type RestoreResult,
  type Revision,
  type RevisionInfo,
  type SaveDraftInput,
  type SaveResult,
  type SweptDraft,
} from '../draftStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import {
  draftHistory,
  findDraftsByRef,
  getDraft,
  getDraftRevision,
  listDraftsForUser,
} from './draftReads.js';
import { registerDraftScripts } from './draftScripts.js';
import { sweepAbandonedDrafts } from './draftSweep.js';
import { createDraft, createDraftWithId, deleteDraft, saveDraft } from './draftWrites.js';
import { getPendingInput, putPendingInput, takePendingInput } from './pendingInputs.js';
import { DAY_MS, type RedisDraftContext } from './redisDraftContext.js';

export interface RedisDraftStoreOptions {
  /** DRAFT_RETENTION_DAYS: a draft not saved for this long is removed by `sweepAbandoned`. */
  retentionDays?: number;
  /** Source of "now" for timestamps; tests pass a controllable clock. */
  clock?: () => Date;
  /** Draft id generator; tests inject collisions. */
  generateId?: () => string;
}

/**
 * The draft store on Redis (standalone, Sentinel or Cluster: every key of a workspace shares one hash
 * slot). Key layout: ./draftKeys.ts and ../README.md.
 */
export class RedisDraftStore<T> implements DraftStore<T> {
  private readonly ctx: RedisDraftContext<T>;

  constructor(
    redis: Redis | Cluster,
    docSchema: z.ZodType<T>,
    options: RedisDraftStoreOptions = {},
  ) {
    const retentionDays = options.retentionDays ?? DEFAULT_DRAFT_RETENTION_DAYS;
    if (!(retentionDays > 0)) throw new RangeError('retentionDays must be positive');
    this.ctx = {
      redis,
      docSchema,
      scripts: registerDraftScripts(redis),
      clock: options.clock ?? (() => new Date()),
      retentionMs: retentionDays * DAY_MS,
      generateId: options.generateId ?? generateDraftId,
    };
  }

  create(ws: WorkspaceKey, input: CreateDraftInput<T>): Promise<DraftRecord<T>> {
    return createDraft(this.ctx, ws, input);
  }

  createWithId(
    ws: WorkspaceKey,
    id: string,
    input: CreateDraftInput<T>,
  ): Promise<CreateWithIdResult<T>> {
    return createDraftWithId(this.ctx, ws, id, input);
  }

  get(ws: WorkspaceKey, id: string): Promise<DraftRecord<T> | null> {
    return getDraft(this.ctx, ws, id);
  }

  findByRef(ws: WorkspaceKey, ref: string): Promise<DraftRecord<T>[]> {
    return findDraftsByRef(this.ctx, ws, ref);
  }

  save(ws: WorkspaceKey, id: string, input: SaveDraftInput<T>): Promise<SaveResult<T>> {
    return saveDraft(this.ctx, ws, id, input);
  }

  history(ws: WorkspaceKey, id: string): Promise<RevisionInfo[]> {
    return draftHistory(this.ctx, ws, id);
  }

  getRevision(ws: WorkspaceKey, id: string, version: number): Promise<Revision<T> | null> {
    return getDraftRevision(this.ctx, ws, id, version);
  }

  async restore(
    ws: WorkspaceKey,
    id: string,
    version: number,
    input: { expectedVersion: number; by: string },
  ): Promise<RestoreResult<T>> {
    const revision = await this.getRevision(ws, id, version);
    if (revision === null) {
      const exists = (await this.get(ws, id)) !== null;
      return { ok: false, reason: exists ? 'revision_not_found' : 'not_found' };
    }
    // Revisions are immutable while retained, and leaving the window takes a save, which the CAS on
    // expectedVersion would notice: the revision read above is still the one being restored.
    const restored = { ...input, doc: revision.doc, title: revision.title };
    return saveDraft(this.ctx, ws, id, restored, version);
  }

  listForUser(ws: WorkspaceKey, userId: string): Promise<DraftSummary[]> {
    return listDraftsForUser(this.ctx, ws, userId);
  }

  delete(
    ws: WorkspaceKey,
    id: string,
    options: { expectedVersion?: number } = {},
  ): Promise<DeleteResult> {
    return deleteDraft(this.ctx, ws, id, options.expectedVersion);
  }

  putPendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
    values: unknown,
  ): Promise<boolean> {
    return putPendingInput(this.ctx, ws, id, userId, sectionId, values);
  }

  getPendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
  ): Promise<PendingInput | null> {
    return getPendingInput(this.ctx, ws, id, userId, sectionId);
  }

  takePendingInput(
    ws: WorkspaceKey,
    id: string,
    userId: string,
    sectionId: string,
  ): Promise<PendingInput | null> {
    return takePendingInput(this.ctx, ws, id, userId, sectionId);
  }

  async expiringSoon(
    ws: WorkspaceKey,
    userId: string,
    now: Date,
    warnDays = DEFAULT_EXPIRY_WARNING_DAYS,
  ): Promise<DraftSummary[]> {
    const horizon = now.getTime() + warnDays * DAY_MS;
    const drafts = await this.listForUser(ws, userId);
    return drafts
      .filter((draft) => draft.expiresAt.getTime() <= horizon)
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  }

  sweepAbandoned(now: Date): Promise<SweptDraft[]> {
    return sweepAbandonedDrafts(this.ctx, now);
  }
}
