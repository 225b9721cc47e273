import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/store/errors.js';
import type { CheckinRound, KpiValuesStore } from '../../../src/store/kpiValuesStore.js';
import {
  checkinRoundKey,
  kpiSeriesKey,
  SERIES_MAX,
} from '../../../src/store/redis/kpiValuesKeys.js';
import { createRedisKpiValuesStore } from '../../../src/store/redis/kpiValuesRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

let redis: Redis;
let store: KpiValuesStore;
beforeAll(() => {
  redis = connectTestRedis();
  store = createRedisKpiValuesStore(redis);
});
afterAll(async () => {
  await redis.quit();
});

const OWNER = 'U0OWNER0001';
const OTHER = 'U0OWNER0002';
const PLAN = 'AB12CD34';
const newWs = () => workspaceKey({ teamId: uniqueWorkspace() });

function round(periodKey: string, fields: Partial<CheckinRound> = {}): CheckinRound {
  const openedAt = new Date('2027-01-04T02:00:00Z');
  return {
    roundId: `${periodKey}~orders`,
    planId: PLAN,
    version: 1,
    periodKey,
    openedAt,
    closesAt: new Date(openedAt.getTime() + 24 * 3600_000),
    kpiIds: ['orders', 'churn'],
    owners: { [OWNER]: ['orders'], [OTHER]: ['churn'] },
    trigger: 'schedule',
    ...fields,
  };
}

