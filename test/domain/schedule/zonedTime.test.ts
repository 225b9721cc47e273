import { describe, expect, it } from 'vitest';
import {
  earliestWallClockAfter,
  fromLocal,
  offsetAt,
  toLocal,
  wallClockNumber,
} from '../../../src/domain/schedule/zonedTime.js';

const NY = 'America/New_York';
const SYDNEY = 'Australia/Sydney';
const SHANGHAI = 'Asia/Shanghai';
const LONDON = 'Europe/London';

const at = (iso: string) => new Date(iso);
const local = (y: number, m: number, d: number, hour: number, minute: number, second = 0) => ({
  year: y,
  month: m,
  day: d,
  hour,
  minute,
  second,
});

describe('toLocal', () => {
  it('gives the wall-clock time and ISO weekday in each zone', () => {
    const instant = at('2027-03-14T06:59:59Z');
    expect(toLocal(instant, NY)).toEqual({ ...local(2027, 3, 14, 1, 59, 59), weekday: 7 });
    expect(toLocal(at('2027-03-14T07:00:00Z'), NY)).toMatchObject(local(2027, 3, 14, 3, 0));
    expect(toLocal(instant, SHANGHAI)).toEqual({ ...local(2027, 3, 14, 14, 59, 59), weekday: 7 });
    expect(toLocal(instant, 'UTC')).toMatchObject(local(2027, 3, 14, 6, 59, 59));
    expect(toLocal(at('2027-07-01T12:00:00Z'), LONDON)).toMatchObject(local(2027, 7, 1, 13, 0));
    expect(toLocal(at('2027-01-01T12:00:00Z'), SYDNEY)).toMatchObject(local(2027, 1, 1, 23, 0));
  });

  it('reads the repeated hour of a fall-back twice (EDT, then EST)', () => {
    expect(toLocal(at('2027-11-07T05:30:00Z'), NY)).toMatchObject(local(2027, 11, 7, 1, 30));
    expect(toLocal(at('2027-11-07T06:30:00Z'), NY)).toMatchObject(local(2027, 11, 7, 1, 30));
  });

  it('drops milliseconds rather than rounding into the next second', () => {
    expect(toLocal(at('2027-12-31T23:59:59.999Z'), 'UTC')).toMatchObject(
      local(2027, 12, 31, 23, 59, 59),
    );
  });
});

