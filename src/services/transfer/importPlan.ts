import type { Plan } from '../../domain/plan.js';
import { type PlanYamlProblem, parsePlanYaml } from '../../domain/planYaml.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import { nestedTooDeeply } from '../../domain/yamlNesting.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';

const TOO_DEEP: PlanYamlProblem = {
  path: '',
  message: {
    'zh-CN': 'YAML 嵌套层级过深，这不是一份计划',
    en: 'the YAML is nested far too deeply to be a plan',
  },
};

export interface ImportDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
  /**
   * Whether a user id is an active person of this workspace (not deleted, not a bot); false when
   * it cannot be checked. Decides which editors named in the file are kept.
   */
  isActiveMember(userId: string): Promise<boolean>;
}

export type ImportOutcome =
  | {
      ok: true;
      record: DraftRecord<Plan>;
      /** The owner the file named, when it was someone else (replaced by the importer). */
      replacedOwner?: string;
      editorsKept: string[];
      editorsDropped: string[];
    }
  | { ok: false; problems: PlanYamlProblem[] };

/**
 * Creates a draft from a YAML plan, or creates nothing and returns every problem. The importer owns
 * the draft: the file's `owner` is whoever wrote or exported it, possibly in another workspace, and
 * must not gain access to a copy they never asked for. Editors named in the file are kept when they are
 * active people here (so a plan round-trips within a workspace), and dropped otherwise (ids from
 * another workspace, deactivated accounts, bots).
 */
export async function importPlanYaml(
  deps: ImportDeps,
  identity: WorkspaceIdentity,
  text: string,
): Promise<ImportOutcome> {
  if (nestedTooDeeply(text)) return { ok: false, problems: [TOO_DEEP] };
  const parsed = parsePlanYaml(text, { templates: (id) => deps.templates.get(id) });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { meta } = parsed.plan;
  const candidates = [...new Set(meta.editors)].filter((id) => id !== identity.userId);
  const checks = await Promise.all(candidates.map((id) => deps.isActiveMember(id)));
  const editorsKept = candidates.filter((_, i) => checks[i]);
  const editorsDropped = candidates.filter((_, i) => !checks[i]);
  const doc: Plan = {
    ...parsed.plan,
    meta: { ...meta, owner: identity.userId, editors: editorsKept },
  };
  const record = await withStorage(() =>
    deps.drafts.create(workspaceKey(identity), {
      doc,
      title: doc.meta.title,
      ownerId: identity.userId,
      editorIds: editorsKept,
      by: identity.userId,
    }),
  );
  return {
    ok: true,
    record,
    ...(meta.owner === identity.userId ? {} : { replacedOwner: meta.owner }),
    editorsKept,
    editorsDropped,
  };
}
