import { randomBytes } from 'node:crypto';
import type {
  FreezeInput,
  PublishedPost,
  PublishedStore,
} from '../../../../src/store/publishedStore.js';
import { type WorkspaceKey, workspaceKey } from '../../../../src/store/workspaceKey.js';
import { uniqueWorkspace } from '../../../support/redis/testRedis.js';
import { type TestDoc, testDoc } from '../../testDoc.js';

export interface PublishedStoreTestOptions {
  clock?: () => Date;
}

/**
 * Builds a store under test; each call should open its own connection where the implementation has
 * one, so the concurrency tests race independent clients.
 */
export type MakePublishedStore = (options?: PublishedStoreTestOptions) => PublishedStore<TestDoc>;

export function newWorkspace(): WorkspaceKey {
  return workspaceKey({ teamId: uniqueWorkspace() });
}

/** A fresh plan id (draft ids are 8 characters of Crockford base32). */
export function newPlanId(): string {
  return randomBytes(5).toString('hex').toUpperCase().slice(0, 8);
}

export function freezeInput(overrides: Partial<FreezeInput<TestDoc>> = {}): FreezeInput<TestDoc> {
  return {
    doc: testDoc(),
    title: 'Q3 operations plan',
    ownerId: 'UOWNER',
    editorIds: ['UED1'],
    publishedBy: 'UOWNER',
    publishedAt: new Date('2026-03-01T09:00:00.000Z'),
    reviewSummary: { error: 0, warning: 2, tip: 1 },
    ...overrides,
  };
}

export function post(overrides: Partial<PublishedPost> = {}): PublishedPost {
  return {
    channel: 'C0OPS',
    summaryTs: '1767225600.000100',
    threadTs: '1767225600.000100',
    sectionTs: ['1767225601.000200', '1767225602.000300'],
    fileId: 'F0PLANMD',
    permalink: 'https://acme.slack.com/archives/C0OPS/p1767225600000100',
    ...overrides,
  };
}

export const MINUTE_MS = 60_000;
