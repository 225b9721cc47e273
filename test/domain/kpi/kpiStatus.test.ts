import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/domain/fieldTypes.js';
import { expectedValue } from '../../../src/domain/kpi/expectedValue.js';
import { KpiThresholdsSchema, kpiStatus } from '../../../src/domain/kpi/kpiStatus.js';

const planStart = '2027-01-01';
const MID = new Date('2027-07-02T00:00:00Z'); // 182 of 364 days: halfway
const BEFORE = new Date('2026-12-01T00:00:00Z');
const AFTER = new Date('2028-03-01T00:00:00Z');
const at = (when: Date) => ({ planStart, at: when });

const signups: Kpi = {
  id: 'signups',
  name: 'Weekly sign-ups',
  direction: 'increase',
  baseline: 100,
  target: 200,
  deadline: '2027-12-31',
};
const churn: Kpi = {
  id: 'churn',
  name: 'Churn',
  direction: 'decrease',
  baseline: 50,
  target: 10,
  deadline: '2027-12-31',
};
const uptime: Kpi = { id: 'uptime', name: 'Uptime', direction: 'stay_above', target: 95 };
const errors: Kpi = { id: 'errors', name: 'Error rate', direction: 'stay_below', target: 2 };

const statusOf = (kpi: Kpi, actual: number | undefined, when = MID) =>
  kpiStatus(kpi, actual, at(when)).status;

describe('expectedValue', () => {
  it('is linear from the baseline at the start to the target at the deadline', () => {
    expect(expectedValue(signups, planStart, new Date('2027-01-01T00:00:00Z'))).toBe(100);
    expect(expectedValue(signups, planStart, MID)).toBe(150);
    expect(expectedValue(signups, planStart, new Date('2027-12-31T00:00:00Z'))).toBe(200);
    expect(expectedValue(churn, planStart, MID)).toBe(30);
  });

  it('is the baseline before the start and the target after the deadline', () => {
    expect(expectedValue(signups, planStart, BEFORE)).toBe(100);
    expect(expectedValue(signups, planStart, AFTER)).toBe(200);
    expect(expectedValue(churn, planStart, AFTER)).toBe(10);
  });

  it('reads the plan dates in the plan time zone', () => {
    // 16:00 UTC on 1 July is already 2 July in Shanghai: exactly halfway there.
    const instant = new Date('2027-07-01T16:00:00Z');
    expect(expectedValue(signups, planStart, instant, { timeZone: 'Asia/Shanghai' })).toBe(150);
    expect(expectedValue(signups, planStart, instant)).toBeLessThan(150);
  });

  it('expects the threshold throughout for stay_above / stay_below, without baseline or deadline', () => {
    expect(expectedValue(uptime, planStart, BEFORE)).toBe(95);
    expect(expectedValue(errors, planStart, AFTER)).toBe(2);
  });

  it('cannot draw the line without baseline, target or deadline (unless given a fallback)', () => {
    expect(expectedValue({ ...signups, baseline: undefined }, planStart, MID)).toBeUndefined();
    expect(expectedValue({ ...signups, target: undefined }, planStart, MID)).toBeUndefined();
    expect(expectedValue({ ...signups, deadline: undefined }, planStart, MID)).toBeUndefined();
    expect(
      expectedValue({ ...signups, deadline: undefined }, planStart, MID, {
        deadlineFallback: '2027-12-31',
      }),
    ).toBe(150);
  });
});

describe('kpiStatus: increase (halfway, expected 150 from 100)', () => {
  it('exactly on the line is on track with progress 1', () => {
    expect(kpiStatus(signups, 150, at(MID))).toEqual({
      status: 'on_track',
      expected: 150,
      progress: 1,
    });
  });

  it('switches at the 0.9 and 0.75 progress boundaries', () => {
    expect([160, 145, 144.99, 137.5, 137.49, 100, 90].map((a) => statusOf(signups, a))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'off_track',
      'off_track',
      'off_track',
    ]);
  });

  it('after the deadline, is judged against the target', () => {
    expect([200, 190, 180, 170].map((a) => statusOf(signups, a, AFTER))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'off_track',
    ]);
  });

  it('before the start nothing is expected: on track unless moving the wrong way', () => {
    expect(kpiStatus(signups, 100, at(BEFORE))).toEqual({ status: 'on_track', expected: 100 });
    expect(statusOf(signups, 120, BEFORE)).toBe('on_track');
    expect(statusOf(signups, 99, BEFORE)).toBe('at_risk');
  });

  it('uses configured thresholds', () => {
    const strict = { atRisk: 0.99, offTrack: 0.95 };
    expect(kpiStatus(signups, 148, at(MID), strict).status).toBe('at_risk');
    expect(kpiStatus(signups, 147, at(MID), strict).status).toBe('off_track');
  });
});

