import type { Plan } from '../../domain/plan.js';
import type { PublishedStore } from '../../store/publishedStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';

export interface PreviousPost {
  version: number;
  doc: Plan;
  permalink?: string;
}

/**
 * The newest version before `version` that readers actually saw in Slack: "what changed" compares
 * with it (a version frozen by an attempt that failed was never posted, so it is skipped).
 */
export async function previousPostedVersion(
  published: PublishedStore<Plan>,
  ws: WorkspaceKey,
  planId: string,
  version: number,
): Promise<PreviousPost | undefined> {
  const versions = await published.list(ws, planId);
  const info = versions.find((v) => v.version < version && v.posted);
  if (!info) return undefined;
  const frozen = await published.get(ws, planId, info.version);
  if (!frozen) return undefined;
  const permalink = frozen.post?.permalink;
  return { version: frozen.version, doc: frozen.doc, ...(permalink ? { permalink } : {}) };
}
