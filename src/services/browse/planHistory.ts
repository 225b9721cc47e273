import type { Plan } from '../../domain/plan.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore, RevisionInfo } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { isOwner } from '../planAccess.js';

export interface PlanHistory {
  record: DraftRecord<Plan>;
  /** Newest first. */
  revisions: RevisionInfo[];
  /** Only the owner restores earlier versions. */
  canRestore: boolean;
}

/** The history of a plan the caller already found and may open. */
export async function loadPlanHistory(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  record: DraftRecord<Plan>,
): Promise<PlanHistory> {
  const revisions = await withStorage(() => drafts.history(workspaceKey(identity), record.id));
  return { record, revisions, canRestore: isOwner(record, identity.userId) };
}

export type RestoreOutcome =
  | { kind: 'restored'; record: DraftRecord<Plan>; from: number }
  /** Saved meanwhile: the user restored on the basis of a history they no longer see. */
  | { kind: 'conflict' }
  | { kind: 'revision_not_found' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

/** Restores an earlier version as a new one: owner only, compare-and-set on the version seen. */
export async function restoreRevisionAs(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  planId: string,
  version: number,
  expectedVersion: number,
): Promise<RestoreOutcome> {
  const ws = workspaceKey(identity);
  const record = await withStorage(() => drafts.get(ws, planId));
  if (!record) return { kind: 'not_found' };
  if (!isOwner(record, identity.userId)) return { kind: 'forbidden' };
  const result = await withStorage(() =>
    drafts.restore(ws, record.id, version, { expectedVersion, by: identity.userId }),
  );
  if (result.ok) return { kind: 'restored', record: result.record, from: version };
  return { kind: result.reason };
}
