import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedStore } from '../../../src/store/publishedStore.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { redisOptions } from '../../../src/store/redisConnection.js';
import { isStorageUnavailable } from '../../../src/store/storageUnavailable.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { type TestDoc, TestDocSchema, testDoc } from '../testDoc.js';
import { freezeInput, newPlanId, newWorkspace } from './contract/publishedSubject.js';

/**
 * Redis crashing (kill -9, AOF with fsync always) while freezes are in flight: after the restart every
 * version that exists is complete — document, list entry, counter and index agree — and every
 * acknowledged freeze is there with its own document. No half-written version, ever.
 */
describe('RedisPublishedStore when Redis is killed mid-freeze', () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let store: PublishedStore<TestDoc>;

  beforeAll(async () => {
    server = await startRedisServer({ appendonly: true });
    redis = new Redis(server.url, redisOptions());
    redis.on('error', () => {}); // reconnect noise while the server is down is expected here
    store = new RedisPublishedStore(redis, TestDocSchema);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.dispose();
  });

  async function ready(): Promise<void> {
    if (redis.status !== 'ready') await once(redis, 'ready');
  }

  /** Every stored version of the plan, checked for completeness. */
  async function expectWholeVersions(ws: WorkspaceKey, planId: string): Promise<number> {
    const head = `opsplan:{${ws}}:plan:${planId}`;
    const latest = Number((await redis.hget(head, 'latest')) ?? 0);
    const numbers = (keys: string[]) => keys.map(Number).sort((a, b) => a - b);
    const expected = Array.from({ length: latest }, (_, i) => i + 1);
    expect(numbers(await redis.hkeys(`${head}:docs`))).toEqual(expected);
    expect(numbers(await redis.hkeys(`${head}:meta`))).toEqual(expected);
    expect(numbers(await redis.hvals(`${head}:freezes`))).toEqual(expected);
    expect((await store.list(ws, planId)).map((v) => v.version)).toEqual([...expected].reverse());
    if (latest > 0) {
      const newest = await store.latest(ws, planId);
      expect(newest?.version).toBe(latest);
      const members = await redis.zrange(`opsplan:{${ws}}:published:access`, '0', '-1');
      expect(members.filter((m) => m.endsWith(`:${planId}`)).sort()).toEqual([
        `UED1:${planId}`,
        `UOWNER:${planId}`,
      ]);
    }
    return latest;
  }

  it('keeps every acknowledged freeze and never a partial one across kill -9 and restart', async () => {
    await ready();
    const ws = newWorkspace();
    const plans = [newPlanId(), newPlanId(), newPlanId()];
    // Documents carry a serial number so each acknowledged freeze can be found under its version.
    const acknowledged = new Map<string, Map<number, number>>(plans.map((p) => [p, new Map()]));
    let serial = 0;
    let total = 0;
    let crash: Promise<void> | undefined;

    const keepFreezing = async (planId: string) => {
      for (;;) {
        const mine = serial++;
        try {
          const { version } = await store.freeze(
            ws,
            planId,
            freezeInput({ doc: testDoc({ counter: mine, items: ['x'.repeat(2000)] }) }),
          );
          acknowledged.get(planId)?.set(version, mine);
          total += 1;
          if (total === 90) crash = server.kill('SIGKILL');
        } catch (error) {
          return error;
        }
      }
    };
    const failures = await Promise.all(
      plans.flatMap((planId) => [keepFreezing(planId), keepFreezing(planId)]),
    );
    await crash;
    for (const failure of failures)
      expect(isStorageUnavailable(failure), String(failure)).toBe(true);

    await server.restart();
    await ready();
    for (const planId of plans) {
      const latest = await expectWholeVersions(ws, planId);
      const acked = acknowledged.get(planId) ?? new Map<number, number>();
      expect(latest).toBeGreaterThanOrEqual(Math.max(0, ...acked.keys()));
      for (const [version, mine] of acked) {
        expect((await store.get(ws, planId, version))?.doc.counter).toBe(mine);
      }
      // The restarted server has no cached scripts: EVALSHA falls back to EVAL, numbering goes on.
      expect((await store.freeze(ws, planId, freezeInput())).version).toBe(latest + 1);
      await expectWholeVersions(ws, planId);
    }
  });
});
