import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../../src/store/errors.js';
import { isPublishedStoreError } from '../../../../src/store/publishedStore.js';
import {
  freezeInput,
  type MakePublishedStore,
  newPlanId,
  newWorkspace,
  post,
} from './publishedSubject.js';

export function describePostContract(makeStore: MakePublishedStore): void {
  describe('attachPost', () => {
    it('records where a version was posted, once: the same post again is fine, another is refused', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      await store.freeze(ws, planId, freezeInput());
      await store.freeze(ws, planId, freezeInput());
      const first = post();

      await store.attachPost(ws, planId, 1, first);
      await store.attachPost(ws, planId, 1, { ...first, sectionTs: [...first.sectionTs] });
      await expect(
        store.attachPost(ws, planId, 1, post({ summaryTs: '1767229999.000001' })),
      ).rejects.toSatisfy((error: unknown) => isPublishedStoreError(error, 'already_posted'));

      expect((await store.get(ws, planId, 1))?.post).toEqual(first);
      expect((await store.get(ws, planId, 2))?.post).toBeUndefined();
      expect((await store.list(ws, planId)).map((v) => [v.version, v.posted])).toEqual([
        [2, false],
        [1, true],
      ]);
    });

    it('keeps optional parts optional: a post without file or permalink reads back without them', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      await store.freeze(ws, planId, freezeInput());
      const bare = {
        channel: 'G0PRIV',
        summaryTs: '1.000001',
        threadTs: '1.000001',
        sectionTs: [],
      };
      await store.attachPost(ws, planId, 1, bare);
      expect((await store.latest(ws, planId))?.post).toEqual(bare);
    });

    it('refuses a version never frozen, and a post that is not one', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const planId = newPlanId();
      await expect(store.attachPost(ws, planId, 1, post())).rejects.toSatisfy((error: unknown) =>
        isPublishedStoreError(error, 'version_not_found'),
      );
      await store.freeze(ws, planId, freezeInput());
      for (const bad of [
        post({ channel: '#general' }),
        post({ summaryTs: 'yesterday' }),
        post({ permalink: 'javascript:alert(1)' }),
      ]) {
        await expect(store.attachPost(ws, planId, 1, bad)).rejects.toSatisfy((error: unknown) =>
          isStoreError(error, 'invalid_input'),
        );
      }
      expect((await store.get(ws, planId, 1))?.post).toBeUndefined();
    });
  });

  describe('listPublishedForUser', () => {
    it('lists the plans whose latest version the user owns or edits, newest first', async () => {
      const store = makeStore();
      const ws = newWorkspace();
      const [older, newer] = [newPlanId(), newPlanId()];
      await store.freeze(ws, older, freezeInput({ title: 'Older', editorIds: ['UED1', 'UED2'] }));
      await store.freeze(
        ws,
        newer,
        freezeInput({ title: 'Newer', publishedAt: new Date('2026-05-01T00:00:00Z') }),
      );
      await store.attachPost(ws, newer, 1, post());

      expect(await store.listPublishedForUser(ws, 'UOWNER')).toEqual([
        {
          planId: newer,
          title: 'Newer',
          latestVersion: 1,
          ownerId: 'UOWNER',
          editorIds: ['UED1'],
          publishedAt: new Date('2026-05-01T00:00:00Z'),
          publishedBy: 'UOWNER',
          posted: true,
        },
        expect.objectContaining({ planId: older, title: 'Older', posted: false }),
      ]);
      expect((await store.listPublishedForUser(ws, 'UED2')).map((p) => p.planId)).toEqual([older]);
      expect(await store.listPublishedForUser(ws, 'USTRANGER')).toEqual([]);

      // v2 changes the editors and the owner: access follows the latest version.
      await store.freeze(
        ws,
        older,
        freezeInput({ title: 'Older v2', ownerId: 'UED1', editorIds: ['UED3'] }),
      );
      expect(await store.listPublishedForUser(ws, 'UED2')).toEqual([]);
      expect((await store.listPublishedForUser(ws, 'UOWNER')).map((p) => p.planId)).toEqual([
        newer,
      ]);
      expect(await store.listPublishedForUser(ws, 'UED3')).toEqual([
        expect.objectContaining({ planId: older, title: 'Older v2', latestVersion: 2 }),
      ]);
    });
  });
}
