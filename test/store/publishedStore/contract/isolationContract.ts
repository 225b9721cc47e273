import { describe, expect, it } from 'vitest';
import { testDoc } from '../../testDoc.js';
import {
  freezeInput,
  type MakePublishedStore,
  MINUTE_MS,
  newPlanId,
  newWorkspace,
  post,
} from './publishedSubject.js';

export function describeIsolationContract(makeStore: MakePublishedStore): void {
  describe('workspace isolation', () => {
    it('never shows, numbers or completes across workspaces, even for the same plan id and key', async () => {
      const store = makeStore();
      const [home, other] = [newWorkspace(), newWorkspace()];
      const planId = newPlanId();
      await store.freeze(
        home,
        planId,
        freezeInput({ doc: testDoc({ counter: 1 }), idempotencyKey: 'k' }),
      );
      await store.attachPost(home, planId, 1, post());
      await store.beginPublish(home, planId, 'k', { ttlMs: MINUTE_MS, owner: 'A' });
      await store.completePublish(home, planId, 'k', { version: 1, post: post() });

      expect(await store.latest(other, planId)).toBeNull();
      expect(await store.get(other, planId, 1)).toBeNull();
      expect(await store.list(other, planId)).toEqual([]);
      expect(await store.listPublishedForUser(other, 'UOWNER')).toEqual([]);
      expect(
        await store.beginPublish(other, planId, 'k', { ttlMs: MINUTE_MS, owner: 'B' }),
      ).toEqual({
        state: 'acquired',
      });
      // The other workspace's first version is its own v1, made with the same key.
      expect(
        await store.freeze(
          other,
          planId,
          freezeInput({ doc: testDoc({ counter: 2 }), idempotencyKey: 'k' }),
        ),
      ).toEqual({ version: 1, created: true });
      expect((await store.get(home, planId, 1))?.doc.counter).toBe(1);
      expect((await store.get(other, planId, 1))?.doc.counter).toBe(2);
    });
  });
}
