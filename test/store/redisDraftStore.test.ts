import calculateSlot from 'cluster-key-slot';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftStore } from '../../src/store/draftStore.js';
import { isStoreError, type StoreErrorCode } from '../../src/store/errors.js';
import { draftKeys } from '../../src/store/redis/draftKeys.js';
import { registerDraftScripts } from '../../src/store/redis/draftScripts.js';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import type { WorkspaceKey } from '../../src/store/workspaceKey.js';
import { connectTestRedis } from '../support/redis/testRedis.js';
import { createTestDraft, newWorkspace } from './contract/contractSubject.js';
import { describeDraftStoreContract } from './draftStoreContract.js';
import { type TestDoc, TestDocSchema, testDoc } from './testDoc.js';

const clients: Redis[] = [];
function newClient(): Redis {
  const client = connectTestRedis();
  clients.push(client);
  return client;
}
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
});

describeDraftStoreContract(
  'RedisDraftStore (standalone)',
  (options) => new RedisDraftStore(newClient(), TestDocSchema, options),
);

/** Every key of the workspace, read straight from Redis. */
async function workspaceKeys(redis: Redis, ws: WorkspaceKey): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `opsplan:{${ws}}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys.sort();
}

function rejectsWith(code: StoreErrorCode) {
  return (error: unknown) => isStoreError(error, code);
}

describe('RedisDraftStore on real Redis', () => {
  let redis: Redis;
  let store: DraftStore<TestDoc>;
  beforeAll(() => {
    redis = newClient();
    store = new RedisDraftStore(redis, TestDocSchema);
  });

  async function populatedDraft(ws: WorkspaceKey) {
    const draft = await createTestDraft(store, ws, { editorIds: ['UED1', 'UED2'] });
    await store.save(ws, draft.id, {
      expectedVersion: 1,
      doc: testDoc({ counter: 1 }),
      title: 'Renamed',
      editorIds: ['UED2', 'UED3'],
      by: 'UED1',
    });
    await store.putPendingInput(ws, draft.id, 'UED3', 'kpis', { rows: 2 });
    return draft;
  }

  it('keeps every key of a workspace in one Redis Cluster slot', async () => {
    // Reference value from the Redis Cluster specification: the slot function is the real one.
    expect(calculateSlot('123456789')).toBe(12739);
    const ws = newWorkspace();
    await populatedDraft(ws);
    await populatedDraft(ws);

    const keys = await workspaceKeys(redis, ws);
    expect(keys.length).toBeGreaterThanOrEqual(11); // 2 × (draft, revs, revmeta, pending) + 3 indexes
    const slots = new Set(keys.map((key) => calculateSlot(key)));
    expect([...slots]).toEqual([calculateSlot(`{${ws}}`)]);
  });

  it('leaves no key of the workspace behind once its drafts are deleted', async () => {
    const ws = newWorkspace();
    const drafts = [await populatedDraft(ws), await populatedDraft(ws)];
    expect((await workspaceKeys(redis, ws)).length).toBeGreaterThan(0);

    for (const draft of drafts) expect(await store.delete(ws, draft.id)).toEqual({ ok: true });

    expect(await workspaceKeys(redis, ws)).toEqual([]);
  });

  it('puts no TTL on draft data, only on pending input', async () => {
    const ws = newWorkspace();
    await populatedDraft(ws);
    for (const key of await workspaceKeys(redis, ws)) {
      const ttl = await redis.ttl(key);
      if (key.endsWith(':pending')) expect(ttl).toBeGreaterThan(6 * 24 * 3600);
      else expect(ttl, key).toBe(-1);
    }
  });

  it("spares a draft the sweep found old if it was saved before the sweep's delete ran", async () => {
    const ws = newWorkspace();
    const draft = await populatedDraft(ws);
    // What the sweep does per draft, with a cutoff from before the draft's last save.
    const cutoff = Date.now() - 60_000;
    const reply = await registerDraftScripts(redis).delete(draftKeys(ws, draft.id), [
      draft.id,
      '',
      cutoff,
    ]);
    expect(reply).toEqual(['fresh']);
    expect((await store.get(ws, draft.id))?.version).toBe(2);
  });

  describe('stored documents', () => {
    const bigDoc = (counter: number) =>
      testDoc({ counter, items: Array.from({ length: 60 }, (_, i) => `Milestone ${i}: ship it`) });

    async function savedThreeTimes(ws: WorkspaceKey) {
      const draft = await createTestDraft(store, ws, { doc: bigDoc(0) });
      for (const version of [1, 2]) {
        await store.save(ws, draft.id, {
          expectedVersion: version,
          doc: bigDoc(version),
          title: `Title ${version}`,
          by: 'UOWNER',
        });
      }
      return { id: draft.id, prefix: `opsplan:{${ws}}:draft:${draft.id}` };
    }

    it('keeps the record and older revisions deflated, the newest revision being the record; history, revision and restore round-trip', async () => {
      const ws = newWorkspace();
      const { id, prefix } = await savedThreeTimes(ws);
      const json = Buffer.byteLength(JSON.stringify(bigDoc(2)));
      const doc = await redis.hgetBuffer(prefix, 'doc');
      expect(doc?.[0]).toBe(0x01);
      expect(doc?.length).toBeLessThan(json / 4);
      expect((await redis.hkeys(`${prefix}:revs`)).sort()).toEqual(['1', '2']);
      for (const stored of Object.values(await redis.hgetallBuffer(`${prefix}:revs`))) {
        expect(stored[0]).toBe(0x01);
        expect(stored.length).toBeLessThan(json / 4);
      }

      expect((await store.history(ws, id)).map((r) => r.version)).toEqual([3, 2, 1]);
      for (const version of [1, 2, 3]) {
        expect((await store.getRevision(ws, id, version))?.doc).toEqual(bigDoc(version - 1));
      }
      const restored = await store.restore(ws, id, 1, { expectedVersion: 3, by: 'UOWNER' });
      expect(restored).toMatchObject({ ok: true, record: { version: 4, doc: bigDoc(0) } });
      expect((await store.getRevision(ws, id, 3))?.doc).toEqual(bigDoc(2));
      expect((await store.getRevision(ws, id, 4))?.doc).toEqual(bigDoc(0));
      expect((await store.history(ws, id))[0]).toMatchObject({ version: 4, restoredFrom: 1 });
    });

    it('reads, restores and saves over a draft written before documents were deflated', async () => {
      const ws = newWorkspace();
      const { id, prefix } = await savedThreeTimes(ws);
      // What the store wrote before: JSON text in the record and in revs, the newest included.
      await redis.hset(prefix, 'doc', JSON.stringify(bigDoc(2)));
      for (const version of [1, 2, 3]) {
        await redis.hset(`${prefix}:revs`, String(version), JSON.stringify(bigDoc(version - 1)));
      }

      expect((await store.get(ws, id))?.doc).toEqual(bigDoc(2));
      for (const version of [1, 2, 3]) {
        expect((await store.getRevision(ws, id, version))?.doc).toEqual(bigDoc(version - 1));
      }
      const restored = await store.restore(ws, id, 2, { expectedVersion: 3, by: 'UOWNER' });
      expect(restored).toMatchObject({ ok: true, record: { version: 4, doc: bigDoc(1) } });
      for (const version of [1, 2, 3, 4]) {
        expect((await store.getRevision(ws, id, version))?.doc).toEqual(
          bigDoc(version === 4 ? 1 : version - 1),
        );
      }
      expect((await redis.hgetBuffer(`${prefix}:revs`, '3'))?.toString()).toBe(
        JSON.stringify(bigDoc(2)),
      );
    });

    it('reports a revision that does not inflate as corrupt_record', async () => {
      const ws = newWorkspace();
      const { id, prefix } = await savedThreeTimes(ws);
      await redis.hset(`${prefix}:revs`, '1', Buffer.of(0x01, 0xff, 0xfe));
      await redis.hset(prefix, 'doc', Buffer.of(0x01, 0x00));
      await expect(store.getRevision(ws, id, 1)).rejects.toSatisfy(rejectsWith('corrupt_record'));
      await expect(store.get(ws, id)).rejects.toSatisfy(rejectsWith('corrupt_record'));
      await expect(store.getRevision(ws, id, 3)).rejects.toSatisfy(rejectsWith('corrupt_record'));
    });
  });

  describe('corrupt data in Redis', () => {
    async function corruptField(field: string, value: string) {
      const ws = newWorkspace();
      const draft = await populatedDraft(ws);
      await redis.hset(`opsplan:{${ws}}:draft:${draft.id}`, field, value);
      return { ws, id: draft.id };
    }

    it('reports a document that is not JSON, or not a valid document, as corrupt_record', async () => {
      for (const doc of ['{"goal": "cut off', JSON.stringify({ goal: 42 })]) {
        const { ws, id } = await corruptField('doc', doc);
        await expect(store.get(ws, id)).rejects.toSatisfy(rejectsWith('corrupt_record'));
        await expect(store.findByRef(ws, id)).rejects.toSatisfy(rejectsWith('corrupt_record'));
        // A save replaces the broken document, and the draft is readable again.
        await expect(
          store.save(ws, id, { expectedVersion: 2, doc: testDoc(), title: 't', by: 'UED1' }),
        ).resolves.toMatchObject({ ok: true, record: { version: 3 } });
        expect((await store.get(ws, id))?.doc).toEqual(testDoc());
      }
    });

    it('refuses to save over a record whose version or owner is unreadable', async () => {
      for (const [field, value] of [
        ['version', 'two'],
        ['ownerId', ''],
      ] as const) {
        const { ws, id } = await corruptField(field, value);
        const input = { expectedVersion: 2, doc: testDoc(), title: 't', by: 'UED1' };
        await expect(store.save(ws, id, input)).rejects.toSatisfy(rejectsWith('corrupt_record'));
        await expect(store.get(ws, id)).rejects.toSatisfy(rejectsWith('corrupt_record'));
      }
    });

    it('reports corrupt summaries, history entries and pending input with the same code', async () => {
      const listed = await corruptField('updatedAt', 'yesterday');
      await expect(store.listForUser(listed.ws, 'UED2')).rejects.toSatisfy(
        rejectsWith('corrupt_record'),
      );

      const ws = newWorkspace();
      const draft = await populatedDraft(ws);
      const prefix = `opsplan:{${ws}}:draft:${draft.id}`;
      await redis.hset(`${prefix}:revmeta`, '1', '{"savedAt":1}');
      await redis.hset(`${prefix}:revs`, '2', '[]');
      await redis.hset(`${prefix}:pending`, JSON.stringify(['UED3', 'kpis']), 'nope');
      await expect(store.history(ws, draft.id)).rejects.toSatisfy(rejectsWith('corrupt_record'));
      await expect(store.getRevision(ws, draft.id, 2)).rejects.toSatisfy(
        rejectsWith('corrupt_record'),
      );
      await expect(store.getPendingInput(ws, draft.id, 'UED3', 'kpis')).rejects.toSatisfy(
        rejectsWith('corrupt_record'),
      );
    });

    it('still deletes a corrupt draft completely, index entries included', async () => {
      const { ws, id } = await corruptField('editorIds', '["UED2", oops');
      await redis.hdel(`opsplan:{${ws}}:draft:${id}`, 'titleHash');
      await expect(store.delete(ws, id, { expectedVersion: 2 })).resolves.toEqual({ ok: true });
      expect(await workspaceKeys(redis, ws)).toEqual([]);
    });
  });
});
