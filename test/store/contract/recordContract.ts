import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/store/errors.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { fakeClock } from '../fakeClock.js';
import { testDoc } from '../testDoc.js';
import { createTestDraft, type MakeDraftStore, newWorkspace } from './contractSubject.js';

/** Create, read, save and the compare-and-set outcomes of a single writer. */
export function describeRecordContract(makeStore: MakeDraftStore): void {
  describe('records', () => {
    it('creates version 1 and reads back exactly what was stored', async () => {
      const clock = fakeClock('2026-03-01T09:00:00.000Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const doc = testDoc({ goal: '提升周活跃团队数 & <grow>', items: ['a', 'b'] });
      const created = await store.create(ws, {
        doc,
        title: '2026 Q2 运营计划',
        ownerId: 'UOWNER',
        editorIds: ['UED1', 'UOWNER', 'UED1', 'UED2'],
        by: 'UOWNER',
      });

      expect(created.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(created).toMatchObject({
        version: 1,
        doc,
        title: '2026 Q2 运营计划',
        ownerId: 'UOWNER',
        // The owner is never listed as an editor, and duplicates collapse.
        editorIds: ['UED1', 'UED2'],
        updatedBy: 'UOWNER',
        status: 'draft',
      });
      expect(created.createdAt).toEqual(clock.now());
      expect(created.updatedAt).toEqual(clock.now());
      expect(await store.get(ws, created.id)).toEqual(created);
    });

    it('finds a draft by its id typed in lower case or with Crockford look-alikes', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws);
      const lookAlike = created.id.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');

      expect((await store.get(ws, lookAlike))?.id).toBe(created.id);
      expect(await store.get(ws, 'ZZZZZZZZ')).toBeNull();
      expect(await store.get(ws, 'not an id')).toBeNull();
    });

    it('saves a new version with the new doc, title, editors and author', async () => {
      const clock = fakeClock('2026-03-01T09:00:00.000Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws, { editorIds: ['UED1'] });
      clock.advanceMs(60_000);

      const saved = await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ counter: 1, items: ['kpi'] }),
        title: 'Renamed plan',
        editorIds: ['UED2'],
        by: 'UED1',
      });

      expect(saved.ok).toBe(true);
      if (!saved.ok) return;
      expect(saved.record).toMatchObject({
        id: created.id,
        version: 2,
        doc: { counter: 1, items: ['kpi'] },
        title: 'Renamed plan',
        editorIds: ['UED2'],
        ownerId: 'UOWNER',
        updatedBy: 'UED1',
        createdAt: created.createdAt,
        updatedAt: clock.now(),
      });
      expect(await store.get(ws, created.id)).toEqual(saved.record);
    });

    it('keeps the editors when a save does not mention them', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws, { editorIds: ['UED1', 'UED2'] });
      const saved = await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ counter: 1 }),
        title: created.title,
        by: 'UED1',
      });
      expect(saved.ok && saved.record.editorIds).toEqual(['UED1', 'UED2']);
    });

    it('refuses a save based on an old version and returns what is stored instead', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const created = await createTestDraft(store, ws, { editorIds: ['UED1'] });
      const first = await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ goal: 'owner edit', counter: 1 }),
        title: created.title,
        by: 'UOWNER',
      });
      expect(first.ok).toBe(true);

      const stale = await store.save(ws, created.id, {
        expectedVersion: 1,
        doc: testDoc({ goal: 'editor edit typed meanwhile' }),
        title: created.title,
        by: 'UED1',
      });

      expect(stale).toMatchObject({
        ok: false,
        reason: 'conflict',
        current: { version: 2, doc: { goal: 'owner edit' }, updatedBy: 'UOWNER' },
      });
      expect((await store.get(ws, created.id))?.doc.goal).toBe('owner edit');
    });

    it('answers not_found when saving a draft that does not exist', async () => {
      const store = makeStore();
      const result = await store.save(newWorkspace(), 'ABCDEFGH', {
        expectedVersion: 1,
        doc: testDoc(),
        title: 'x',
        by: 'UOWNER',
      });
      expect(result).toEqual({ ok: false, reason: 'not_found' });
    });

    it('refuses documents that fail the schema and writes nothing', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const bad = { goal: '', counter: -1, items: [] };
      await expect(
        store.create(ws, {
          doc: bad,
          title: 'Bad',
          ownerId: 'UOWNER',
          editorIds: [],
          by: 'UOWNER',
        }),
      ).rejects.toSatisfy((error) => isStoreError(error, 'invalid_input'));
      expect(await store.listForUser(ws, 'UOWNER')).toEqual([]);

      const created = await createTestDraft(store, ws);
      await expect(
        store.save(ws, created.id, { expectedVersion: 1, doc: bad, title: 'x', by: 'UOWNER' }),
      ).rejects.toSatisfy((error) => isStoreError(error, 'invalid_input'));
      expect((await store.get(ws, created.id))?.version).toBe(1);
    });

    it('refuses empty titles and user ids that are not ids', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const input = { doc: testDoc(), title: '  ', ownerId: 'UOWNER', editorIds: [], by: 'UOWNER' };
      await expect(store.create(ws, input)).rejects.toSatisfy((e) =>
        isStoreError(e, 'invalid_input'),
      );
      await expect(
        store.create(ws, { ...input, title: 'ok', editorIds: ['U1:ABCDEFGH'] }),
      ).rejects.toSatisfy((e) => isStoreError(e, 'invalid_input'));
    });

    it('derives workspace keys only from Slack ids', () => {
      expect(workspaceKey({ teamId: 'T012AB' })).toBe('T012AB');
      expect(workspaceKey({ enterpriseId: 'E01', teamId: 'T012AB' })).not.toBe('T012AB');
      for (const teamId of ['', 'T1}', 'T1:x', '{T1}', 'T 1']) {
        expect(() => workspaceKey({ teamId })).toThrow(/Slack id/);
      }
    });

    it('draws another id when the first one is taken', async () => {
      const ws = newWorkspace();
      const ids = ['AAAAAAAA', 'AAAAAAAA', 'BBBBBBBB'];
      const store = makeStore({ generateId: () => ids.shift() ?? 'CCCCCCCC' });
      const first = await createTestDraft(store, ws, { title: 'first' });
      const second = await createTestDraft(store, ws, { title: 'second' });
      expect([first.id, second.id]).toEqual(['AAAAAAAA', 'BBBBBBBB']);
      expect((await store.get(ws, 'AAAAAAAA'))?.title).toBe('first');
    });

    it('creates a draft under a given id once, findable by id and title; a taken id writes nothing', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const input = {
        doc: testDoc({ goal: 'recreated' }),
        title: 'Swept plan',
        ownerId: 'UOWNER',
        editorIds: ['UED1'],
        by: 'UED1',
      };
      const created = await store.createWithId(ws, 'c4k9-qz0b', input);
      if (!created.ok) throw new Error('createWithId refused a free id');
      expect(created.record).toMatchObject({ id: 'C4K9QZ0B', version: 1, title: 'Swept plan' });
      expect(await store.get(ws, 'C4K9QZ0B')).toEqual(created.record);
      expect((await store.findByRef(ws, 'swept plan')).map((r) => r.id)).toEqual(['C4K9QZ0B']);
      expect((await store.listForUser(ws, 'UED1')).map((d) => d.id)).toEqual(['C4K9QZ0B']);

      const again = await store.createWithId(ws, 'C4K9QZ0B', { ...input, title: 'Other' });
      expect(again).toEqual({ ok: false, reason: 'exists' });
      expect((await store.get(ws, 'C4K9QZ0B'))?.title).toBe('Swept plan');
      // Another workspace has its own id space.
      expect((await store.createWithId(newWorkspace(), 'C4K9QZ0B', input)).ok).toBe(true);
    });

    it('refuses a malformed id for createWithId', async () => {
      const store = makeStore();
      await expect(
        store.createWithId(newWorkspace(), 'not-an-id!', {
          doc: testDoc(),
          title: 'x',
          ownerId: 'UOWNER',
          editorIds: [],
          by: 'UOWNER',
        }),
      ).rejects.toSatisfy((error) => isStoreError(error, 'invalid_input'));
    });
  });
}
