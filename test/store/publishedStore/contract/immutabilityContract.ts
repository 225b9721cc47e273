import { describe, expect, it } from 'vitest';
import type { PublishedStore } from '../../../../src/store/publishedStore.js';
import type { WorkspaceKey } from '../../../../src/store/workspaceKey.js';
import { type TestDoc, testDoc } from '../../testDoc.js';
import {
  freezeInput,
  type MakePublishedStore,
  newPlanId,
  newWorkspace,
  post,
} from './publishedSubject.js';

type Attack = (
  store: PublishedStore<TestDoc>,
  ws: WorkspaceKey,
  planId: string,
) => Promise<unknown>;

/**
 * Every operation of the interface, called in every way that could plausibly touch a frozen version.
 * Typed against the interface's keys: a new operation does not compile until it is listed here too.
 */
const ATTACKS: Record<keyof PublishedStore<TestDoc>, Attack[]> = {
  freeze: [
    (s, ws, id) =>
      s.freeze(ws, id, freezeInput({ doc: testDoc({ goal: 'overwrite', counter: 7 }) })),
    (s, ws, id) =>
      s.freeze(ws, id, freezeInput({ doc: testDoc({ counter: 8 }), idempotencyKey: 'k1' })),
    (s, ws, id) => s.freeze(ws, id, freezeInput({ title: '' })),
  ],
  attachPost: [
    (s, ws, id) => s.attachPost(ws, id, 1, post({ channel: 'C0OTHER' })),
    (s, ws, id) => s.attachPost(ws, id, 2, post({ summaryTs: '1.1', threadTs: '1.1' })),
    (s, ws, id) => s.attachPost(ws, id, 3, post()),
    (s, ws, id) => s.attachPost(ws, id, 0, post()),
  ],
  latest: [(s, ws, id) => s.latest(ws, id)],
  get: [(s, ws, id) => s.get(ws, id, 1), (s, ws, id) => s.get(ws, id, 2)],
  list: [(s, ws, id) => s.list(ws, id)],
  listPublishedForUser: [(s, ws) => s.listPublishedForUser(ws, 'UOWNER')],
  beginPublish: [
    (s, ws, id) => s.beginPublish(ws, id, 'k1', { ttlMs: 60_000, owner: 'replica-x' }),
    (s, ws, id) => s.beginPublish(ws, id, 'k2', { ttlMs: 60_000, owner: 'replica-x' }),
  ],
  renewPublishLease: [
    (s, ws, id) => s.renewPublishLease(ws, id, 'k2', { ttlMs: 60_000, owner: 'replica-x' }),
  ],
  recordPublishStep: [
    (s, ws, id) =>
      s.recordPublishStep(
        ws,
        id,
        'k2',
        { ttlMs: 60_000, owner: 'replica-x' },
        {
          kind: 'summary',
          ts: '1767225600.000100',
        },
      ),
    (s, ws, id) =>
      s.recordPublishStep(
        ws,
        id,
        'k1',
        { ttlMs: 60_000, owner: 'replica-x' },
        {
          kind: 'file',
          fileId: 'F0EVIL',
        },
      ),
  ],
  completePublish: [
    (s, ws, id) =>
      s.completePublish(ws, id, 'k2', { version: 1, post: post({ channel: 'C0EVIL' }) }),
    (s, ws, id) => s.completePublish(ws, id, 'k3', { version: 2, post: post() }),
  ],
  abandonPublish: [
    (s, ws, id) => s.abandonPublish(ws, id, 'k1', { owner: 'replica-x' }),
    (s, ws, id) => s.abandonPublish(ws, id, 'k2', { owner: 'replica-x' }),
  ],
};

export function describeImmutabilityContract(makeStore: MakePublishedStore): void {
  describe('immutability', () => {
    it('no operation, in any order, changes or removes a frozen version', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      await store.freeze(
        ws,
        planId,
        freezeInput({ doc: testDoc({ counter: 1 }), idempotencyKey: 'k1' }),
      );
      await store.freeze(ws, planId, freezeInput({ doc: testDoc({ counter: 2 }) }));
      await store.attachPost(ws, planId, 1, post());
      const v1 = await store.get(ws, planId, 1);
      const { post: _none, ...v2 } = (await store.get(ws, planId, 2)) ?? {};

      const attacks = Object.values(ATTACKS).flat();
      for (const attack of attacks) await attack(store, ws, planId).catch(() => undefined);
      // And all at once, racing each other.
      await Promise.all(attacks.map((attack) => attack(store, ws, planId).catch(() => undefined)));

      expect(await store.get(ws, planId, 1)).toEqual(v1);
      expect(await store.get(ws, planId, 2)).toMatchObject(v2);
      // Later freezes appended versions; none took the place of an earlier one.
      const versions = (await store.list(ws, planId)).map((entry) => entry.version);
      expect(versions).toEqual([...versions].sort((a, b) => b - a));
      expect(versions.at(-1)).toBe(1);
      expect(new Set(versions).size).toBe(versions.length);
    });
  });
}
