import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrencesBetween } from '../../../src/domain/schedule/occurrences.js';
import { toLocal } from '../../../src/domain/schedule/zonedTime.js';
import { iso, scheduleSpec } from './scheduleFixtures.js';

const cron = (expression: string, timezone: string, extra: { skipWeekends?: boolean } = {}) =>
  scheduleSpec({ rule: { kind: 'cron', expression }, timezone, ...extra });

describe('cron occurrences', () => {
  it('6 fields run at seconds resolution (*/2 * * * * *)', () => {
    const spec = cron('*/2 * * * * *', 'Asia/Shanghai');
    const from = new Date('2027-05-01T00:00:01Z');
    const found = occurrencesBetween(spec, from, new Date('2027-05-01T00:00:21Z'));
    expect(found.map((o) => o.at.getUTCSeconds())).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(found[0]?.periodKey).toBe('2027-05-01T08:00:02');
    expect(nextOccurrence(spec, new Date('2027-05-01T00:00:02.500Z'))?.at).toEqual(
      new Date('2027-05-01T00:00:04Z'),
    );
  });

  it('5 fields fire at second 0 and are keyed by local minute', () => {
    const spec = cron('0 10 * * 1-5', 'Asia/Shanghai');
    const found = occurrencesBetween(
      spec,
      new Date('2027-05-01T00:00:00Z'),
      new Date('2027-05-15T00:00:00Z'),
    );
    expect(found).toHaveLength(10);
    expect(found.every((o) => iso(o.at).endsWith('T02:00:00.000Z'))).toBe(true);
    expect(found[0]?.periodKey).toBe('2027-05-03T10:00');
  });

  it('New York spring forward: a 02:30 daily cron is sent at 03:00 EDT that day, once', () => {
    const spec = cron('30 2 * * *', 'America/New_York');
    const found = occurrencesBetween(
      spec,
      new Date('2027-03-13T00:00:00Z'),
      new Date('2027-03-16T00:00:00Z'),
    );
    expect(found.map((o) => [iso(o.at), o.periodKey])).toEqual([
      ['2027-03-13T07:30:00.000Z', '2027-03-13T02:30'],
      ['2027-03-14T07:00:00.000Z', '2027-03-14T02:30'],
      ['2027-03-15T06:30:00.000Z', '2027-03-15T02:30'],
    ]);
  });

  it('New York fall back: a quarter-hourly cron never fires twice for the repeated hour', () => {
    const spec = cron('*/15 * * * *', 'America/New_York');
    const found = occurrencesBetween(
      spec,
      new Date('2027-11-07T04:00:00Z'),
      new Date('2027-11-07T09:00:00Z'),
    );
    const keys = found.map((o) => o.periodKey);
    expect(new Set(keys).size).toBe(keys.length);
    // 00:00 … 03:45 local: 16 quarter hours, although 5 hours of real time passed.
    expect(keys[0]).toBe('2027-11-07T00:00');
    expect(keys.at(-1)).toBe('2027-11-07T03:45');
    expect(keys).toHaveLength(16);
    // Nothing inside the second 01:xx (EST, 06:00–07:00 UTC).
    expect(
      found.some(
        (o) =>
          +o.at >= Date.parse('2027-11-07T06:00:00Z') && +o.at < Date.parse('2027-11-07T07:00:00Z'),
      ),
    ).toBe(false);
  });

  it('asked during the repeated hour, the next occurrence is after it (no re-run of 01:xx)', () => {
    const spec = cron('*/15 * * * *', 'America/New_York');
    // 06:20 UTC is 01:20 EST, the second pass: 01:30 and 01:45 already fired in EDT.
    expect(nextOccurrence(spec, new Date('2027-11-07T06:20:00Z'))).toEqual({
      at: new Date('2027-11-07T07:00:00Z'),
      periodKey: '2027-11-07T02:00',
    });
  });

  it('a long snooze is skipped in one step, even for a per-second cron', () => {
    const spec = scheduleSpec({
      rule: { kind: 'cron', expression: '* * * * * *' },
      timezone: 'Asia/Shanghai',
      snoozeUntil: '2035-01-01',
    });
    expect(nextOccurrence(spec, new Date('2027-01-01T00:00:00Z'))?.periodKey).toBe(
      '2035-01-01T00:00:00',
    );
  });

  it('New York spring forward: local times inside the gap collapse into one send at 03:00', () => {
    const spec = cron('*/30 1-3 * * *', 'America/New_York');
    const found = occurrencesBetween(
      spec,
      new Date('2027-03-14T05:00:00Z'),
      new Date('2027-03-14T09:00:00Z'),
    );
    expect(found.map((o) => [iso(o.at), o.periodKey])).toEqual([
      ['2027-03-14T06:00:00.000Z', '2027-03-14T01:00'],
      ['2027-03-14T06:30:00.000Z', '2027-03-14T01:30'],
      ['2027-03-14T07:00:00.000Z', '2027-03-14T02:00'],
      ['2027-03-14T07:30:00.000Z', '2027-03-14T03:30'],
    ]);
  });

  it('Sydney: daily 02:30 across both 2027 transitions, one send per day', () => {
    const spec = cron('30 2 * * *', 'Australia/Sydney');
    const april = occurrencesBetween(
      spec,
      new Date('2027-04-02T12:00:00Z'),
      new Date('2027-04-05T12:00:00Z'),
    );
    expect(april.map((o) => o.periodKey)).toEqual([
      '2027-04-03T02:30',
      '2027-04-04T02:30',
      '2027-04-05T02:30',
    ]);
    expect(iso(april[1]?.at ?? new Date(0))).toBe('2027-04-03T15:30:00.000Z'); // first 02:30 (AEDT)
    const october = occurrencesBetween(
      spec,
      new Date('2027-10-01T12:00:00Z'),
      new Date('2027-10-04T12:00:00Z'),
    );
    expect(october.map((o) => iso(o.at))).toEqual([
      '2027-10-01T16:30:00.000Z',
      '2027-10-02T16:00:00.000Z', // 03:00 AEDT: 02:30 did not exist
      '2027-10-03T15:30:00.000Z',
    ]);
  });

  it('skipWeekends drops weekend occurrences of a cron (they are not moved)', () => {
    const spec = cron('0 9 * * *', 'Europe/London', { skipWeekends: true });
    const found = occurrencesBetween(
      spec,
      new Date('2027-06-01T00:00:00Z'),
      new Date('2027-06-15T00:00:00Z'),
    );
    expect(found).toHaveLength(10);
    expect(found.every((o) => toLocal(o.at, 'Europe/London').weekday <= 5)).toBe(true);
  });

  it.each([
    '0 10 L * *',
    '0 10 LW * *',
    '0 10 L-2 * *',
    '0 10 15W * *',
    '0 10 * * 5L',
    '0 10 * * 1#2',
    '0 10 1,15 */2 *',
    '0 0 29 2 *',
    '15 */6 * * MON-FRI',
  ])('agrees with node-cron on %s (Asia/Shanghai)', (expression) => {
    const task = createTask(expression, () => undefined, { timezone: 'Asia/Shanghai' });
    try {
      const found = occurrencesBetween(
        cron(expression, 'Asia/Shanghai'),
        new Date('2027-01-01T00:00:00Z'),
        new Date('2029-01-01T00:00:00Z'),
        400,
      );
      expect(found.length).toBeGreaterThan(0);
      for (const o of found) expect(task.match(o.at)).toBe(true);
      // And nothing node-cron accepts is missed in between (these all fire on quarter hours).
      const first = found[0]?.at ?? new Date(0);
      const second = found[1]?.at ?? first;
      for (let t = +first + 900_000; t < +second; t += 900_000) {
        expect(task.match(new Date(t))).toBe(false);
      }
    } finally {
      task.destroy();
    }
  });
});
