import { describe, expect, it } from 'vitest';
import { catchUp } from '../../../src/domain/schedule/catchUp.js';
import { iso, scheduleSpec } from './scheduleFixtures.js';

const H = 3_600_000;
/** Daily at 10:00 Shanghai = 02:00 UTC. */
const daily = scheduleSpec({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
  timezone: 'Asia/Shanghai',
});
const lastDone = new Date('2027-01-04T02:00:00Z');
const summary = (r: ReturnType<typeof catchUp>) => ({
  due: r.due.map((d) => [iso(d.at), d.periodKey, d.late]),
  skipped: r.skipped.map((s) => s.periodKey),
});

describe('catchUp', () => {
  it('on time after a normal tick: just the current occurrence, not late', () => {
    const result = catchUp(
      daily,
      new Date('2027-01-06T02:00:00Z'),
      new Date('2027-01-07T02:00:03Z'),
      6 * H,
    );
    expect(summary(result)).toEqual({
      due: [['2027-01-07T02:00:00.000Z', '2027-01-07', false]],
      skipped: [],
    });
  });

  it('after three days down, restarted right on time: the current one is due, older ones skipped', () => {
    const result = catchUp(daily, lastDone, new Date('2027-01-07T02:00:05Z'), 6 * H);
    expect(summary(result)).toEqual({
      due: [['2027-01-07T02:00:00.000Z', '2027-01-07', false]],
      skipped: ['2027-01-05', '2027-01-06'],
    });
  });

  it('restarted 3 h late, inside a 6 h grace window: the missed one is sent once, marked late', () => {
    const result = catchUp(daily, lastDone, new Date('2027-01-07T05:00:00Z'), 6 * H);
    expect(summary(result)).toEqual({
      due: [['2027-01-07T02:00:00.000Z', '2027-01-07', true]],
      skipped: ['2027-01-05', '2027-01-06'],
    });
  });

  it('restarted 7 h late, outside the grace window: nothing is sent, all are skipped', () => {
    const result = catchUp(daily, lastDone, new Date('2027-01-07T09:00:00Z'), 6 * H);
    expect(summary(result)).toEqual({
      due: [],
      skipped: ['2027-01-05', '2027-01-06', '2027-01-07'],
    });
  });

  it('seconds schedule: newest missed one late, the on-time one normally, the rest skipped', () => {
    const everyTwo = scheduleSpec({
      rule: { kind: 'cron', expression: '*/2 * * * * *' },
      timezone: 'UTC',
    });
    const result = catchUp(
      everyTwo,
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:10.500Z'),
      5_000,
    );
    expect(summary(result)).toEqual({
      due: [
        ['2027-01-01T00:00:08.000Z', '2027-01-01T00:00:08', true],
        ['2027-01-01T00:00:10.000Z', '2027-01-01T00:00:10', false],
      ],
      skipped: ['2027-01-01T00:00:02', '2027-01-01T00:00:04', '2027-01-01T00:00:06'],
    });
  });

  it('runs again with the new lastDone: nothing is due twice', () => {
    const now = new Date('2027-01-07T05:00:00Z');
    const first = catchUp(daily, lastDone, now, 6 * H);
    const done = first.due.at(-1)?.at;
    const again = catchUp(daily, done, new Date(+now + 1000), 6 * H);
    expect(again.due).toEqual([]);
    expect(again.skipped).toEqual([]);
  });

  it('a schedule that never ran looks only at the grace window', () => {
    const result = catchUp(daily, undefined, new Date('2027-01-07T05:00:00Z'), 6 * H);
    expect(summary(result)).toEqual({
      due: [['2027-01-07T02:00:00.000Z', '2027-01-07', true]],
      skipped: [],
    });
  });

  it('a long outage lists a bounded number of skipped occurrences', () => {
    const everySecond = scheduleSpec({
      rule: { kind: 'cron', expression: '* * * * * *' },
      timezone: 'UTC',
    });
    const result = catchUp(
      everySecond,
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-01-02T00:00:00Z'),
      10_000,
      { maxSkippedListed: 20 },
    );
    expect(result.due.map((d) => d.late)).toEqual([true, false]);
    expect(result.skipped).toHaveLength(20);
    expect(result.skippedTruncated).toBe(true);
  });

  it('New York fall back: a tick during the repeated 01:30 does not send the daily 01:30 again', () => {
    const ny = scheduleSpec({
      rule: { kind: 'preset', preset: 'daily', hour: 1, minute: 30 },
      timezone: 'America/New_York',
    });
    const first = catchUp(
      ny,
      new Date('2027-11-06T05:30:00Z'),
      new Date('2027-11-07T05:30:01Z'),
      6 * H,
    );
    expect(summary(first).due).toEqual([['2027-11-07T05:30:00.000Z', '2027-11-07', false]]);
    // One hour later the wall clock reads 01:30 again (EST).
    const again = catchUp(
      ny,
      new Date('2027-11-07T05:30:00Z'),
      new Date('2027-11-07T06:30:01Z'),
      6 * H,
    );
    expect(again.due).toEqual([]);
  });

  it('New York spring forward: the daily 02:30 is due at 03:00 EDT, on time', () => {
    const ny = scheduleSpec({
      rule: { kind: 'preset', preset: 'daily', hour: 2, minute: 30 },
      timezone: 'America/New_York',
    });
    const result = catchUp(
      ny,
      new Date('2027-03-13T07:30:00Z'),
      new Date('2027-03-14T07:00:02Z'),
      6 * H,
    );
    expect(summary(result)).toEqual({
      due: [['2027-03-14T07:00:00.000Z', '2027-03-14', false]],
      skipped: [],
    });
  });

  it('a paused schedule has nothing due after any outage', () => {
    const paused = { ...daily, paused: true };
    const result = catchUp(paused, lastDone, new Date('2027-01-07T05:00:00Z'), 6 * H);
    expect(result.due).toEqual([]);
  });
});

describe('catchUp with a fast schedule and a long grace window', () => {
  it('still finds the newest occurrences when the window holds more than 10 000', () => {
    const everySecond = scheduleSpec({
      rule: { kind: 'cron', expression: '* * * * * *' },
      timezone: 'UTC',
    });
    const now = new Date('2027-01-01T04:00:00.500Z');
    const result = catchUp(everySecond, new Date('2027-01-01T00:00:00Z'), now, 3 * H, {
      maxSkippedListed: 5,
    });
    expect(summary(result).due).toEqual([
      ['2027-01-01T03:59:59.000Z', '2027-01-01T03:59:59', true],
      ['2027-01-01T04:00:00.000Z', '2027-01-01T04:00:00', false],
    ]);
    expect(result.skipped.map((s) => s.periodKey)).toEqual([
      '2027-01-01T00:00:01',
      '2027-01-01T00:00:02',
      '2027-01-01T00:00:03',
      '2027-01-01T00:00:04',
      '2027-01-01T00:00:05',
    ]);
    expect(result.skippedTruncated).toBe(true);
  });
});
