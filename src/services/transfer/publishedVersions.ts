import type { Plan } from '../../domain/plan.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';

/**
 * The part of the published-versions store export reads. Declared here, structurally, so export
 * depends only on what it uses; `PublishedStore<Plan>` satisfies it.
 */
export interface PublishedVersionReader {
  latest(ws: WorkspaceKey, planId: string): Promise<ReadablePublishedVersion | null>;
  get(ws: WorkspaceKey, planId: string, version: number): Promise<ReadablePublishedVersion | null>;
}

export interface ReadablePublishedVersion {
  planId: string;
  version: number;
  doc: Plan;
  title: string;
  ownerId: string;
  editorIds: string[];
  /** Where it was posted; absent until the post completed. */
  post?: { channel: string };
}