describe('KPI check-in store on Redis', () => {
  it('opens a round once: a second open (another replica) gets the first round back', async () => {
    const ws = newWs();
    const first = await store.openRound(ws, round('2027-W01'));
    const second = await store.openRound(
      ws,
      round('2027-W01', { closesAt: new Date('2030-01-01T00:00:00Z') }),
    );
    expect(second).toEqual(first);
    expect(await redis.pttl(checkinRoundKey(ws, PLAN, first.roundId))).toBeGreaterThan(0);
  });

  it('records answers with a revision; a second answer in the round replaces the first, in the series too', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round('2027-W01'));
    const at = new Date('2027-01-04T05:00:00Z');
    expect(
      await store.recordAnswer(ws, PLAN, r.roundId, { userId: OWNER, at, values: { orders: 10 } }),
    ).toEqual({
      revision: 1,
    });
    expect(
      await store.recordAnswer(ws, PLAN, r.roundId, {
        userId: OWNER,
        at: new Date(at.getTime() + 60_000),
        values: { orders: 12.5 },
        comment: 'fixed a typo',
        confidence: 'medium',
      }),
    ).toEqual({ revision: 2 });
    const history = await store.history(ws, PLAN, 'orders', 10);
    expect(history).toEqual([
      { value: 12.5, periodKey: '2027-W01', at: new Date(at.getTime() + 60_000) },
    ]);
    const state = await store.getRound(ws, PLAN, r.roundId);
    expect(state?.answers[OWNER]).toMatchObject({
      values: { orders: 12.5 },
      comment: 'fixed a typo',
      confidence: 'medium',
    });
    expect(state?.revision).toBe(2);
  });

  it('refuses an answer for a round that does not exist (nothing written)', async () => {
    const ws = newWs();
    const result = await store.recordAnswer(ws, PLAN, '2027-W09~orders', {
      userId: OWNER,
      at: new Date(),
      values: { orders: 1 },
    });
    expect(result).toBeNull();
    expect(await store.history(ws, PLAN, 'orders', 5)).toEqual([]);
  });

  it('keeps each series newest first and bounded', async () => {
    const ws = newWs();
    const start = Date.parse('2020-01-06T02:00:00Z');
    for (let week = 0; week < SERIES_MAX + 5; week++) {
      const r = await store.openRound(ws, round(`W${week}`, { roundId: `W${week}~orders` }));
      await store.recordAnswer(ws, PLAN, r.roundId, {
        userId: OWNER,
        at: new Date(start + week * 7 * 24 * 3600_000),
        values: { orders: week },
      });
    }
    expect(await redis.zcard(kpiSeriesKey(ws, PLAN, 'orders'))).toBe(SERIES_MAX);
    const newest = await store.history(ws, PLAN, 'orders', 2);
    expect(newest.map((r) => r.value)).toEqual([SERIES_MAX + 4, SERIES_MAX + 3]);
  });

  it('stores a plan-year of 10 weekly KPIs in well under 50 KB', async () => {
    const ws = newWs();
    const kpiIds = Array.from({ length: 10 }, (_, i) => `kpi-metric-${i}`);
    const owners = { [OWNER]: kpiIds };
    const start = Date.parse('2027-01-04T02:00:00Z');
    for (let week = 1; week <= 52; week++) {
      const periodKey = `2027-W${String(week).padStart(2, '0')}`;
      const r = await store.openRound(
        ws,
        round(periodKey, { roundId: `${periodKey}~kpi-metric-0`, kpiIds, owners }),
      );
      const values = Object.fromEntries(kpiIds.map((id, i) => [id, 1234.5678 + week * i]));
      await store.recordAnswer(ws, PLAN, r.roundId, {
        userId: OWNER,
        at: new Date(start + week * 7 * 24 * 3600_000),
        values,
      });
    }
    let bytes = 0;
    for (const id of kpiIds) {
      bytes += Number(await redis.call('MEMORY', 'USAGE', kpiSeriesKey(ws, PLAN, id)));
    }
    expect(bytes).toBeLessThan(50 * 1024);
  });

  it('lets exactly one caller post the digest; another takes over only after the lease', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round('2027-W01'));
    const now = 1_000_000;
    expect(
      await store.claimDigest(ws, PLAN, r.roundId, { token: 'a', nowMs: now, leaseMs: 60_000 }),
    ).toEqual({
      state: 'claimed',
    });
    expect(
      await store.claimDigest(ws, PLAN, r.roundId, { token: 'b', nowMs: now + 1, leaseMs: 60_000 }),
    ).toEqual({
      state: 'busy',
    });
    expect(
      await store.claimDigest(ws, PLAN, r.roundId, {
        token: 'b',
        nowMs: now + 60_001,
        leaseMs: 60_000,
      }),
    ).toEqual({ state: 'claimed' });
    const digest = {
      channel: 'C0PLAN0001',
      ts: '1800000000.000100',
      postedAt: new Date(now),
      revision: 0,
    };
    await store.attachDigest(ws, PLAN, r.roundId, digest);
    expect(
      await store.claimDigest(ws, PLAN, r.roundId, { token: 'c', nowMs: now + 2, leaseMs: 60_000 }),
    ).toEqual({
      state: 'posted',
      digest,
    });
  });

  it('keeps the owner’s status thresholds per plan; none stored reads as the defaults', async () => {
    const ws = newWs();
    expect(await store.getThresholds(ws, PLAN)).toEqual({});
    await store.setThresholds(ws, PLAN, { atRisk: 0.95, offTrack: 0.8, stayTolerance: 0.05 });
    expect(await store.getThresholds(ws, PLAN)).toEqual({
      atRisk: 0.95,
      offTrack: 0.8,
      stayTolerance: 0.05,
    });
    expect(await store.getThresholds(ws, 'OTHER123')).toEqual({});
    await expect(
      store.setThresholds(ws, PLAN, { atRisk: 0.5, offTrack: 0.9, stayTolerance: 0.1 }),
    ).rejects.toThrow();
  });

  it('raises corrupt_record for a tampered round instead of half-reading it', async () => {
    const ws = newWs();
    const r = await store.openRound(ws, round('2027-W01'));
    await redis.hset(
      checkinRoundKey(ws, PLAN, r.roundId),
      'ans:U0EVIL0001',
      '{"userId":"<!channel>"}',
    );
    const error = await store.getRound(ws, PLAN, r.roundId).catch((e: unknown) => e);
    expect(isStoreError(error, 'corrupt_record')).toBe(true);
  });
});
