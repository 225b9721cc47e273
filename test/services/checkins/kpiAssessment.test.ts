import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/domain/fieldTypes.js';
import { assessKpi } from '../../../src/services/checkins/kpiAssessment.js';

// 2027-01-01 → 2027-12-31 is 364 days, so 2027-07-02 (day 182) is exactly halfway along the line.
const HALFWAY = {
  planStart: '2027-01-01',
  planEnd: '2027-12-31',
  at: new Date('2027-07-02T00:00:00Z'),
  timeZone: 'UTC',
};

function kpi(fields: Partial<Kpi> & Pick<Kpi, 'direction'>): Kpi {
  return { id: 'k', name: 'KPI', deadline: '2027-12-31', ...fields };
}

describe('assessKpi: pace, status and trend as the digest and the reminder show them', () => {
  describe('increase (100 → 200): halfway, 150 is expected', () => {
    const rising = kpi({ direction: 'increase', baseline: 100, target: 200 });
    it.each([
      [150, 'on_track'],
      [190, 'on_track'],
      [140, 'at_risk'],
      [125, 'off_track'],
      [90, 'off_track'],
    ] as const)('%d is %s', (actual, status) => {
      const row = assessKpi(rising, actual, undefined, HALFWAY);
      expect(row.assessment.status).toBe(status);
      expect(row.assessment.expected).toBeCloseTo(150, 9);
    });
    it('trends up as improving, down as worsening', () => {
      expect(assessKpi(rising, 140, 130, HALFWAY).trend).toBe('improving');
      expect(assessKpi(rising, 120, 130, HALFWAY).trend).toBe('worsening');
      expect(assessKpi(rising, 130, 130, HALFWAY).trend).toBe('flat');
    });
  });

  describe('decrease (10 → 2): halfway, 6 is expected', () => {
    const falling = kpi({ direction: 'decrease', baseline: 10, target: 2 });
    it.each([
      [6, 'on_track'],
      [3, 'on_track'],
      [6.8, 'at_risk'],
      [9, 'off_track'],
      [12, 'off_track'],
    ] as const)('%d is %s', (actual, status) => {
      const row = assessKpi(falling, actual, undefined, HALFWAY);
      expect(row.assessment.status).toBe(status);
      expect(row.assessment.expected).toBeCloseTo(6, 9);
    });
    it('trends down as improving', () => {
      expect(assessKpi(falling, 6, 7, HALFWAY).trend).toBe('improving');
      expect(assessKpi(falling, 8, 7, HALFWAY).trend).toBe('worsening');
    });
  });

  describe('stay_above 50 (10 % tolerance): the target is expected throughout', () => {
    const floor = kpi({ direction: 'stay_above', target: 50 });
    it.each([
      [55, 'on_track'],
      [50, 'on_track'],
      [46, 'at_risk'],
      [45, 'at_risk'],
      [40, 'off_track'],
    ] as const)('%d is %s', (actual, status) => {
      const row = assessKpi(floor, actual, undefined, HALFWAY);
      expect(row.assessment.status).toBe(status);
      expect(row.assessment.expected).toBe(50);
    });
    it('trends up as improving', () => {
      expect(assessKpi(floor, 52, 48, HALFWAY).trend).toBe('improving');
    });
  });

  describe('stay_below 3 %: the target is a ceiling', () => {
    const ceiling = kpi({ direction: 'stay_below', target: 3 });
    it.each([
      [2.5, 'on_track'],
      [3, 'on_track'],
      [3.2, 'at_risk'],
      [4, 'off_track'],
    ] as const)('%d is %s', (actual, status) => {
      expect(assessKpi(ceiling, actual, undefined, HALFWAY).assessment.status).toBe(status);
    });
    it('trends down as improving', () => {
      expect(assessKpi(ceiling, 2.8, 3.1, HALFWAY).trend).toBe('improving');
      expect(assessKpi(ceiling, 3.4, 3.1, HALFWAY).trend).toBe('worsening');
    });
  });

  it('paces a KPI without its own deadline to the end of the plan', () => {
    const noDeadline = {
      id: 'k',
      name: 'KPI',
      direction: 'increase',
      baseline: 0,
      target: 364,
    } as const;
    const row = assessKpi(noDeadline, 182, undefined, HALFWAY);
    expect(row.assessment.expected).toBeCloseTo(182, 9);
    expect(row.assessment.status).toBe('on_track');
  });

  it('applies the plan’s thresholds instead of the defaults', () => {
    const rising = kpi({ direction: 'increase', baseline: 100, target: 200 });
    expect(assessKpi(rising, 146, undefined, HALFWAY).assessment.status).toBe('on_track');
    expect(assessKpi(rising, 146, undefined, HALFWAY, { atRisk: 0.95 }).assessment.status).toBe(
      'at_risk',
    );
  });

  it('says "no data" without a value, and shows no trend without two readings', () => {
    const rising = kpi({ direction: 'increase', baseline: 100, target: 200 });
    const missing = assessKpi(rising, undefined, 130, HALFWAY);
    expect(missing.assessment).toEqual({ status: 'no_data', reason: 'no_actual' });
    expect(missing.trend).toBeUndefined();
    expect(assessKpi(rising, 150, undefined, HALFWAY).trend).toBeUndefined();
  });

  it('reads the plan’s dates in its time zone: at 00:30 in Shanghai the line is a day further', () => {
    const rising = kpi({ direction: 'increase', baseline: 0, target: 364 });
    // 2027-07-01T16:30Z is already 2027-07-02 00:30 in Asia/Shanghai.
    const clock = { ...HALFWAY, at: new Date('2027-07-01T16:30:00Z') };
    const utc = assessKpi(rising, 100, undefined, { ...clock, timeZone: 'UTC' });
    const shanghai = assessKpi(rising, 100, undefined, { ...clock, timeZone: 'Asia/Shanghai' });
    expect((shanghai.assessment.expected ?? 0) - (utc.assessment.expected ?? 0)).toBeCloseTo(
      8 / 24,
      6,
    );
  });
});
