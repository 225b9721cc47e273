import { describe, expect, it } from 'vitest';
import { PENDING_INPUT_TTL_DAYS } from '../../../src/store/draftStore.js';
import { fakeClock } from '../fakeClock.js';
import { testDoc } from '../testDoc.js';
import { createTestDraft, type MakeDraftStore, newWorkspace } from './contractSubject.js';

// The sweep looks at every workspace of the store, so its tests live in a past no other test uses:
// nothing another test (or another helper's suite sharing this Redis) wrote is ever that old.
const ANCIENT = '1987-01-01T00:00:00.000Z';

/** Unsaved step values, expiry warnings and the sweep of abandoned drafts. */
export function describeLifecycleContract(makeStore: MakeDraftStore): void {
  describe('pending input, expiry and sweep', () => {
    it('keeps unsaved step values per user and section until taken once', async () => {
      const clock = fakeClock('2026-03-01T00:00:00.000Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const draft = await createTestDraft(store, ws, { editorIds: ['UED1'] });
      const values = { kpis: [{ name: '周活', target: 1200 }], note: 'half typed' };

      expect(await store.putPendingInput(ws, draft.id, 'UED1', 'kpis', values)).toBe(true);
      await store.putPendingInput(ws, draft.id, 'UOWNER', 'kpis', { note: 'owner' });
      await store.putPendingInput(ws, draft.id, 'UED1', 'budget', { note: 'other section' });

      expect(await store.getPendingInput(ws, draft.id, 'UED1', 'kpis')).toEqual({
        values,
        savedAt: clock.now(),
      });
      expect((await store.takePendingInput(ws, draft.id, 'UED1', 'kpis'))?.values).toEqual(values);
      expect(await store.takePendingInput(ws, draft.id, 'UED1', 'kpis')).toBeNull();
      expect((await store.getPendingInput(ws, draft.id, 'UOWNER', 'kpis'))?.values).toEqual({
        note: 'owner',
      });
      expect((await store.getPendingInput(ws, draft.id, 'UED1', 'budget'))?.values).toEqual({
        note: 'other section',
      });
      expect(await store.putPendingInput(ws, 'ZZZZZZZZ', 'UED1', 'kpis', values)).toBe(false);
    });

    it(`forgets unsaved step values after ${PENDING_INPUT_TTL_DAYS} days`, async () => {
      const clock = fakeClock('2026-03-01T00:00:00.000Z');
      const store = makeStore({ clock: clock.now });
      const ws = newWorkspace();
      const draft = await createTestDraft(store, ws);
      await store.putPendingInput(ws, draft.id, 'UOWNER', 'goals', { goal: 'typed' });

      clock.advanceDays(PENDING_INPUT_TTL_DAYS - 1);
      expect(await store.getPendingInput(ws, draft.id, 'UOWNER', 'goals')).not.toBeNull();
      clock.advanceDays(2);
      expect(await store.getPendingInput(ws, draft.id, 'UOWNER', 'goals')).toBeNull();
      expect(await store.takePendingInput(ws, draft.id, 'UOWNER', 'goals')).toBeNull();
    });

    it('lists the drafts about to expire, soonest first, until someone saves them', async () => {
      const clock = fakeClock('2026-01-01T00:00:00.000Z');
      const store = makeStore({ clock: clock.now, retentionDays: 90 });
      const ws = newWorkspace();
      const oldest = await createTestDraft(store, ws, { title: 'Day 0' });
      clock.advanceDays(5);
      const middle = await createTestDraft(store, ws, { title: 'Day 5', ownerId: 'UED1' });
      await store.save(ws, middle.id, {
        expectedVersion: 1,
        doc: testDoc(),
        title: 'Day 5',
        editorIds: ['UOWNER'],
        by: 'UED1',
      });
      clock.advanceDays(15);
      await createTestDraft(store, ws, { title: 'Day 20' });

      const now = new Date('2026-03-25T00:00:00.000Z'); // day 83: warning window ends day 97
      const soon = await store.expiringSoon(ws, 'UOWNER', now);
      expect(soon.map((draft) => [draft.title, draft.expiresAt.toISOString()])).toEqual([
        ['Day 0', '2026-04-01T00:00:00.000Z'],
        ['Day 5', '2026-04-06T00:00:00.000Z'],
      ]);
      expect((await store.expiringSoon(ws, 'UOWNER', now, 3)).length).toBe(0);

      clock.set(now);
      await store.save(ws, oldest.id, {
        expectedVersion: 1,
        doc: testDoc(),
        title: 'Day 0',
        by: 'UOWNER',
      });
      expect((await store.expiringSoon(ws, 'UOWNER', now)).map((d) => d.title)).toEqual(['Day 5']);
    });

    it('sweeps only drafts not saved for the retention period, and says which', async () => {
      const clock = fakeClock(ANCIENT);
      const store = makeStore({ clock: clock.now, retentionDays: 30 });
      const ws = newWorkspace();
      const abandoned = await createTestDraft(store, ws, {
        title: 'Abandoned',
        editorIds: ['UED1'],
      });
      await store.putPendingInput(ws, abandoned.id, 'UED1', 'goals', { goal: 'typed' });
      const createdAt = clock.now();
      clock.advanceDays(10);
      const active = await createTestDraft(store, ws, { title: 'Active' });

      const early = new Date(createdAt.getTime() + 29 * 24 * 60 * 60 * 1000);
      expect((await store.sweepAbandoned(early)).filter((s) => s.workspace === ws)).toEqual([]);

      const swept = await store.sweepAbandoned(new Date(createdAt.getTime() + 31 * 86_400_000));
      expect(swept.filter((s) => s.workspace === ws)).toEqual([
        {
          workspace: ws,
          id: abandoned.id,
          title: 'Abandoned',
          ownerId: 'UOWNER',
          updatedAt: createdAt,
        },
      ]);
      expect(await store.get(ws, abandoned.id)).toBeNull();
      expect(await store.listForUser(ws, 'UED1')).toEqual([]);
      expect(await store.getPendingInput(ws, abandoned.id, 'UED1', 'goals')).toBeNull();
      expect((await store.get(ws, active.id))?.title).toBe('Active');
    });
  });
}
