import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/domain/fieldTypes.js';
import type { Stage } from '../../../src/domain/lifecycle.js';
import { createPlan, type Plan } from '../../../src/domain/plan.js';
import {
  checkInScheduleFor,
  defaultRevisionSchedule,
} from '../../../src/domain/schedule/defaultSchedules.js';
import { lastExitMilestone } from '../../../src/domain/schedule/exitMilestone.js';
import { occurrencesBetween } from '../../../src/domain/schedule/occurrences.js';
import type { ScheduleSpec } from '../../../src/domain/schedule/scheduleSpec.js';
import { toLocal } from '../../../src/domain/schedule/zonedTime.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';

const TZ = 'Asia/Shanghai';

function plan(stage: Stage): Plan {
  return createPlan({
    title: 'Checkout revamp',
    templateId: 'standard',
    stage,
    audience: 'team',
    period: { start: '2027-01-06', end: '2027-12-31' },
    owner: 'U0OWNER',
    language: 'en',
    timezone: TZ,
  });
}

/** Local "month-day hour:minute" of each occurrence in 2027. */
function localTimes(spec: ScheduleSpec): string[] {
  return occurrencesBetween(
    spec,
    new Date('2026-12-31T16:00:00Z'),
    new Date('2027-12-31T16:00:00Z'),
  ).map((o) => {
    const l = toLocal(o.at, spec.timezone);
    return `${l.month}-${l.day} ${l.hour}:${String(l.minute).padStart(2, '0')}`;
  });
}

const kpi: Kpi = { id: 'gmv', name: 'GMV', direction: 'increase' };

describe('default revision schedule', () => {
  it('maturity: the first working day of each quarter at 10:00 local', () => {
    expect(localTimes(defaultRevisionSchedule(plan('maturity'), TZ))).toEqual([
      '1-1 10:00',
      '4-1 10:00',
      '7-1 10:00',
      '10-1 10:00',
    ]);
  });

  it.each(['startup', 'growth'] as const)('%s: monthly, on the first working day', (stage) => {
    const times = localTimes(defaultRevisionSchedule(plan(stage), TZ));
    expect(times).toHaveLength(12);
    expect(times[4]).toBe('5-3 10:00'); // 2027-05-01 is a Saturday
  });

  it('decline: monthly, but not after the last exit milestone', () => {
    const declining = plan('decline');
    const spec = defaultRevisionSchedule(declining, TZ, { lastExitMilestone: '2027-04-15' });
    expect(localTimes(spec)).toEqual(['1-1 10:00', '2-1 10:00', '3-1 10:00', '4-1 10:00']);
    // Without a dated exit, the plan's own end stops the reminders.
    expect(defaultRevisionSchedule(declining, TZ).until).toBe('2027-12-31');
  });

  it('finds the last exit milestone in the standard template, ignoring undated steps', () => {
    const template = builtinTemplates().get('standard');
    if (!template) throw new Error('standard template missing');
    const declining: Plan = {
      ...plan('decline'),
      sections: {
        strategy: {
          exitSteps: [
            { id: 'announce', name: 'Announce', end: '2027-03-01' },
            { id: 'off', name: 'Service off', start: '2027-06-01', end: '2027-06-30' },
            { id: 'cleanup', name: 'Data deletion' },
          ],
        },
      },
    };
    expect(lastExitMilestone(declining, template)).toBe('2027-06-30');
    expect(lastExitMilestone(plan('decline'), template)).toBeUndefined();
  });
});

describe('check-in schedule', () => {
  it.each(['startup', 'growth', 'decline'] as const)('%s: weekly on Mondays', (stage) => {
    const times = localTimes(checkInScheduleFor(kpi, plan(stage), TZ));
    expect(times).toHaveLength(52);
    expect(times[0]).toBe('1-4 10:00');
  });

  it('maturity: monthly', () => {
    expect(localTimes(checkInScheduleFor(kpi, plan('maturity'), TZ))).toHaveLength(12);
  });

  it('a KPI cadence overrides the stage default', () => {
    const maturity = plan('maturity');
    const counts = (['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const).map(
      (cadence) => localTimes(checkInScheduleFor({ ...kpi, cadence }, maturity, TZ)).length,
    );
    expect(counts).toEqual([365, 52, 26, 12, 4]);
  });

  it('every other week counts from the week the plan starts', () => {
    const later = {
      ...plan('growth'),
      meta: { ...plan('growth').meta, period: { start: '2027-01-13', end: '2027-12-31' } },
    };
    const times = localTimes(checkInScheduleFor({ ...kpi, cadence: 'biweekly' }, later, TZ));
    expect(times.slice(0, 3)).toEqual(['1-11 10:00', '1-25 10:00', '2-8 10:00']);
  });
});
