import type { Plan } from '../../domain/plan.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftStore } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { canEdit } from '../planAccess.js';

export type DeletePlanOutcome =
  | { kind: 'deleted'; title: string }
  /** Saved by someone after the user saw the version they confirmed: nothing was deleted. */
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

/**
 * Deletes a draft on behalf of the acting user, only if they own or edit it and only if it is still
 * the version they confirmed (a save in between must not be thrown away unseen).
 */
export async function deletePlanAs(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  planId: string,
  expectedVersion: number,
): Promise<DeletePlanOutcome> {
  const ws = workspaceKey(identity);
  const record = await withStorage(() => drafts.get(ws, planId));
  if (!record) return { kind: 'not_found' };
  if (!canEdit(record, identity.userId)) return { kind: 'forbidden' };
  const result = await withStorage(() => drafts.delete(ws, record.id, { expectedVersion }));
  if (result.ok) return { kind: 'deleted', title: record.title };
  if (result.reason === 'conflict')
    return { kind: 'conflict', currentVersion: result.currentVersion };
  return { kind: 'not_found' };
}