describe('fromLocal', () => {
  it('maps an ordinary local time to its single instant', () => {
    expect(fromLocal(local(2027, 6, 1, 10, 0), NY)).toEqual(at('2027-06-01T14:00:00Z'));
    expect(fromLocal(local(2027, 6, 1, 10, 0), SHANGHAI)).toEqual(at('2027-06-01T02:00:00Z'));
    expect(fromLocal(local(2027, 6, 1, 10, 0), 'UTC')).toEqual(at('2027-06-01T10:00:00Z'));
    expect(fromLocal(local(2027, 6, 1, 10, 0), SYDNEY)).toEqual(at('2027-06-01T00:00:00Z'));
  });

  it('New York spring forward (2027-03-14): a time in the gap maps to 03:00 EDT', () => {
    const jump = at('2027-03-14T07:00:00Z');
    expect(fromLocal(local(2027, 3, 14, 1, 59, 59), NY)).toEqual(at('2027-03-14T06:59:59Z'));
    expect(fromLocal(local(2027, 3, 14, 2, 0), NY)).toEqual(jump);
    expect(fromLocal(local(2027, 3, 14, 2, 30), NY)).toEqual(jump);
    expect(fromLocal(local(2027, 3, 14, 2, 59, 59), NY)).toEqual(jump);
    expect(fromLocal(local(2027, 3, 14, 3, 0), NY)).toEqual(jump);
    expect(toLocal(fromLocal(local(2027, 3, 14, 2, 30), NY), NY)).toMatchObject(
      local(2027, 3, 14, 3, 0),
    );
  });

  it('New York fall back (2027-11-07): an ambiguous time maps to its first occurrence', () => {
    expect(fromLocal(local(2027, 11, 7, 0, 59), NY)).toEqual(at('2027-11-07T04:59:00Z'));
    expect(fromLocal(local(2027, 11, 7, 1, 0), NY)).toEqual(at('2027-11-07T05:00:00Z'));
    expect(fromLocal(local(2027, 11, 7, 1, 30), NY)).toEqual(at('2027-11-07T05:30:00Z'));
    expect(fromLocal(local(2027, 11, 7, 1, 59, 59), NY)).toEqual(at('2027-11-07T05:59:59Z'));
    expect(fromLocal(local(2027, 11, 7, 2, 0), NY)).toEqual(at('2027-11-07T07:00:00Z'));
  });

  it('Sydney: DST ends on the first Sunday of April, starts on the first Sunday of October', () => {
    // 2027-04-04 03:00 AEDT → 02:00 AEST: 02:30 happens twice, the first (+11) wins.
    expect(fromLocal(local(2027, 4, 4, 2, 30), SYDNEY)).toEqual(at('2027-04-03T15:30:00Z'));
    expect(fromLocal(local(2027, 4, 4, 3, 0), SYDNEY)).toEqual(at('2027-04-03T17:00:00Z'));
    // 2027-10-03 02:00 AEST → 03:00 AEDT: 02:30 does not exist.
    expect(fromLocal(local(2027, 10, 3, 2, 30), SYDNEY)).toEqual(at('2027-10-02T16:00:00Z'));
    expect(toLocal(at('2027-10-02T16:00:00Z'), SYDNEY)).toMatchObject(local(2027, 10, 3, 3, 0));
  });

  it('London: BST starts 2027-03-28 and ends 2027-10-31', () => {
    expect(fromLocal(local(2027, 3, 28, 1, 30), LONDON)).toEqual(at('2027-03-28T01:00:00Z'));
    expect(fromLocal(local(2027, 10, 31, 1, 30), LONDON)).toEqual(at('2027-10-31T00:30:00Z'));
  });

  it('Shanghai and UTC have no transitions: every hour of 2027 round-trips', () => {
    for (const zone of [SHANGHAI, 'UTC']) {
      for (let t = +at('2027-01-01T00:00:00Z'); t < +at('2028-01-01T00:00:00Z'); t += 3_600_000) {
        expect(+fromLocal(toLocal(new Date(t), zone), zone)).toBe(t);
      }
      expect(offsetAt(at('2027-03-14T07:00:00Z'), zone)).toBe(zone === 'UTC' ? 0 : 8 * 3_600_000);
    }
  });

  it('round-trips every hour of 2027 in DST zones, except the repeated hour which maps to its first pass', () => {
    for (const zone of [NY, SYDNEY, LONDON]) {
      let repeated = 0;
      for (let t = +at('2027-01-01T00:00:00Z'); t < +at('2028-01-01T00:00:00Z'); t += 3_600_000) {
        const back = +fromLocal(toLocal(new Date(t), zone), zone);
        if (back !== t) {
          repeated++;
          expect(t - back).toBe(3_600_000);
        }
      }
      expect(repeated).toBe(1);
    }
  });
});

describe('earliestWallClockAfter', () => {
  it('is the next second normally', () => {
    const after = at('2027-06-01T14:00:00.400Z');
    expect(earliestWallClockAfter(after, NY)).toBe(wallClockNumber(local(2027, 6, 1, 10, 0, 1)));
  });

  it('during the second pass of the repeated hour, is the end of that hour', () => {
    // 01:20 EST, second pass: every 01:xx already happened (in EDT).
    const after = at('2027-11-07T06:20:00Z');
    expect(earliestWallClockAfter(after, NY)).toBe(wallClockNumber(local(2027, 11, 7, 2, 0)));
  });
});
