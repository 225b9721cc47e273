import type { Plan } from '../../domain/plan.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { canEdit } from '../planAccess.js';

export type PlanLookup =
  | { kind: 'found'; record: DraftRecord<Plan> }
  /** Several plans the user may open carry this title: ask which. */
  | { kind: 'ambiguous'; candidates: DraftRecord<Plan>[] }
  | { kind: 'not_found' }
  /** The plan exists in this workspace, but the user is neither its owner nor an editor. */
  | { kind: 'forbidden'; record: DraftRecord<Plan> };

/**
 * Resolves what a user typed (short id or exact title) to one plan they may work on. The workspace
 * comes from the verified identity only, so another workspace's plan is simply not found.
 * Plans the user cannot open never make a reference ambiguous.
 */
export async function lookupPlanByRef(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  ref: string,
): Promise<PlanLookup> {
  const matches = await withStorage(() => drafts.findByRef(workspaceKey(identity), ref));
  const mine = matches.filter((record) => canEdit(record, identity.userId));
  if (mine.length === 1 && mine[0]) return { kind: 'found', record: mine[0] };
  if (mine.length > 1) return { kind: 'ambiguous', candidates: mine };
  const other = matches[0];
  return other ? { kind: 'forbidden', record: other } : { kind: 'not_found' };
}

/** A plan named by id (a button value), re-checked against the acting user. */
export async function lookupPlanById(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  planId: string,
): Promise<Exclude<PlanLookup, { kind: 'ambiguous' }>> {
  const record = await withStorage(() => drafts.get(workspaceKey(identity), planId));
  if (!record) return { kind: 'not_found' };
  return canEdit(record, identity.userId)
    ? { kind: 'found', record }
    : { kind: 'forbidden', record };
}
