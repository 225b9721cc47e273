import { describe, expect, it } from 'vitest';
import {
  nextOccurrence,
  occurrencesBetween,
  periodKey,
} from '../../../src/domain/schedule/occurrences.js';
import { iso, scheduleSpec } from './scheduleFixtures.js';

const weekly = {
  rule: { kind: 'preset', preset: 'weekly', weekday: 1, hour: 10, minute: 0 },
  timezone: 'Europe/London',
} as const;
const april = [new Date('2027-04-01T00:00:00Z'), new Date('2027-05-01T00:00:00Z')] as const;
const dates = (input: Parameters<typeof scheduleSpec>[0]) =>
  occurrencesBetween(scheduleSpec(input), ...april).map((o) => iso(o.at).slice(0, 10));

describe('pause, snooze and until', () => {
  it('every Monday of April 2027 without filters', () => {
    expect(dates(weekly)).toEqual(['2027-04-05', '2027-04-12', '2027-04-19', '2027-04-26']);
  });

  it('paused: no occurrence at all', () => {
    expect(dates({ ...weekly, paused: true })).toEqual([]);
    expect(nextOccurrence(scheduleSpec({ ...weekly, paused: true }), april[0])).toBeUndefined();
  });

  it('snoozed: nothing before the snooze date, resumes on it', () => {
    expect(dates({ ...weekly, snoozeUntil: '2027-04-19' })).toEqual(['2027-04-19', '2027-04-26']);
  });

  it('until: nothing after the date, the date itself included', () => {
    expect(dates({ ...weekly, until: '2027-04-12' })).toEqual(['2027-04-05', '2027-04-12']);
    expect(
      nextOccurrence(
        scheduleSpec({ ...weekly, until: '2027-04-12' }),
        new Date('2027-04-12T12:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('cron honours snooze and until the same way', () => {
    const cron = {
      rule: { kind: 'cron', expression: '0 10 * * 1' },
      timezone: 'Europe/London',
    } as const;
    expect(dates({ ...cron, snoozeUntil: '2027-04-13', until: '2027-04-20' })).toEqual([
      '2027-04-19',
    ]);
  });
});

describe('periodKey', () => {
  it('names the period an occurrence serves, and nothing for other instants', () => {
    const spec = scheduleSpec(weekly);
    expect(periodKey(spec, new Date('2027-04-05T09:00:00Z'))).toBe('2027-W14');
    expect(periodKey(spec, new Date('2027-04-05T09:00:01Z'))).toBeUndefined();
    const quarterly = scheduleSpec({
      ...weekly,
      rule: { kind: 'preset', preset: 'quarterly', hour: 10, minute: 0 },
    });
    expect(periodKey(quarterly, new Date('2027-04-01T09:00:00Z'))).toBe('2027-Q2');
    const monthly = scheduleSpec({
      ...weekly,
      rule: { kind: 'preset', preset: 'monthly', day: 1, hour: 10, minute: 0 },
    });
    expect(periodKey(monthly, new Date('2027-04-01T09:00:00Z'))).toBe('2027-04');
  });

  it('keys do not change when the schedule is paused (idempotency keys stay stable)', () => {
    const paused = scheduleSpec({ ...weekly, paused: true });
    expect(periodKey(paused, new Date('2027-04-05T09:00:00Z'))).toBe('2027-W14');
  });
});
