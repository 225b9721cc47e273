import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../src/store/draftStore.js';
import { fakeClock } from '../fakeClock.js';
import { testDoc } from '../testDoc.js';
import { createTestDraft, type MakeDraftStore, newWorkspace } from './contractSubject.js';

/** The bounded revision history and restoring an earlier state from it. */
export function describeHistoryContract(makeStore: MakeDraftStore): void {
  describe('revision history', () => {
    it('keeps the newest 50 saves, newest first, each with its author, time and doc', async () => {
      const clock = fakeClock('2026-03-01T00:00:00.000Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws);
      const saves = HISTORY_LIMIT + 9;
      for (let counter = 1; counter <= saves; counter += 1) {
        clock.advanceMs(1000);
        const result = await store.save(ws, created.id, {
          expectedVersion: counter,
          doc: testDoc({ counter }),
          title: created.title,
          by: counter % 2 === 0 ? 'UED1' : 'UOWNER',
        });
        expect(result.ok).toBe(true);
      }

      const history = await store.history(ws, created.id);
      const newest = saves + 1;
      expect(history).toHaveLength(HISTORY_LIMIT);
      expect(history.map((entry) => entry.version)).toEqual(
        Array.from({ length: HISTORY_LIMIT }, (_, index) => newest - index),
      );
      expect(history[0]).toEqual({ version: newest, savedAt: clock.now(), savedBy: 'UOWNER' });
      expect(history.at(-1)?.version).toBe(newest - HISTORY_LIMIT + 1);

      const oldestKept = newest - HISTORY_LIMIT + 1;
      expect((await store.getRevision(ws, created.id, oldestKept))?.doc.counter).toBe(
        oldestKept - 1,
      );
      expect(await store.getRevision(ws, created.id, oldestKept - 1)).toBeNull();
      expect((await store.getRevision(ws, created.id, newest))?.doc).toEqual(
        (await store.get(ws, created.id))?.doc,
      );
    });

    it('restores an earlier doc and title as a new version that history records', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws, {
        title: 'Original title',
        doc: testDoc({ goal: 'original goal' }),
        editorIds: ['UED1'],
      });
      await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ goal: 'rewritten goal', counter: 1 }),
        title: 'New title',
        editorIds: ['UED1', 'UED2'],
        by: 'UED1',
      });

      const restored = await store.restore(ws, created.id, 1, { expectedVersion: 2, by: 'UOWNER' });

      expect(restored.ok).toBe(true);
      if (!restored.ok) return;
      expect(restored.record).toMatchObject({
        version: 3,
        doc: { goal: 'original goal', counter: 0 },
        title: 'Original title',
        // Access is not content: restoring never drops an editor added since.
        editorIds: ['UED1', 'UED2'],
        updatedBy: 'UOWNER',
      });
      const history = await store.history(ws, created.id);
      expect(history.map((entry) => [entry.version, entry.restoredFrom])).toEqual([
        [3, 1],
        [2, undefined],
        [1, undefined],
      ]);
      expect((await store.findByRef(ws, 'original title')).map((r) => r.id)).toEqual([created.id]);
      expect(await store.findByRef(ws, 'New title')).toEqual([]);
    });

    it('refuses a restore based on an old version, an unknown version or draft', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws);
      await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ counter: 1 }),
        title: created.title,
        by: 'UOWNER',
      });

      expect(
        await store.restore(ws, created.id, 1, { expectedVersion: 1, by: 'UOWNER' }),
      ).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
      expect(await store.restore(ws, created.id, 7, { expectedVersion: 2, by: 'UOWNER' })).toEqual({
        ok: false,
        reason: 'revision_not_found',
      });
      expect(await store.restore(ws, 'ZZZZZZZZ', 1, { expectedVersion: 1, by: 'UOWNER' })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect((await store.get(ws, created.id))?.version).toBe(2);
    });
  });
}
