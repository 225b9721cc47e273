import calculateSlot from 'cluster-key-slot';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { isStoreError } from '../../../src/store/errors.js';
import type { PublishedStore } from '../../../src/store/publishedStore.js';
import { publishRecordKey } from '../../../src/store/redis/publishedKeys.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { samplePlan } from '../../render/support/samplePlan.js';
import { connectTestRedis } from '../../support/redis/testRedis.js';
import { type TestDoc, TestDocSchema, testDoc } from '../testDoc.js';
import {
  freezeInput,
  MINUTE_MS,
  newPlanId,
  newWorkspace,
  post,
} from './contract/publishedSubject.js';
import { describePublishedStoreContract } from './publishedStoreContract.js';

const clients: Redis[] = [];
function newClient(): Redis {
  const client = connectTestRedis();
  clients.push(client);
  return client;
}
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
});

describePublishedStoreContract(
  'RedisPublishedStore (standalone)',
  (options) => new RedisPublishedStore(newClient(), TestDocSchema, options),
);

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

const corruptRecord = (error: unknown) => isStoreError(error, 'corrupt_record');

describe('RedisPublishedStore on real Redis', () => {
  let redis: Redis;
  let store: PublishedStore<TestDoc>;
  beforeAll(() => {
    redis = newClient();
    store = new RedisPublishedStore(redis, TestDocSchema);
  });

  async function publishedPlan(ws: WorkspaceKey) {
    const planId = newPlanId();
    await store.beginPublish(ws, planId, 'k', { ttlMs: MINUTE_MS, owner: 'A' });
    await store.freeze(ws, planId, freezeInput({ idempotencyKey: 'k' }));
    await store.freeze(ws, planId, freezeInput({ doc: testDoc({ counter: 1 }) }));
    await store.attachPost(ws, planId, 1, post());
    await store.completePublish(ws, planId, 'k', { version: 1, post: post() });
    return planId;
  }

  it('keeps every key of a workspace, drafts included, in one Redis Cluster slot', async () => {
    const ws = newWorkspace();
    await publishedPlan(ws);
    await new RedisDraftStore(redis, TestDocSchema).create(ws, {
      doc: testDoc(),
      title: 'revision draft',
      ownerId: 'UOWNER',
      editorIds: [],
      by: 'UOWNER',
    });
    const keys = await workspaceKeys(redis, ws);
    expect(keys.filter((key) => key.includes(':plan:')).length).toBeGreaterThanOrEqual(6);
    expect(new Set(keys.map((key) => calculateSlot(key)))).toEqual(
      new Set([calculateSlot(`{${ws}}`)]),
    );
  });

  it('puts no TTL on published data; only the idempotency record expires, after about 7 days', async () => {
    const ws = newWorkspace();
    const planId = await publishedPlan(ws);
    const record = publishRecordKey(ws, planId, 'k');
    for (const key of await workspaceKeys(redis, ws)) {
      const ttl = await redis.pttl(key);
      if (key === record) {
        expect(ttl).toBeGreaterThan(7 * 24 * 3600_000 - MINUTE_MS);
        expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600_000);
      } else {
        expect(ttl, key).toBe(-1);
      }
    }
  });

  it('stores and returns a real plan document unchanged', async () => {
    const plans = new RedisPublishedStore(redis, PlanSchema);
    const ws = newWorkspace();
    const planId = newPlanId();
    const doc = samplePlan('zh-CN');
    await plans.freeze(ws, planId, { ...freezeInput(), doc, title: doc.meta.title });
    expect((await plans.latest(ws, planId))?.doc).toEqual(doc);
  });

  it('keeps a frozen version deflated, and still reads one kept as JSON text (written before)', async () => {
    const plans = new RedisPublishedStore(redis, PlanSchema);
    const ws = newWorkspace();
    const planId = newPlanId();
    const doc = samplePlan('en');
    const input = { ...freezeInput(), doc, title: doc.meta.title };
    await plans.freeze(ws, planId, input);
    const docsKey = `opsplan:{${ws}}:plan:${planId}:docs`;
    const json = JSON.stringify({
      title: input.title,
      ownerId: input.ownerId,
      editorIds: input.editorIds,
      publishedBy: input.publishedBy,
      publishedAt: input.publishedAt.toISOString(),
      reviewSummary: input.reviewSummary,
      doc,
    });
    const stored = await redis.hgetBuffer(docsKey, '1');
    expect(stored?.[0]).toBe(0x01);
    expect(stored?.length).toBeLessThan(Buffer.byteLength(json));
    const frozen = await plans.get(ws, planId, 1);
    expect(frozen?.doc).toEqual(doc);

    await redis.hset(docsKey, '1', json);
    expect(await plans.get(ws, planId, 1)).toEqual(frozen);
  });

  describe('corrupt data in Redis', () => {
    it('reports a frozen version that is not JSON, not a valid document or does not inflate as corrupt_record', async () => {
      const values = [
        '{"doc": cut',
        JSON.stringify({ doc: { goal: 1 } }),
        Buffer.of(0x01, 0xff, 0xfe),
      ];
      for (const value of values) {
        const ws = newWorkspace();
        const planId = await publishedPlan(ws);
        await redis.hset(`opsplan:{${ws}}:plan:${planId}:docs`, '2', value);
        await expect(store.get(ws, planId, 2)).rejects.toSatisfy(corruptRecord);
        await expect(store.latest(ws, planId)).rejects.toSatisfy(corruptRecord);
      }
    });

    it('refuses to freeze over a broken counter, and never overwrites a version ahead of it', async () => {
      const ws = newWorkspace();
      const planId = await publishedPlan(ws);
      const head = `opsplan:{${ws}}:plan:${planId}`;
      const v2 = await redis.hget(`${head}:docs`, '2');

      await redis.hset(head, 'latest', 'two');
      await expect(store.freeze(ws, planId, freezeInput())).rejects.toSatisfy(corruptRecord);
      await expect(store.latest(ws, planId)).rejects.toSatisfy(corruptRecord);

      await redis.hset(head, 'latest', '1'); // counter behind the data
      await expect(store.freeze(ws, planId, freezeInput())).rejects.toSatisfy(corruptRecord);
      expect(await redis.hget(`${head}:docs`, '2')).toBe(v2);
    });

    it('reports broken list entries, posts, heads and publish records with the same code', async () => {
      const ws = newWorkspace();
      const planId = await publishedPlan(ws);
      const head = `opsplan:{${ws}}:plan:${planId}`;
      await redis.hset(`${head}:meta`, '2', '{"publishedAt": 1}');
      await expect(store.list(ws, planId)).rejects.toSatisfy(corruptRecord);
      await redis.hset(`${head}:posts`, '1', '{"channel":"C1"}');
      await expect(store.get(ws, planId, 1)).rejects.toSatisfy(corruptRecord);
      await redis.hset(head, 'publishedAt', 'yesterday');
      await expect(store.listPublishedForUser(ws, 'UOWNER')).rejects.toSatisfy(corruptRecord);
      const record = publishRecordKey(ws, planId, 'k');
      await redis.hset(record, 'state', 'maybe');
      await expect(
        store.beginPublish(ws, planId, 'k', { ttlMs: MINUTE_MS, owner: 'B' }),
      ).rejects.toSatisfy(corruptRecord);
      await redis.hset(record, 'state', 'done', 'post', 'nope');
      await expect(
        store.beginPublish(ws, planId, 'k', { ttlMs: MINUTE_MS, owner: 'B' }),
      ).rejects.toSatisfy(corruptRecord);
      // An expired attempt whose recorded progress is not Slack ts: never continued from.
      await redis.del(record);
      await redis.hset(record, 'state', 'in_progress', 'owner', 'A', 'leaseUntil', '0');
      await redis.hset(record, 'summaryTs', '1767225600.000100', 'replyTs', '1.2 oops');
      await expect(
        store.beginPublish(ws, planId, 'k', { ttlMs: MINUTE_MS, owner: 'B' }),
      ).rejects.toSatisfy(corruptRecord);
    });
  });
});
