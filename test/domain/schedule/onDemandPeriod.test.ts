import { describe, expect, it } from 'vitest';
import {
  onDemandPeriodKey,
  onDemandPeriodTime,
} from '../../../src/domain/schedule/onDemandPeriod.js';

describe('on-demand periods', () => {
  it('names a run by the UTC minute it was asked in, and reads that minute back', () => {
    const asked = new Date('2027-03-01T08:15:42.123Z');
    const key = onDemandPeriodKey(asked);
    expect(key).toBe('now-2027-03-01T08:15');
    expect(onDemandPeriodKey(new Date('2027-03-01T08:15:59.999Z'))).toBe(key);
    expect(onDemandPeriodTime(key)).toEqual(new Date('2027-03-01T08:15:00.000Z'));
  });

  it('reads no time from a scheduled period or a malformed key', () => {
    for (const key of [
      '2027-W14',
      '2027-04',
      '2027-Q2',
      '2027-03-14T02:30',
      'now-2027-13-45T99:99',
      'now-',
    ])
      expect(onDemandPeriodTime(key)).toBeUndefined();
  });
});
