import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../../src/store/errors.js';
import { fakeClock } from '../../fakeClock.js';
import { testDoc } from '../../testDoc.js';
import {
  freezeInput,
  type MakePublishedStore,
  MINUTE_MS,
  newPlanId,
  newWorkspace,
  post,
} from './publishedSubject.js';

const LEASE = { ttlMs: MINUTE_MS };

export function describeIdempotencyContract(makeStore: MakePublishedStore): void {
  describe('publish idempotency', () => {
    it('lets exactly one of 10 concurrent attempts with one key publish; the others see who', async () => {
      const ws = newWorkspace();
      const planId = newPlanId();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          makeStore().beginPublish(ws, planId, 'view-V1-submit', {
            ...LEASE,
            owner: `replica-${i}`,
          }),
        ),
      );
      const acquired = results.flatMap((r, i) => (r.state === 'acquired' ? [`replica-${i}`] : []));
      expect(acquired).toHaveLength(1);
      for (const result of results.filter((r) => r.state !== 'acquired')) {
        expect(result).toMatchObject({ state: 'in_progress', by: acquired[0] });
      }
    });

    it('answers done with the recorded version and post once completed; the first completion wins', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      expect(await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'a' })).toEqual({
        state: 'acquired',
      });
      const posted = post();
      expect(await store.completePublish(ws, planId, 'k', { version: 3, post: posted })).toEqual({
        version: 3,
        post: posted,
      });
      const late = await store.completePublish(ws, planId, 'k', {
        version: 4,
        post: post({ channel: 'C0OTHER' }),
      });
      expect(late).toEqual({ version: 3, post: posted });
      // A Slack retry, a double click, another replica: all told it is done, none may post.
      for (const owner of ['a', 'b']) {
        expect(await store.beginPublish(ws, planId, 'k', { ...LEASE, owner })).toEqual({
          state: 'done',
          version: 3,
          post: posted,
        });
      }
      // Another request (another key) for the same plan is a new publish.
      expect((await store.beginPublish(ws, planId, 'k2', { ...LEASE, owner: 'a' })).state).toBe(
        'acquired',
      );
    });

    it('hands an abandoned attempt to another replica once its lease expires, with what it froze', async () => {
      const clock = fakeClock('2026-03-01T09:00:00Z');
      const [replicaA, replicaB] = [
        makeStore({ clock: clock.now }),
        makeStore({ clock: clock.now }),
      ];
      const ws = newWorkspace();
      const planId = newPlanId();
      await replicaA.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      // A froze v1 and then died before posting.
      await replicaA.freeze(
        ws,
        planId,
        freezeInput({ doc: testDoc({ counter: 1 }), idempotencyKey: 'k' }),
      );

      clock.advanceMs(MINUTE_MS - 1);
      expect(await replicaB.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toEqual({
        state: 'in_progress',
        by: 'A',
        leaseExpiresAt: new Date('2026-03-01T09:01:00Z'),
      });
      clock.advanceMs(1);
      expect(await replicaB.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toEqual({
        state: 'acquired',
        takenOverFrom: 'A',
        frozenVersion: 1,
      });
      // B freezes with the same key and gets A's version back: no v2 for one publish.
      expect(
        await replicaB.freeze(
          ws,
          planId,
          freezeInput({ doc: testDoc({ counter: 2 }), idempotencyKey: 'k' }),
        ),
      ).toEqual({ version: 1, created: false });
      // A, back from the dead, no longer holds the lease.
      expect(await replicaA.renewPublishLease(ws, planId, 'k', { ...LEASE, owner: 'A' })).toBe(
        false,
      );
      expect(await replicaA.abandonPublish(ws, planId, 'k', { owner: 'A' })).toBe(false);
      expect((await replicaA.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' })).state).toBe(
        'in_progress',
      );
    });

    it('keeps a renewed lease alive past its first expiry', async () => {
      const clock = fakeClock('2026-03-01T09:00:00Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const planId = newPlanId();
      await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      clock.advanceMs(MINUTE_MS - 1000);
      expect(await store.renewPublishLease(ws, planId, 'k', { ...LEASE, owner: 'A' })).toBe(true);
      expect(await store.renewPublishLease(ws, planId, 'k', { ...LEASE, owner: 'B' })).toBe(false);
      clock.advanceMs(MINUTE_MS - 1000);
      expect(await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toMatchObject({
        state: 'in_progress',
        by: 'A',
      });
    });

    it('lets a retry start over at once after the holder abandons; only the holder may abandon', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      expect(await store.abandonPublish(ws, planId, 'k', { owner: 'B' })).toBe(false);
      expect(await store.abandonPublish(ws, planId, 'k', { owner: 'A' })).toBe(true);
      expect(await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toEqual({
        state: 'acquired',
      });
      // Once done, abandoning changes nothing.
      await store.completePublish(ws, planId, 'k', { version: 1, post: post() });
      expect(await store.abandonPublish(ws, planId, 'k', { owner: 'B' })).toBe(false);
      expect((await store.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'C' })).state).toBe(
        'done',
      );
    });

    it('refuses nonsense leases and keys with invalid_input', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      const calls = [
        () => store.beginPublish(ws, planId, '', { ...LEASE, owner: 'A' }),
        () => store.beginPublish(ws, planId, 'k', { ttlMs: 0, owner: 'A' }),
        () => store.beginPublish(ws, planId, 'k', { ttlMs: 1.5, owner: 'A' }),
        () => store.beginPublish(ws, planId, 'k', { ...LEASE, owner: '' }),
        () => store.completePublish(ws, planId, 'k', { version: 0, post: post() }),
        () => store.completePublish(ws, planId, 'k', { version: 1, post: post({ channel: 'x' }) }),
      ];
      for (const call of calls) {
        await expect(call()).rejects.toSatisfy((error: unknown) =>
          isStoreError(error, 'invalid_input'),
        );
      }
    });
  });
}
