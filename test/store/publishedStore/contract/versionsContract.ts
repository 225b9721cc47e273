import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../../src/store/errors.js';
import { testDoc } from '../../testDoc.js';
import {
  freezeInput,
  type MakePublishedStore,
  newPlanId,
  newWorkspace,
} from './publishedSubject.js';

export function describeVersionsContract(makeStore: MakePublishedStore): void {
  describe('frozen versions', () => {
    it('freezes v1, v2, … with everything given, and reads them back', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      const first = freezeInput({ doc: testDoc({ counter: 1 }) });
      const second = freezeInput({
        doc: testDoc({ counter: 2, items: ['new KPI'] }),
        title: 'Q3 plan, revised',
        editorIds: ['UED2', 'UOWNER'],
        publishedBy: 'UED2',
        publishedAt: new Date('2026-04-01T09:00:00.000Z'),
        reviewSummary: { error: 0, warning: 0, tip: 3 },
      });

      expect(await store.freeze(ws, planId, first)).toEqual({ version: 1, created: true });
      expect(await store.freeze(ws, planId, second)).toEqual({ version: 2, created: true });

      const { idempotencyKey: _a, ...firstStored } = first;
      expect(await store.get(ws, planId, 1)).toEqual({ planId, version: 1, ...firstStored });
      expect(await store.latest(ws, planId)).toEqual({
        planId,
        version: 2,
        ...second,
        editorIds: ['UED2'], // the owner is never listed as an editor
      });
      expect(await store.list(ws, planId)).toEqual([
        {
          version: 2,
          title: 'Q3 plan, revised',
          publishedAt: second.publishedAt,
          publishedBy: 'UED2',
          posted: false,
        },
        {
          version: 1,
          title: first.title,
          publishedAt: first.publishedAt,
          publishedBy: 'UOWNER',
          posted: false,
        },
      ]);
    });

    it('knows nothing of a plan never published, nor of versions never frozen', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      expect(await store.latest(ws, planId)).toBeNull();
      expect(await store.list(ws, planId)).toEqual([]);
      await store.freeze(ws, planId, freezeInput());
      for (const version of [0, -1, 2, 1.5, Number.NaN]) {
        expect(await store.get(ws, planId, version)).toBeNull();
      }
    });

    it('gives concurrent freezes distinct consecutive versions, each with its own document', async () => {
      const stores = [makeStore(), makeStore(), makeStore(), makeStore()];
      const ws = newWorkspace();
      const planId = newPlanId();
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (stores[i % stores.length] ?? makeStore()).freeze(
            ws,
            planId,
            freezeInput({ doc: testDoc({ counter: i }) }),
          ),
        ),
      );
      const versions = results.map((r) => r.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      // Nobody's version was overwritten by another: each caller finds its own document under it.
      for (const [i, result] of results.entries()) {
        expect((await stores[0]?.get(ws, planId, result.version))?.doc.counter).toBe(i);
      }
      expect((await stores[0]?.latest(ws, planId))?.version).toBe(24);
    });

    it('freezes once per idempotency key: a retry gets the same version, never a second one', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      const input = freezeInput({ doc: testDoc({ counter: 1 }), idempotencyKey: 'publish-V1-abc' });
      expect(await store.freeze(ws, planId, input)).toEqual({ version: 1, created: true });
      const retry = await store.freeze(ws, planId, { ...input, doc: testDoc({ counter: 99 }) });
      expect(retry).toEqual({ version: 1, created: false });
      expect((await store.get(ws, planId, 1))?.doc.counter).toBe(1);
      expect(await store.list(ws, planId)).toHaveLength(1);
    });

    it('refuses invalid input with invalid_input and writes nothing', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      const bad = [
        freezeInput({ doc: { goal: '', counter: -1, items: [] } }),
        freezeInput({ title: '   ' }),
        freezeInput({ ownerId: 'not a user:id' }),
        freezeInput({ publishedAt: new Date('nonsense') }),
        freezeInput({ reviewSummary: { error: -1, warning: 0, tip: 0 } }),
        freezeInput({ idempotencyKey: '' }),
      ];
      for (const input of bad) {
        await expect(store.freeze(ws, planId, input)).rejects.toSatisfy((error: unknown) =>
          isStoreError(error, 'invalid_input'),
        );
      }
      await expect(store.freeze(ws, 'bad:id', freezeInput())).rejects.toSatisfy((error: unknown) =>
        isStoreError(error, 'invalid_input'),
      );
      expect(await store.list(ws, planId)).toEqual([]);
    });
  });
}