describe('kpiStatus: decrease (halfway, expected 30 from 50)', () => {
  it('mirrors increase', () => {
    expect(kpiStatus(churn, 30, at(MID))).toEqual({
      status: 'on_track',
      expected: 30,
      progress: 1,
    });
    expect([20, 32, 32.01, 35, 35.01, 50, 60].map((a) => statusOf(churn, a))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'off_track',
      'off_track',
      'off_track',
    ]);
    // After the deadline: progress 1, 0.9, 0.85, 0.75 (boundary, inclusive), 0.725.
    expect([10, 14, 16, 20, 21].map((a) => statusOf(churn, a, AFTER))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'off_track',
    ]);
    expect(statusOf(churn, 51, BEFORE)).toBe('at_risk');
    expect(statusOf(churn, 45, BEFORE)).toBe('on_track');
  });
});

describe('kpiStatus: stay_above / stay_below', () => {
  it('stay_above 95: on track at or above, at risk within 10 % below, off track further down', () => {
    expect([99, 95, 90, 85.5, 85.49].map((a) => statusOf(uptime, a))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'off_track',
    ]);
    expect(kpiStatus(uptime, 90, at(MID), { stayTolerance: 0.01 }).status).toBe('off_track');
  });

  it('stay_below 2: on track at or below, at risk within 10 % above, off track further up', () => {
    expect([0, 2, 2.2, 2.21].map((a) => statusOf(errors, a, BEFORE))).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'off_track',
    ]);
  });

  it('an increase whose baseline already equals the target means holding that level', () => {
    const hold: Kpi = { ...signups, baseline: 200 };
    expect([200, 185, 170].map((a) => statusOf(hold, a, BEFORE))).toEqual([
      'on_track',
      'at_risk',
      'off_track',
    ]);
  });
});

describe('kpiStatus: cannot assess', () => {
  it.each([
    [signups, undefined, 'no_actual'],
    [{ ...signups, target: undefined }, 150, 'no_target'],
    [{ ...uptime, target: undefined }, 99, 'no_target'],
    [{ ...signups, baseline: undefined }, 150, 'no_baseline'],
    [{ ...churn, deadline: undefined }, 30, 'no_deadline'],
  ] as const)('%o with %s → no_data (%s)', (kpi, actual, reason) => {
    expect(kpiStatus(kpi, actual, at(MID))).toEqual({ status: 'no_data', reason });
  });

  it('a missing deadline is fine with a fallback (the plan end)', () => {
    const assessed = kpiStatus({ ...churn, deadline: undefined }, 30, {
      ...at(MID),
      deadlineFallback: '2027-12-31',
    });
    expect(assessed.status).toBe('on_track');
  });
});

describe('kpiStatus properties', () => {
  // Deterministic pseudo-random cases (no flaky seeds).
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const rank = { off_track: 0, at_risk: 1, on_track: 2, no_data: -1 } as const;
  const cases = Array.from({ length: 200 }, () => {
    const direction = random() < 0.5 ? ('increase' as const) : ('decrease' as const);
    const baseline = Math.round(random() * 1000);
    const delta = 1 + Math.round(random() * 500);
    const kpi: Kpi = {
      id: 'k',
      name: 'K',
      direction,
      baseline,
      target: direction === 'increase' ? baseline + delta : baseline - delta,
      deadline: '2027-12-31',
    };
    const when = new Date(Date.parse('2026-11-01T00:00:00Z') + random() * 500 * 86_400_000);
    return { kpi, when };
  });

  it('exactly on the line is always on track', () => {
    for (const { kpi, when } of cases) {
      const expected = expectedValue(kpi, planStart, when) ?? Number.NaN;
      expect(kpiStatus(kpi, expected, at(when)).status).toBe('on_track');
    }
  });

  it('never gets worse as the value moves the good way', () => {
    for (const { kpi, when } of cases) {
      const expected = expectedValue(kpi, planStart, when) ?? Number.NaN;
      const sign = kpi.direction === 'increase' ? 1 : -1;
      const ranks = Array.from({ length: 41 }, (_, i) => {
        const actual =
          expected + sign * (i - 30) * 0.05 * Math.abs((kpi.target ?? 0) - (kpi.baseline ?? 0));
        return rank[kpiStatus(kpi, actual, at(when)).status];
      });
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe('KpiThresholdsSchema', () => {
  it('accepts the defaults and refuses an off-track threshold above at-risk', () => {
    expect(
      KpiThresholdsSchema.safeParse({ atRisk: 0.9, offTrack: 0.75, stayTolerance: 0.1 }).success,
    ).toBe(true);
    const bad = KpiThresholdsSchema.safeParse({ atRisk: 0.7, offTrack: 0.8, stayTolerance: 0.1 });
    expect(bad.error?.issues[0]?.message).toBe(
      'the off-track threshold cannot be above the at-risk threshold',
    );
  });
});
