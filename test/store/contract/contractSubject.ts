import type { DraftRecord, DraftStore } from '../../../src/store/draftStore.js';
import { type WorkspaceKey, workspaceKey } from '../../../src/store/workspaceKey.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { type TestDoc, testDoc } from '../testDoc.js';

export interface ContractStoreOptions {
  clock?: () => Date;
  retentionDays?: number;
  generateId?: () => string;
}

/**
 * Builds a store under test. Each call should use its own connection where the implementation has
 * one, so the concurrency tests race real independent clients.
 */
export type MakeDraftStore = (options?: ContractStoreOptions) => DraftStore<TestDoc>;

export function newWorkspace(): WorkspaceKey {
  return workspaceKey({ teamId: uniqueWorkspace() });
}

export function createTestDraft(
  store: DraftStore<TestDoc>,
  ws: WorkspaceKey,
  overrides: Partial<{ doc: TestDoc; title: string; ownerId: string; editorIds: string[] }> = {},
): Promise<DraftRecord<TestDoc>> {
  const ownerId = overrides.ownerId ?? 'UOWNER';
  return store.create(ws, {
    doc: overrides.doc ?? testDoc(),
    title: overrides.title ?? 'Q3 operations plan',
    ownerId,
    editorIds: overrides.editorIds ?? [],
    by: ownerId,
  });
}

export const DAY_MS = 24 * 60 * 60 * 1000;
