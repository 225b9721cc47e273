import { describe, expect, it } from 'vitest';
import type { DraftStore } from '../../../src/store/draftStore.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { type TestDoc, testDoc } from '../testDoc.js';
import { createTestDraft, type MakeDraftStore, newWorkspace } from './contractSubject.js';

/** Several writers on independent connections: compare-and-set must never lose an update. */
export function describeConcurrencyContract(makeStore: MakeDraftStore): void {
  describe('concurrent writers', () => {
    it('lets exactly one of many saves based on the same version win', async () => {
      const stores = Array.from({ length: 4 }, () => makeStore());
      const ws = newWorkspace();
      const created = await createTestDraft(stores[0] as DraftStore<TestDoc>, ws);
      const attempts = 24;

      const results = await Promise.all(
        Array.from({ length: attempts }, (_, writer) =>
          (stores[writer % stores.length] as DraftStore<TestDoc>).save(ws, created.id, {
            expectedVersion: 1,
            doc: testDoc({ goal: `writer ${writer}`, counter: 1 }),
            title: created.title,
            by: `UWRITER${writer}`,
          }),
        ),
      );

      const winners = results.filter((result) => result.ok);
      const conflicts = results.filter((result) => !result.ok && result.reason === 'conflict');
      expect(winners).toHaveLength(1);
      expect(conflicts).toHaveLength(attempts - 1);
      const stored = await stores[0]?.get(ws, created.id);
      expect(stored?.version).toBe(2);
      // Every loser is shown the winner's write, not its own.
      for (const conflict of conflicts) {
        if (conflict.ok || conflict.reason !== 'conflict') continue;
        expect(conflict.current).toEqual(stored);
      }
    });

    it('loses no update when writers retry after conflicts (read, modify, save)', async () => {
      const stores = Array.from({ length: 4 }, () => makeStore());
      const ws = newWorkspace();
      const created = await createTestDraft(stores[0] as DraftStore<TestDoc>, ws);
      const perWriter = 12;
      let conflictsSeen = 0;

      const appendAll = async (store: DraftStore<TestDoc>, writer: number) => {
        for (let step = 0; step < perWriter; step += 1) {
          let current = await store.get(ws, created.id);
          for (;;) {
            if (current === null) throw new Error('draft vanished');
            const result = await store.save(ws, created.id, {
              expectedVersion: current.version,
              doc: {
                ...current.doc,
                counter: current.doc.counter + 1,
                items: [...current.doc.items, `${writer}:${step}`],
              },
              title: current.title,
              by: `UWRITER${writer}`,
            });
            if (result.ok) break;
            if (result.reason !== 'conflict') throw new Error(result.reason);
            conflictsSeen += 1;
            current = result.current;
          }
        }
      };
      await Promise.all(stores.map((store, writer) => appendAll(store, writer)));

      const total = stores.length * perWriter;
      const stored = await stores[0]?.get(ws, created.id);
      expect(stored?.version).toBe(total + 1);
      expect(stored?.doc.counter).toBe(total);
      const expectedItems = stores.flatMap((_, writer) =>
        Array.from({ length: perWriter }, (_, step) => `${writer}:${step}`),
      );
      expect([...(stored?.doc.items ?? [])].sort()).toEqual(expectedItems.sort());
      // The race was real: writers did collide, and every collision was caught.
      expect(conflictsSeen).toBeGreaterThan(0);
    });

    it('treats a retried save with the same requestId as done, not as a conflict', async () => {
      const store = makeStore();
      const ws: WorkspaceKey = newWorkspace();
      const created = await createTestDraft(store, ws);
      const input = {
        expectedVersion: 1,
        doc: testDoc({ counter: 1 }),
        title: created.title,
        by: 'UOWNER',
        requestId: 'view-V123-hash-1',
      };

      const first = await store.save(ws, created.id, input);
      const retry = await store.save(ws, created.id, input);
      const other = await store.save(ws, created.id, { ...input, requestId: 'view-V123-hash-2' });

      expect(first.ok && first.record.version).toBe(2);
      expect(retry).toEqual(first);
      expect(other).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
      expect(await store.history(ws, created.id)).toHaveLength(2);
    });
  });
}
