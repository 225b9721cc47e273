import type { Plan } from '../../domain/plan.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import { normalizeDraftId } from '../../store/draftId.js';
import type { DraftStore } from '../../store/draftStore.js';
import type { PublishedStore } from '../../store/publishedStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { type WorkspaceKey, workspaceKey } from '../../store/workspaceKey.js';
import { canEdit } from '../planAccess.js';

export type ReviseOutcome =
  /** The draft to open in the interview; `recreated` when it had to be rebuilt from vN. */
  | { kind: 'ready'; planId: string; version: number; recreated: boolean }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  /** A draft that was never published: there is nothing to revise yet. */
  | { kind: 'never_published'; planId: string }
  | { kind: 'ambiguous'; candidates: Array<{ id: string; title: string }> };

export interface ReviseServiceDeps {
  drafts: DraftStore<Plan>;
  published: PublishedStore<Plan>;
}

/**
 * Revising a published plan. The draft is the working copy and stays after a publish, so a revision
 * simply continues it; when the sweep removed it, it is recreated under the same id from the latest
 * version. Access: the owner and editors of the draft (or, without one, of the latest version).
 */
export function createReviseService({ drafts, published }: ReviseServiceDeps) {
  async function revise(identity: WorkspaceIdentity, planId: string): Promise<ReviseOutcome> {
    const ws = workspaceKey(identity);
    const [draft, latest] = await withStorage(() =>
      Promise.all([drafts.get(ws, planId), published.latest(ws, planId)]),
    );
    const current = draft ?? latest;
    if (!current) return { kind: 'not_found' };
    if (!canEdit(current, identity.userId)) return { kind: 'forbidden' };
    if (!latest) return { kind: 'never_published', planId: draft?.id ?? planId };
    if (draft)
      return { kind: 'ready', planId: draft.id, version: latest.version, recreated: false };
    const created = await withStorage(() =>
      drafts.createWithId(ws, latest.planId, {
        doc: latest.doc,
        title: latest.title,
        ownerId: latest.ownerId,
        editorIds: latest.editorIds,
        by: identity.userId,
      }),
    );
    // `exists`: a concurrent Revise recreated it first — the same working copy either way.
    return { kind: 'ready', planId: latest.planId, version: latest.version, recreated: created.ok };
  }

  /** A plan named by a user: id, or exact title of a draft or of a plan they published. */
  async function resolve(
    identity: WorkspaceIdentity,
    ref: string,
  ): Promise<
    { kind: 'found'; planId: string } | Extract<ReviseOutcome, { kind: 'not_found' | 'ambiguous' }>
  > {
    const ws = workspaceKey(identity);
    const ids = new Map<string, string>();
    const matches = await withStorage(() => drafts.findByRef(ws, ref));
    // Plans the user cannot revise never make a title ambiguous; alone, they get a refusal.
    const mine = matches.filter((record) => canEdit(record, identity.userId));
    for (const record of mine) ids.set(record.id, record.title);
    await addPublishedMatches(ws, identity.userId, ref, ids);
    const other = matches[0];
    if (ids.size === 0 && other) return { kind: 'found', planId: other.id };
    const entries = [...ids.entries()];
    const [only] = entries;
    if (!only) return { kind: 'not_found' };
    if (entries.length === 1) return { kind: 'found', planId: only[0] };
    return { kind: 'ambiguous', candidates: entries.map(([id, title]) => ({ id, title })) };
  }

  async function addPublishedMatches(
    ws: WorkspaceKey,
    userId: string,
    ref: string,
    ids: Map<string, string>,
  ): Promise<void> {
    const id = normalizeDraftId(ref);
    if (id && !ids.has(id)) {
      const latest = await withStorage(() => published.latest(ws, id));
      if (latest) ids.set(id, latest.title);
    }
    const wanted = ref.trim().toLowerCase();
    const mine = await withStorage(() => published.listPublishedForUser(ws, userId));
    for (const plan of mine) {
      if (plan.title.trim().toLowerCase() === wanted && !ids.has(plan.planId))
        ids.set(plan.planId, plan.title);
    }
  }

  return { revise, resolve };
}

export type ReviseService = ReturnType<typeof createReviseService>;
