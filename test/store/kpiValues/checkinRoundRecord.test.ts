import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinRound, KpiValuesStore } from '../../../src/store/kpiValuesStore.js';
import { checkinRoundKey, kpiSeriesKey } from '../../../src/store/redis/kpiValuesKeys.js';
import { createRedisKpiValuesStore } from '../../../src/store/redis/kpiValuesRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

/**
 * What a round keeps in Redis while it lives (120 days): no per-KPI copies of values the series
 * already holds, no digest claim once the digest is out — and rounds written in the older, fuller
 * layout (alive in production until their TTL ends) still read and take answers.
 */

let redis: Redis;
let store: KpiValuesStore;
beforeAll(() => {
  redis = connectTestRedis();
  store = createRedisKpiValuesStore(redis);
});
afterAll(async () => {
  await redis.quit();
});

const ALICE = 'U0ALICE0001';
const BOB = 'U0BOB000001';
const PLAN = 'AB12CD34';
const OPENED = new Date('2027-01-04T02:00:00Z');
const HOUR = 3600_000;
const at = (hours: number) => new Date(OPENED.getTime() + hours * HOUR);
const newWs = () => workspaceKey({ teamId: uniqueWorkspace() });

function round(fields: Partial<CheckinRound> = {}): CheckinRound {
  return {
    roundId: '2027-W01~orders',
    planId: PLAN,
    version: 3,
    periodKey: '2027-W01',
    openedAt: OPENED,
    closesAt: at(24),
    kpiIds: ['orders', 'churn', 'cash'],
    owners: { [ALICE]: ['orders', 'churn'], [BOB]: ['cash'] },
    trigger: 'schedule',
    ...fields,
  };
}

async function seriesOf(ws: ReturnType<typeof newWs>, kpiId: string): Promise<string[]> {
  return redis.zrange(kpiSeriesKey(ws, PLAN, kpiId), '0', '-1');
}

/** Posts the digest as the digest publisher does: claim, then attach. */
async function postDigest(ws: ReturnType<typeof newWs>, roundId: string, revision: number) {
  const claim = await store.claimDigest(ws, PLAN, roundId, {
    token: 'replica-a',
    nowMs: at(24).getTime(),
    leaseMs: 60_000,
  });
  expect(claim).toEqual({ state: 'claimed' });
  const digest = { channel: 'C0PLANS0001', ts: '1799118000.000100', postedAt: at(24), revision };
  await store.attachDigest(ws, PLAN, roundId, digest);
  return digest;
}

