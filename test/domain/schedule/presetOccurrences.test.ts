import { describe, expect, it } from 'vitest';
import { occurrencesBetween } from '../../../src/domain/schedule/occurrences.js';
import type { PresetRuleInput } from '../../../src/domain/schedule/scheduleSpec.js';
import { fromLocal, toLocal } from '../../../src/domain/schedule/zonedTime.js';
import { iso, scheduleSpec, startOfLocalYear, ZONES } from './scheduleFixtures.js';

const H = 3_600_000;

/** Every occurrence of a preset whose local date lies in 2027. */
function year2027(rule: PresetRuleInput, zone: string, skipWeekends = false) {
  const spec = scheduleSpec({ rule, timezone: zone, skipWeekends });
  return occurrencesBetween(spec, startOfLocalYear(2027, zone), startOfLocalYear(2028, zone)).map(
    (o) => ({ ...o, local: toLocal(o.at, zone) }),
  );
}

/** The hour:minute each preset is run at: DST transitions happen at 01:00–03:00 in these zones. */
const TIMES = [
  { hour: 1, minute: 30 },
  { hour: 2, minute: 30 },
  { hour: 10, minute: 0 },
];

/** The instant the scheduler should use for an intended local time (next valid time in a gap). */
const intendedInstant = (
  local: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
  zone: string,
) => fromLocal({ ...local, ...time }, zone);

