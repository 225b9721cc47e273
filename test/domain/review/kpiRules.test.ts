import { describe, expect, it } from 'vitest';
import { kpiPlausible } from '../../../src/domain/review/rules/kpiPlausible.js';
import { kpiQuantified } from '../../../src/domain/review/rules/kpiQuantified.js';
import { changed, findingsOf, goodPlan, section } from './fixtures.js';

const base = {
  id: 'k1',
  name: 'GMV',
  baseline: 100,
  target: 200,
  unit: '万元',
  direction: 'increase',
  deadline: '2026-12-31',
  owner: 'U0A',
};

function withKpi(kpi: Record<string, unknown>) {
  return changed(goodPlan(), (p) => {
    section(p, 'results').kpis = [kpi];
  });
}

describe('kpi-quantified', () => {
  it('does not fire on KPIs with target, unit, in-period deadline and owner', () => {
    expect(findingsOf(kpiQuantified, goodPlan())).toEqual([]);
    expect(findingsOf(kpiQuantified, withKpi({ ...base, deadline: '2026-01-01' }))).toEqual([]);
  });

  it.each([
    ['no target', { target: undefined }, 'error', 'has no numeric target'],
    ['no unit', { unit: '' }, 'warning', 'has no unit'],
    ['no deadline', { deadline: undefined }, 'error', 'has no deadline'],
    [
      'a deadline after the period',
      { deadline: '2027-01-01' },
      'error',
      'outside the plan period 2026-01-01 to 2026-12-31',
    ],
    ['a deadline before the period', { deadline: '2025-12-31' }, 'error', 'is due 2025-12-31'],
    ['no owner', { owner: undefined }, 'error', 'nobody will be asked to check in'],
  ])('fires on a KPI with %s, pointing at its row', (_, change, severity, text) => {
    const findings = findingsOf(kpiQuantified, withKpi({ ...base, ...change }));
    expect(findings).toEqual([
      expect.objectContaining({ severity, sectionId: 'results', fieldId: 'kpis', rowId: 'k1' }),
    ]);
    expect(findings[0]?.message.en).toContain(text);
    expect(findings[0]?.message['zh-CN']).toContain('GMV');
  });

  it('reports every missing part of every KPI', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'results').kpis = [
        { id: 'a', name: 'A', direction: 'increase' },
        { ...base, id: 'b' },
      ];
    });
    expect(findingsOf(kpiQuantified, plan).map((f) => f.rowId)).toEqual(['a', 'a', 'a', 'a']);
  });
});

describe('kpi-plausible', () => {
  it('does not fire on feasible targets in every direction', () => {
    expect(findingsOf(kpiPlausible, goodPlan())).toEqual([]);
    for (const kpi of [
      { ...base, target: 1000 }, // exactly 10×
      { ...base, baseline: 0, target: 5000 }, // no ratio from zero
      { ...base, direction: 'decrease', baseline: 50, target: 10 },
      { ...base, direction: 'stay_above', baseline: 90, target: 80 },
      { ...base, direction: 'stay_below', baseline: 2, target: 5 },
      { ...base, baseline: undefined, target: 1e9 },
    ]) {
      expect(findingsOf(kpiPlausible, withKpi(kpi)), JSON.stringify(kpi)).toEqual([]);
    }
  });

  it('warns when a target is more than 10× the baseline within the period', () => {
    const [finding] = findingsOf(kpiPlausible, withKpi({ ...base, baseline: 100, target: 1500 }));
    expect(finding).toMatchObject({ severity: 'warning', rowId: 'k1' });
    expect(finding?.message.en).toContain(
      'from 100 万元 to 1500 万元 (15×) between 2026-01-01 and 2026-12-31',
    );
    expect(finding?.message['zh-CN']).toContain('15 倍');
  });

  it('warns when a decrease KPI targets more than its baseline', () => {
    const [finding] = findingsOf(
      kpiPlausible,
      withKpi({ ...base, direction: 'decrease', baseline: 40, target: 60 }),
    );
    expect(finding?.message.en).toBe(
      'KPI "GMV" should decrease, but its target 60 万元 is above the baseline 40 万元.',
    );
  });

  it('warns when an increase KPI targets less than its baseline', () => {
    const [finding] = findingsOf(kpiPlausible, withKpi({ ...base, baseline: 40, target: 30 }));
    expect(finding?.message['zh-CN']).toBe(
      'KPI「GMV」的方向是提升，但目标 30 万元 低于基线 40 万元。',
    );
  });
});
