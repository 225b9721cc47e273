import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src/domain/lifecycle.js';
import { createPlan, type Plan } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { planSchedules } from '../../../src/scheduler/engine/planSchedules.js';

const template = builtinTemplates().get('standard');
if (!template) throw new Error('standard template missing');

function plan(stage: Stage, kpis: Array<{ id: string; cadence?: 'daily' | 'monthly' }>): Plan {
  return {
    ...createPlan({
      title: 'Checkout revamp',
      templateId: 'standard',
      stage,
      audience: 'team',
      period: { start: '2027-01-04', end: '2027-12-31' },
      owner: 'U0OWNER',
      language: 'zh-CN',
      timezone: 'Asia/Shanghai',
    }),
    sections: {
      results: {
        kpis: kpis.map((k) => ({ ...k, name: k.id.toUpperCase(), direction: 'increase' })),
      },
    },
  };
}

describe('planSchedules', () => {
  it('maturity: quarterly revision, monthly check-ins, a KPI with its own cadence keeps it', () => {
    const schedules = planSchedules(
      plan('maturity', [{ id: 'gmv' }, { id: 'dau', cadence: 'daily' }]),
      template,
    );
    expect(
      schedules.map((s) => [s.kind, s.target, s.spec.rule.kind === 'preset' && s.spec.rule.preset]),
    ).toEqual([
      ['revision_reminder', 'plan', 'quarterly'],
      ['kpi_checkin', 'gmv', 'monthly'],
      ['kpi_checkin', 'dau', 'daily'],
    ]);
    expect(schedules.every((s) => s.spec.timezone === 'Asia/Shanghai')).toBe(true);
  });

  it('decline: revision reminders stop at the end of the plan without a dated exit', () => {
    const [revision] = planSchedules(plan('decline', []), template);
    expect(revision?.spec).toMatchObject({ until: '2027-12-31', rule: { preset: 'monthly' } });
  });

  it('settings: plan-wide fields, then the check-in override, then the KPI override win', () => {
    const schedules = planSchedules(plan('growth', [{ id: 'gmv' }, { id: 'nps' }]), template, {
      timezone: 'Australia/Sydney',
      skipWeekends: true,
      snoozeUntil: '2027-02-01',
      checkIns: { rule: { kind: 'preset', preset: 'weekly', weekday: 3, hour: 9, minute: 30 } },
      kpis: { nps: { paused: true, timezone: 'Asia/Shanghai' } },
    });
    const byTarget = new Map(schedules.map((s) => [s.target, s.spec]));
    expect(byTarget.get('plan')).toMatchObject({
      timezone: 'Australia/Sydney',
      skipWeekends: true,
      snoozeUntil: '2027-02-01',
      paused: false,
    });
    expect(byTarget.get('gmv')).toMatchObject({
      rule: { preset: 'weekly', weekday: 3 },
      timezone: 'Australia/Sydney',
    });
    expect(byTarget.get('nps')).toMatchObject({
      rule: { preset: 'weekly', weekday: 3 },
      timezone: 'Asia/Shanghai',
      paused: true,
    });
  });
});