describe.each(ZONES)('presets over the whole of 2027 in %s', (zone) => {
  it.each(TIMES)('daily at %o: one per local day, 365 in all, never twice on a DST day', (time) => {
    const occurrences = year2027({ kind: 'preset', preset: 'daily', ...time }, zone);
    expect(occurrences).toHaveLength(365);
    expect(new Set(occurrences.map((o) => o.periodKey)).size).toBe(365);
    for (const o of occurrences) {
      expect(o.periodKey).toBe(
        iso(new Date(Date.UTC(o.local.year, o.local.month - 1, o.local.day))).slice(0, 10),
      );
      expect(o.at).toEqual(intendedInstant(o.local, time, zone));
    }
    for (let i = 1; i < occurrences.length; i++) {
      const gap = +(occurrences[i]?.at ?? 0) - +(occurrences[i - 1]?.at ?? 0);
      // 24 h, or up to an hour either way on the days clocks change.
      expect(gap).toBeGreaterThanOrEqual(22.5 * H);
      expect(gap).toBeLessThanOrEqual(25 * H);
    }
  });

  it.each(TIMES)('weekly on Sundays at %o: one per ISO week, on Sunday', (time) => {
    const occurrences = year2027({ kind: 'preset', preset: 'weekly', weekday: 7, ...time }, zone);
    // 2027 has 52 Sundays; the first (Jan 3) belongs to ISO week 2026-W53.
    expect(occurrences).toHaveLength(52);
    expect(new Set(occurrences.map((o) => o.periodKey)).size).toBe(52);
    expect(occurrences[0]?.periodKey).toBe('2026-W53');
    expect(occurrences[1]?.periodKey).toBe('2027-W01');
    expect(occurrences.at(-1)?.periodKey).toBe('2027-W51');
    for (const o of occurrences) {
      expect(o.local.weekday).toBe(7);
      expect(o.at).toEqual(intendedInstant(o.local, time, zone));
    }
  });

  it('monthly on the 15th and on the first working day: twelve, one per month', () => {
    const fifteenth = year2027(
      { kind: 'preset', preset: 'monthly', day: 15, hour: 10, minute: 0 },
      zone,
    );
    expect(fifteenth.map((o) => o.periodKey)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`),
    );
    expect(fifteenth.every((o) => o.local.day === 15 && o.local.hour === 10)).toBe(true);

    const firstWorking = year2027(
      { kind: 'preset', preset: 'monthly', day: 'first_working_day', hour: 10, minute: 0 },
      zone,
    );
    // 2027: Jan 1 Fri, Feb 1 Mon, Mar 1 Mon, Apr 1 Thu, May 3 Mon (1st is Sat), Aug 2 Mon (1st Sun).
    expect(firstWorking.map((o) => o.local.day)).toEqual([1, 1, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1]);
    expect(firstWorking.every((o) => o.local.weekday <= 5)).toBe(true);
  });

  it('quarterly: the first working day of each quarter at 10:00', () => {
    const occurrences = year2027(
      { kind: 'preset', preset: 'quarterly', hour: 10, minute: 0 },
      zone,
    );
    expect(occurrences.map((o) => [o.periodKey, o.local.month, o.local.day, o.local.hour])).toEqual(
      [
        ['2027-Q1', 1, 1, 10],
        ['2027-Q2', 4, 1, 10],
        ['2027-Q3', 7, 1, 10],
        ['2027-Q4', 10, 1, 10],
      ],
    );
  });

  it('every other week: 26 sends, 14 days apart in local time, anchored on the plan start', () => {
    const occurrences = year2027(
      { kind: 'preset', preset: 'biweekly', weekday: 1, hour: 10, minute: 0, anchor: '2027-01-06' },
      zone,
    );
    expect(occurrences).toHaveLength(26);
    expect(occurrences[0]?.local).toMatchObject({ month: 1, day: 4, hour: 10 });
    expect(occurrences[1]?.local).toMatchObject({ month: 1, day: 18, hour: 10 });
    expect(occurrences[1]?.periodKey).toBe('2027-W03');
    expect(occurrences.every((o) => o.local.weekday === 1 && o.local.hour === 10)).toBe(true);
  });
});

describe('DST days in New York', () => {
  const zone = 'America/New_York';
  const daily = (hour: number, minute: number) =>
    scheduleSpec({ rule: { kind: 'preset', preset: 'daily', hour, minute }, timezone: zone });

  it('spring forward: 02:30 does not exist, so that day is sent at 03:00 EDT — once', () => {
    const day = occurrencesBetween(
      daily(2, 30),
      new Date('2027-03-14T04:00:00Z'),
      new Date('2027-03-15T04:00:00Z'),
    );
    expect(day.map((o) => [iso(o.at), o.periodKey])).toEqual([
      ['2027-03-14T07:00:00.000Z', '2027-03-14'],
    ]);
  });

  it('fall back: 01:30 happens twice, the reminder goes out only the first time', () => {
    const day = occurrencesBetween(
      daily(1, 30),
      new Date('2027-11-07T04:00:00Z'),
      new Date('2027-11-08T05:00:00Z'),
    );
    expect(day.map((o) => [iso(o.at), o.periodKey])).toEqual([
      ['2027-11-07T05:30:00.000Z', '2027-11-07'],
    ]);
  });
});

describe('skipWeekends on presets', () => {
  it('a weekly Saturday send moves to the following Monday, still keyed on its own week', () => {
    const spec = scheduleSpec({
      rule: { kind: 'preset', preset: 'weekly', weekday: 6, hour: 10, minute: 0 },
      timezone: 'Asia/Shanghai',
      skipWeekends: true,
    });
    const two = occurrencesBetween(
      spec,
      new Date('2027-04-01T00:00:00Z'),
      new Date('2027-04-16T00:00:00Z'),
    );
    expect(two.map((o) => [iso(o.at), o.periodKey])).toEqual([
      ['2027-04-05T02:00:00.000Z', '2027-W13'],
      ['2027-04-12T02:00:00.000Z', '2027-W14'],
    ]);
  });

  it('a monthly 28th on a weekend moves to Monday; daily skips weekend days', () => {
    const monthly = year2027(
      { kind: 'preset', preset: 'monthly', day: 28, hour: 10, minute: 0 },
      'UTC',
      true,
    );
    // 2027-02-28 and 2027-03-28 are Sundays, 2027-08-28 a Saturday.
    expect(monthly.map((o) => `${o.local.month}-${o.local.day}`)).toEqual([
      '1-28',
      '3-1',
      '3-29',
      '4-28',
      '5-28',
      '6-28',
      '7-28',
      '8-30',
      '9-28',
      '10-28',
      '11-29',
      '12-28',
    ]);
    expect(new Set(monthly.map((o) => o.periodKey)).size).toBe(12);
    const daily = year2027({ kind: 'preset', preset: 'daily', hour: 10, minute: 0 }, 'UTC', true);
    expect(daily).toHaveLength(261);
    expect(daily.every((o) => o.local.weekday <= 5)).toBe(true);
  });
});