describe('a check-in round record on Redis', () => {
  it('once its digest is out holds only the round, the answers, the revision and the digest; a late correction still replaces the value and updates what the digest reads', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round());
    await store.recordAnswer(ws, PLAN, r.roundId, {
      userId: ALICE,
      at: at(1),
      values: { orders: 150, churn: 3.2 },
      comment: 'Launch went well',
      confidence: 'high',
    });
    const digest = await postDigest(ws, r.roundId, 1);

    const key = checkinRoundKey(ws, PLAN, r.roundId);
    expect((await redis.hkeys(key)).sort()).toEqual(['ans:U0ALICE0001', 'digest', 'meta', 'rev']);
    expect(await redis.pttl(key)).toBeGreaterThan(119 * 24 * HOUR);

    // Bob reports late, Alice corrects hers: the series keeps one value per KPI for the round.
    expect(
      await store.recordAnswer(ws, PLAN, r.roundId, {
        userId: BOB,
        at: at(30),
        values: { cash: 9 },
      }),
    ).toEqual({ revision: 2 });
    expect(
      await store.recordAnswer(ws, PLAN, r.roundId, {
        userId: ALICE,
        at: at(31),
        values: { orders: 155, churn: 3.2 },
      }),
    ).toEqual({ revision: 3 });
    expect(await seriesOf(ws, 'orders')).toEqual(['2027-W01|155']);
    expect(await seriesOf(ws, 'churn')).toEqual(['2027-W01|3.2']);
    expect(await seriesOf(ws, 'cash')).toEqual(['2027-W01|9']);
    expect(await store.history(ws, PLAN, 'orders', 5)).toEqual([
      { value: 155, periodKey: '2027-W01', at: at(31) },
    ]);

    // Everything the digest update, the nudge and a Report click read is still there.
    expect(await store.getRound(ws, PLAN, r.roundId)).toEqual({
      round: round(),
      answers: {
        [ALICE]: { userId: ALICE, at: at(31), values: { orders: 155, churn: 3.2 } },
        [BOB]: { userId: BOB, at: at(30), values: { cash: 9 } },
      },
      digest,
      revision: 3,
    });
    expect(
      await store.claimDigest(ws, PLAN, r.roundId, {
        token: 'replica-b',
        nowMs: at(32).getTime(),
        leaseMs: 60_000,
      }),
    ).toEqual({ state: 'posted', digest });
    expect((await redis.hkeys(key)).sort()).toEqual([
      'ans:U0ALICE0001',
      'ans:U0BOB000001',
      'digest',
      'meta',
      'rev',
    ]);
  });

  it('keeps one value per KPI in the series when the same owner answers several times at once', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round());
    const values = [10, 11, 12, 13, 14, 15];
    const results = await Promise.all(
      values.map((orders, i) =>
        store.recordAnswer(ws, PLAN, r.roundId, {
          userId: ALICE,
          at: at(1 + i / 10),
          values: { orders },
        }),
      ),
    );
    expect(results.map((result) => result?.revision).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const stored = (await store.getRound(ws, PLAN, r.roundId))?.answers[ALICE]?.values.orders;
    expect(await seriesOf(ws, 'orders')).toEqual([`2027-W01|${stored}`]);
  });

  it('treats a correction that leaves a KPI out as replacing its earlier value too', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round());
    await store.recordAnswer(ws, PLAN, r.roundId, {
      userId: ALICE,
      at: at(1),
      values: { orders: 150, churn: 3.2 },
    });
    await store.recordAnswer(ws, PLAN, r.roundId, {
      userId: ALICE,
      at: at(2),
      values: { orders: 151 },
    });
    expect(await seriesOf(ws, 'churn')).toEqual([]);
    await store.recordAnswer(ws, PLAN, r.roundId, {
      userId: ALICE,
      at: at(3),
      values: { churn: 4 },
    });
    expect(await seriesOf(ws, 'churn')).toEqual(['2027-W01|4']);
    expect(await seriesOf(ws, 'orders')).toEqual([]);
  });

  it('keeps every owner’s answer when owners answer at once', async () => {
    const ws = newWs();
    const owners = Array.from({ length: 8 }, (_, i) => `U0OWNER000${i}`);
    const kpiIds = owners.map((_, i) => `kpi-${i}`);
    const r = await store.openRound(
      ws,
      round({ kpiIds, owners: Object.fromEntries(owners.map((u, i) => [u, [`kpi-${i}`]])) }),
    );
    await Promise.all(
      owners.map((userId, i) =>
        store.recordAnswer(ws, PLAN, r.roundId, { userId, at: at(1), values: { [`kpi-${i}`]: i } }),
      ),
    );
    const state = await store.getRound(ws, PLAN, r.roundId);
    expect(Object.keys(state?.answers ?? {}).sort()).toEqual(owners);
    expect(state?.revision).toBe(owners.length);
    for (const [i, kpiId] of kpiIds.entries()) {
      expect(await seriesOf(ws, kpiId)).toEqual([`2027-W01|${i}`]);
    }
  });

  it('leaves nothing behind when a digest is attached to a round that expired', async () => {
    const ws = newWs();
    await store.attachDigest(ws, PLAN, '2027-W09~orders', {
      channel: 'C0PLANS0001',
      ts: '1799118000.000100',
    });
    expect(await redis.exists(checkinRoundKey(ws, PLAN, '2027-W09~orders'))).toBe(0);
  });

  it('reads a round written in the older layout and takes a late correction for it', async () => {
    const ws = newWs();
    const key = checkinRoundKey(ws, PLAN, '2027-W01~orders');
    const postedAt = '2027-01-05T02:00:00.000Z';
    // Exactly what the store wrote before rounds were compacted.
    await redis.hset(key, {
      meta: JSON.stringify({
        roundId: '2027-W01~orders',
        planId: PLAN,
        version: 3,
        periodKey: '2027-W01',
        openedAt: OPENED.toISOString(),
        closesAt: at(24).toISOString(),
        kpiIds: ['orders', 'churn', 'cash'],
        owners: { [ALICE]: ['orders', 'churn'], [BOB]: ['cash'] },
        trigger: 'schedule',
      }),
      [`ans:${ALICE}`]: JSON.stringify({
        userId: ALICE,
        at: at(1).toISOString(),
        values: { orders: 150, churn: 3.2 },
        comment: 'Launch went well',
      }),
      'val:orders': '2027-W01|150',
      'val:churn': '2027-W01|3.2',
      rev: '1',
      digestClaim: `${at(24).getTime() + 60_000}:replica-a`,
      digest: JSON.stringify({
        channel: 'C0PLANS0001',
        ts: '1799118000.000100',
        postedAt,
        revision: 1,
      }),
    });
    await redis.pexpire(key, 100 * 24 * HOUR);
    await redis.zadd(kpiSeriesKey(ws, PLAN, 'orders'), at(1).getTime(), '2027-W01|150');
    await redis.zadd(kpiSeriesKey(ws, PLAN, 'churn'), at(1).getTime(), '2027-W01|3.2');

    const digest = {
      channel: 'C0PLANS0001',
      ts: '1799118000.000100',
      postedAt: new Date(postedAt),
      revision: 1,
    };
    expect(await store.getRound(ws, PLAN, '2027-W01~orders')).toEqual({
      round: round(),
      answers: {
        [ALICE]: {
          userId: ALICE,
          at: at(1),
          values: { orders: 150, churn: 3.2 },
          comment: 'Launch went well',
        },
      },
      digest,
      revision: 1,
    });

    await store.recordAnswer(ws, PLAN, '2027-W01~orders', {
      userId: ALICE,
      at: at(40),
      values: { orders: 160, churn: 3.5 },
    });
    expect(await seriesOf(ws, 'orders')).toEqual(['2027-W01|160']);
    expect(await seriesOf(ws, 'churn')).toEqual(['2027-W01|3.5']);
    expect((await redis.hkeys(key)).filter((field) => field.startsWith('val:'))).toEqual([]);
    expect((await store.getRound(ws, PLAN, '2027-W01~orders'))?.answers[ALICE]).toEqual({
      userId: ALICE,
      at: at(40),
      values: { orders: 160, churn: 3.5 },
    });
    expect(
      await store.claimDigest(ws, PLAN, '2027-W01~orders', {
        token: 'replica-b',
        nowMs: at(41).getTime(),
        leaseMs: 60_000,
      }),
    ).toEqual({ state: 'posted', digest });
  });
});
