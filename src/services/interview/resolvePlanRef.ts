import type { Plan } from '../../domain/plan.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';

export type PlanRefResult =
  | { kind: 'found'; record: DraftRecord<Plan> }
  | { kind: 'none' }
  | { kind: 'ambiguous'; records: DraftRecord<Plan>[] };

/** A plan named by a user: its short id, or its exact title. */
export async function resolvePlanRef(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  ref: string,
): Promise<PlanRefResult> {
  const records = await withStorage(() => drafts.findByRef(workspaceKey(identity), ref));
  const [only] = records;
  if (!only) return { kind: 'none' };
  if (records.length === 1) return { kind: 'found', record: only };
  return { kind: 'ambiguous', records };
}
