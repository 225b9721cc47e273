import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import { createRedisScheduleStore } from '../../../src/store/redis/scheduleRedisStore.js';
import type { ScheduleStore } from '../../../src/store/scheduleStore.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import {
  connectNamespaced,
  testNamespace,
  testWorkspace,
} from '../../scheduler/engine/engineHarness.js';

/** Renewing and giving back many claims of a bucket in one call: only the token's holder may. */

const spec = ScheduleSpecSchema.parse({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
  timezone: 'UTC',
});
const T0 = new Date('2027-06-01T10:00:00Z');
const at = (ms: number) => new Date(+T0 + ms);

let clients: Redis[] = [];
afterEach(() => {
  for (const c of clients) c.disconnect();
  clients = [];
});

/** One workspace's three plans due at T0, claimed by token 'A' for one second. */
async function claimedThree(): Promise<{ store: ScheduleStore; bucket: number; sids: string[] }> {
  const client = connectNamespaced(testNamespace());
  clients.push(client);
  const store = createRedisScheduleStore(client);
  const ws: WorkspaceKey = testWorkspace();
  for (const planId of ['p0', 'p1', 'p2']) {
    await store.upsertSchedule(
      ws,
      planId,
      { kind: 'revision_reminder', target: 'plan', spec },
      T0,
      T0,
    );
  }
  const [bucket] = await store.dueBuckets(T0);
  if (bucket === undefined) throw new Error('nothing due');
  const sids = await store.claimDue(bucket, T0, 1_000, 10, 'A');
  expect(sids).toHaveLength(3);
  expect(store.workspaceOf(sids[0] as string)).toBe(ws);
  return { store, bucket, sids };
}

describe('schedule leases in bulk', () => {
  it('renewClaims extends the claims still held and answers the ones that are not', async () => {
    const { store, bucket, sids } = await claimedThree();
    const [p0, p1, p2] = sids as [string, string, string];
    // p1 ended meanwhile; p2 expired and another replica claimed it (as did A again, fresh).
    await store.completeClaim({ bucket, sid: p1, token: 'A' }, { revRead: '1', now: T0 });
    await store.renewClaim({ bucket, sid: p2, token: 'A' }, at(500));
    expect(await store.claimDue(bucket, at(600), 1_000, 10, 'B')).toEqual([p2]);
    const renewed = [
      { sid: p0, token: 'A', at: at(10_000), tag: 'p0' },
      { sid: p1, token: 'A', at: at(10_000), tag: 'p1' },
      { sid: p2, token: 'A', at: at(10_000), tag: 'p2 stale' },
      { sid: p2, token: 'B', at: at(10_000), tag: 'p2 fresh' },
    ];
    const lost = await store.renewClaims(bucket, renewed);
    expect(lost.map((entry) => entry.tag)).toEqual(['p1', 'p2 stale']);
    // Held until 10 s now: nobody can claim p0 or p2 at 9 s, both at 10 s.
    expect(await store.claimDue(bucket, at(9_000), 1_000, 10, 'C')).toEqual([]);
    expect((await store.claimDue(bucket, at(10_000), 1_000, 10, 'C')).sort()).toEqual(
      [p0, p2].sort(),
    );
  });

  it('releaseClaims makes the caller’s claims due again at once, and leaves others’ alone', async () => {
    const { store, bucket, sids } = await claimedThree();
    const [p0, p1, p2] = sids as [string, string, string];
    const released = await store.releaseClaims(bucket, [
      { sid: p0, token: 'A', at: at(100) },
      { sid: p1, token: 'not-A', at: at(100) },
    ]);
    expect(released).toBe(1);
    // Long before A's lease ends, p0 is another replica's to take; p1 and p2 are still A's.
    expect(await store.claimDue(bucket, at(200), 60_000, 10, 'B')).toEqual([p0]);
    expect(await store.renewClaim({ bucket, sid: p0, token: 'A' }, at(5_000))).toBe(false);
    expect(await store.renewClaims(bucket, [{ sid: p1, token: 'A', at: at(5_000) }])).toEqual([]);
    expect(await store.claimDue(bucket, at(1_500), 1_000, 10, 'B')).toEqual([p2]);
  });
});
