import type { Plan } from '../../../src/domain/plan.js';
import type { WorkspaceIdentity } from '../../../src/slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore } from '../../../src/store/draftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed, goodPlan } from '../../domain/review/fixtures.js';

/** A complete standard-template plan owned by `owner`, titled `title`. */
export function planDoc(owner: string, title: string, editors: string[] = []): Plan {
  return changed(goodPlan(), (draft) => {
    draft.meta.owner = owner;
    draft.meta.editors = editors;
    draft.meta.title = title;
  });
}

/** The same plan with its KPIs and vision removed: the review reports errors. */
export function flawedPlanDoc(owner: string, title: string, editors: string[] = []): Plan {
  return changed(planDoc(owner, title, editors), (draft) => {
    for (const values of Object.values(draft.sections)) {
      for (const [field, value] of Object.entries(values)) {
        if (Array.isArray(value)) delete values[field];
      }
    }
  });
}

/** Creates a draft the way the interview does: owner, editors and title from the plan. */
export function createPlanDraft(
  drafts: DraftStore<Plan>,
  teamId: string,
  doc: Plan,
): Promise<DraftRecord<Plan>> {
  return drafts.create(workspaceKey({ teamId }), {
    doc,
    title: doc.meta.title,
    ownerId: doc.meta.owner,
    editorIds: doc.meta.editors,
    by: doc.meta.owner,
  });
}

/** Saves a changed title as a new version (a second save in the history). */
export async function saveTitle(
  drafts: DraftStore<Plan>,
  teamId: string,
  record: DraftRecord<Plan>,
  title: string,
  by: string,
): Promise<DraftRecord<Plan>> {
  const doc = changed(record.doc, (draft) => {
    draft.meta.title = title;
  });
  const result = await drafts.save(workspaceKey({ teamId }), record.id, {
    expectedVersion: record.version,
    doc,
    title,
    by,
  });
  if (!result.ok) throw new Error(`save failed: ${result.reason}`);
  return result.record;
}

export function actor(teamId: string, userId: string): WorkspaceIdentity {
  return { teamId, userId };
}
