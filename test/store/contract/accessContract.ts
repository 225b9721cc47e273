import { describe, expect, it } from 'vitest';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { fakeClock } from '../fakeClock.js';
import { testDoc } from '../testDoc.js';
import { createTestDraft, DAY_MS, type MakeDraftStore, newWorkspace } from './contractSubject.js';

/** Who sees which draft: per-user lists, lookups by reference, deletion and workspace isolation. */
export function describeAccessContract(makeStore: MakeDraftStore): void {
  describe('lists, lookups, deletion and isolation', () => {
    it("lists a user's drafts (owned or edited), most recently edited first", async () => {
      const clock = fakeClock('2026-03-01T00:00:00.000Z');
      const store = makeStore({ clock: clock.now, retentionDays: 90 });
      const ws = newWorkspace();
      const older = await createTestDraft(store, ws, { title: 'Older', editorIds: ['UED1'] });
      clock.advanceMs(1000);
      const newer = await createTestDraft(store, ws, { title: 'Newer', ownerId: 'UED1' });
      clock.advanceMs(1000);
      await createTestDraft(store, ws, { title: 'Somebody else', ownerId: 'UOTHER' });
      clock.advanceMs(1000);
      await store.save(ws, older.id, {
        expectedVersion: 1,
        doc: testDoc({ counter: 1 }),
        title: 'Older',
        by: 'UED1',
      });

      const forEditor = await store.listForUser(ws, 'UED1');
      expect(forEditor.map((draft) => draft.title)).toEqual(['Older', 'Newer']);
      expect(forEditor[0]).toEqual({
        id: older.id,
        title: 'Older',
        version: 2,
        ownerId: 'UOWNER',
        editorIds: ['UED1'],
        updatedAt: clock.now(),
        updatedBy: 'UED1',
        expiresAt: new Date(clock.now().getTime() + 90 * DAY_MS),
      });
      expect((await store.listForUser(ws, 'UOWNER')).map((d) => d.id)).toEqual([older.id]);
      expect((await store.listForUser(ws, 'UNOBODY')).length).toBe(0);
      expect(newer.ownerId).toBe('UED1');
    });

    it('follows editor changes: removed editors lose the draft, added ones get it', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const draft = await createTestDraft(store, ws, { editorIds: ['UED1'] });
      await store.save(ws, draft.id, {
        expectedVersion: 1,
        doc: testDoc(),
        title: draft.title,
        editorIds: ['UED2', 'UOWNER'],
        by: 'UOWNER',
      });

      expect(await store.listForUser(ws, 'UED1')).toEqual([]);
      expect((await store.listForUser(ws, 'UED2')).map((d) => d.id)).toEqual([draft.id]);
      expect((await store.listForUser(ws, 'UOWNER')).map((d) => d.editorIds)).toEqual([['UED2']]);
    });

    it('finds drafts by id or by exact title, returning every match when ambiguous', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const first = await createTestDraft(store, ws, { title: 'Launch Plan' });
      const second = await createTestDraft(store, ws, { title: 'launch plan ' });
      await createTestDraft(store, ws, { title: 'Launch Plan v2' });
      const chinese = await createTestDraft(store, ws, { title: '2026 年度运营计划' });

      expect((await store.findByRef(ws, first.id.toLowerCase())).map((r) => r.id)).toEqual([
        first.id,
      ]);
      const ambiguous = await store.findByRef(ws, '  LAUNCH PLAN ');
      expect(ambiguous.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
      expect((await store.findByRef(ws, '2026 年度运营计划')).map((r) => r.id)).toEqual([
        chinese.id,
      ]);
      expect(await store.findByRef(ws, 'Launch')).toEqual([]);
      expect(await store.findByRef(ws, '   ')).toEqual([]);

      await store.save(ws, second.id, {
        expectedVersion: 1,
        doc: testDoc(),
        title: 'Renamed',
        by: 'UOWNER',
      });
      expect((await store.findByRef(ws, 'launch plan')).map((r) => r.id)).toEqual([first.id]);
      expect((await store.findByRef(ws, 'renamed')).map((r) => r.id)).toEqual([second.id]);
    });

    it('deletes a draft with its history, pending input and index entries', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const draft = await createTestDraft(store, ws, { title: 'Doomed', editorIds: ['UED1'] });
      await store.save(ws, draft.id, {
        expectedVersion: 1,
        doc: testDoc({ counter: 1 }),
        title: 'Doomed',
        by: 'UED1',
      });
      await store.putPendingInput(ws, draft.id, 'UED1', 'goals', { goal: 'typed' });

      expect(await store.delete(ws, draft.id, { expectedVersion: 1 })).toEqual({
        ok: false,
        reason: 'conflict',
        currentVersion: 2,
      });
      expect(await store.get(ws, draft.id)).not.toBeNull();
      expect(await store.delete(ws, draft.id, { expectedVersion: 2 })).toEqual({ ok: true });

      expect(await store.get(ws, draft.id)).toBeNull();
      expect(await store.history(ws, draft.id)).toEqual([]);
      expect(await store.getRevision(ws, draft.id, 1)).toBeNull();
      expect(await store.getPendingInput(ws, draft.id, 'UED1', 'goals')).toBeNull();
      expect(await store.listForUser(ws, 'UOWNER')).toEqual([]);
      expect(await store.listForUser(ws, 'UED1')).toEqual([]);
      expect(await store.findByRef(ws, 'Doomed')).toEqual([]);
      expect(await store.delete(ws, draft.id)).toEqual({ ok: false, reason: 'not_found' });
    });

    it('never shows or changes a draft from another workspace, even with its id', async () => {
      const store = makeStore();
      const teamId = uniqueWorkspace();
      const home = workspaceKey({ teamId });
      // Same team id under an enterprise is a different workspace key.
      const others = [newWorkspace(), workspaceKey({ enterpriseId: uniqueWorkspace('E'), teamId })];
      const draft = await createTestDraft(store, home, { title: 'Private plan' });

      for (const other of others) {
        expect(await store.get(other, draft.id)).toBeNull();
        expect(await store.findByRef(other, 'Private plan')).toEqual([]);
        expect(await store.listForUser(other, 'UOWNER')).toEqual([]);
        expect(await store.history(other, draft.id)).toEqual([]);
        expect(
          await store.save(other, draft.id, {
            expectedVersion: 1,
            doc: testDoc({ goal: 'hijack' }),
            title: 'hijack',
            by: 'UOWNER',
          }),
        ).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.delete(other, draft.id)).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.putPendingInput(other, draft.id, 'UOWNER', 'goals', 1)).toBe(false);
      }
      expect(await store.get(home, draft.id)).toMatchObject({ version: 1, title: 'Private plan' });
    });
  });
}
