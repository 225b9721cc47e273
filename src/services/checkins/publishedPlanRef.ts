import type { Plan } from '../../domain/plan.js';
import { normalizeDraftId } from '../../store/draftId.js';
import type { DraftStore } from '../../store/draftStore.js';
import type { PublishedStore, PublishedVersion } from '../../store/publishedStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';

export type PublishedPlanLookup =
  | { kind: 'found'; version: PublishedVersion<Plan> }
  | { kind: 'not_found' }
  /** A draft by that name exists, but it was never published: nothing is scheduled yet. */
  | { kind: 'not_published'; title: string }
  /** Published, but the user is not allowed (the role the command needs). */
  | { kind: 'forbidden' }
  | { kind: 'ambiguous'; candidates: Array<{ id: string; title: string }> };

export type PlanRole = 'owner' | 'editor';

/**
 * A published plan named by a user (its id or exact title), checked against the latest published
 * version's owner (and editors, for `editor`). Plans the user may not act on never make a title
 * ambiguous; alone, they get a refusal.
 */
export async function lookupPublishedPlan(
  stores: { drafts: DraftStore<Plan>; published: PublishedStore<Plan> },
  ws: WorkspaceKey,
  userId: string,
  ref: string,
  role: PlanRole,
): Promise<PublishedPlanLookup> {
  const trimmed = ref.trim();
  const ids = new Set<string>();
  const drafts = await withStorage(() => stores.drafts.findByRef(ws, trimmed));
  for (const draft of drafts) ids.add(draft.id);
  const id = normalizeDraftId(trimmed);
  if (id) ids.add(id);
  const mine = await withStorage(() => stores.published.listPublishedForUser(ws, userId));
  const wanted = trimmed.toLowerCase();
  for (const summary of mine)
    if (summary.title.trim().toLowerCase() === wanted) ids.add(summary.planId);

  const allowed: PublishedVersion<Plan>[] = [];
  let forbidden = false;
  for (const planId of ids) {
    const latest = await withStorage(() => stores.published.latest(ws, planId));
    if (!latest) continue;
    const may =
      latest.ownerId === userId || (role === 'editor' && latest.editorIds.includes(userId));
    if (may) allowed.push(latest);
    else forbidden = true;
  }
  const [only] = allowed;
  if (only && allowed.length === 1) return { kind: 'found', version: only };
  if (allowed.length > 1) {
    return {
      kind: 'ambiguous',
      candidates: allowed.map((v) => ({ id: v.planId, title: v.title })),
    };
  }
  if (forbidden) return { kind: 'forbidden' };
  const draft = drafts[0];
  return draft ? { kind: 'not_published', title: draft.title } : { kind: 'not_found' };
}
