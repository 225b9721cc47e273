import { describe, expect, it } from 'vitest';
import { isoDateInTimeZone, isWithin } from '../../src/domain/dates.js';

describe('isoDateInTimeZone', () => {
  it('gives the local calendar date, which differs across zones near midnight', () => {
    const now = new Date('2026-03-14T20:30:00Z');
    expect(isoDateInTimeZone(now, 'Asia/Shanghai')).toBe('2026-03-15');
    expect(isoDateInTimeZone(now, 'America/New_York')).toBe('2026-03-14');
  });
});

describe('isWithin', () => {
  it('includes both bounds', () => {
    const period = { start: '2026-01-01', end: '2026-12-31' };
    expect(
      ['2026-01-01', '2026-12-31', '2025-12-31', '2027-01-01'].map((d) => isWithin(d, period)),
    ).toEqual([true, true, false, false]);
  });
});
