import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { planKpis } from '../../../src/scheduler/engine/index.js';
import { ownersOf, roundScope } from '../../../src/services/checkins/roundScope.js';
import type { PlanScheduleSettings } from '../../../src/store/scheduleStore.js';
import { kpi, planWith } from '../../scheduler/jobs/support/checkinFixtures.js';

const found = builtinTemplates().get('standard');
if (!found) throw new Error('standard template missing');
const template = found;

const plan = planWith({
  kpis: [
    kpi('orders', { owner: 'U0ALICE0001' }),
    kpi('revenue', { owner: 'U0BOB000001', cadence: 'monthly' }),
    kpi('churn', { owner: 'U0ALICE0001' }),
    kpi('nps'),
  ],
});
const kpis = planKpis(plan, template);

function scope(
  target: string,
  settings: PlanScheduleSettings = {},
  trigger: 'schedule' | 'on_demand' = 'schedule',
) {
  return roundScope({
    plan,
    template,
    kpis,
    settings,
    target,
    periodKey: '2027-W02',
    trigger,
  });
}

describe('which KPIs a check-in round covers', () => {
  it('groups KPIs that share a schedule; the first in plan order leads, the others are covered', () => {
    const lead = scope('orders');
    expect(lead).toMatchObject({ kind: 'lead', roundId: '2027-W02~orders' });
    expect(lead.kind === 'lead' && lead.kpis.map((k) => k.id)).toEqual(['orders', 'churn', 'nps']);
    expect(scope('churn')).toEqual({ kind: 'covered', by: 'orders' });
    expect(scope('nps')).toEqual({ kind: 'covered', by: 'orders' });
  });

  it('gives a KPI with its own cadence (or an override in settings) its own round', () => {
    const monthly = scope('revenue');
    expect(monthly.kind === 'lead' && monthly.kpis.map((k) => k.id)).toEqual(['revenue']);
    const settings: PlanScheduleSettings = {
      kpis: { churn: { rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 } } },
    };
    const daily = scope('churn', settings);
    expect(daily.kind === 'lead' && daily.kpis.map((k) => k.id)).toEqual(['churn']);
    const rest = scope('orders', settings);
    expect(rest.kind === 'lead' && rest.kpis.map((k) => k.id)).toEqual(['orders', 'nps']);
  });

  it('asks every KPI at once on demand, led by the first', () => {
    const all = scope('orders', {}, 'on_demand');
    expect(all.kind === 'lead' && all.kpis.map((k) => k.id)).toEqual([
      'orders',
      'revenue',
      'churn',
      'nps',
    ]);
    expect(scope('revenue', {}, 'on_demand')).toEqual({ kind: 'covered', by: 'orders' });
  });

  it('ignores a KPI that left the plan, and asks each owner once for all their KPIs', () => {
    expect(scope('gone')).toEqual({ kind: 'unknown_kpi' });
    expect(ownersOf(kpis)).toEqual({ U0ALICE0001: ['orders', 'churn'], U0BOB000001: ['revenue'] });
  });
});
