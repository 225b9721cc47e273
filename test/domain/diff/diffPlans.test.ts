import { describe, expect, it } from 'vitest';
import {
  changeGroup,
  diffPlans,
  groupFieldChanges,
  hasChanges,
  type ListFieldChange,
} from '../../../src/domain/diff/index.js';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { allTypesTemplate } from '../../render/support/fixtureTemplates.js';
import { samplePlan } from '../../render/support/samplePlan.js';

const template = allTypesTemplate();

function edited(plan: Plan, edit: (draft: Plan) => void): Plan {
  const copy = structuredClone(plan);
  edit(copy);
  return PlanSchema.parse(copy);
}

function values(plan: Plan, section: string): Record<string, unknown> {
  const found = plan.sections[section];
  if (!found) throw new Error(`no section ${section}`);
  return found as Record<string, unknown>;
}

function rowsOf<T>(plan: Plan, section: string, field: string): T[] {
  return values(plan, section)[field] as T[];
}

function listChange(plan: Plan, next: Plan, fieldId: string): ListFieldChange {
  const change = diffPlans(plan, next, template).fields.find((f) => f.fieldId === fieldId);
  if (change?.kind !== 'list') throw new Error(`no list change for ${fieldId}`);
  return change;
}

describe('diffPlans', () => {
  const base = samplePlan('en');

  it('finds nothing between a plan and an identical copy', () => {
    const changes = diffPlans(base, structuredClone(base), template);
    expect(changes.meta).toEqual([]);
    expect(changes.fields).toEqual([]);
    expect(changes.budgetTotal).toBeUndefined();
    expect(hasChanges(changes)).toBe(false);
  });

  it('reports meta changes old → new in schema order; editors compare as a set', () => {
    const next = edited(base, (p) => {
      p.meta.title = 'Plan 2027';
      p.meta.stage = 'maturity';
      p.meta.period = { start: '2026-01-01', end: '2027-06-30' };
      p.meta.owner = 'U0NEWOWNER';
      p.meta.channel = undefined;
      p.meta.editors = [...p.meta.editors].reverse();
    });
    const { meta } = diffPlans(base, next, template);
    expect(meta).toEqual([
      { key: 'title', before: '2026 年度运营计划', after: 'Plan 2027' },
      { key: 'stage', before: 'growth', after: 'maturity' },
      {
        key: 'period',
        before: { start: '2026-01-01', end: '2026-12-31' },
        after: { start: '2026-01-01', end: '2027-06-30' },
      },
      { key: 'owner', before: 'U0123ABCD', after: 'U0NEWOWNER' },
      { key: 'channel', before: 'C0123OPS', after: undefined },
    ]);
    const withNewEditor = edited(base, (p) => {
      p.meta.editors = ['U0456EFGH'];
    });
    expect(diffPlans(base, withNewEditor, template).meta).toEqual([
      { key: 'editors', before: ['U0456EFGH', 'W0789IJKL'], after: ['U0456EFGH'] },
    ]);
  });

  it('reports every scalar field type old → new, and added / cleared answers', () => {
    const next = edited(base, (p) => {
      Object.assign(values(p, 'product'), {
        summary: 'A new summary',
        users: 15000,
        price: { amount: 1200000, currency: 'USD' },
        share: 20,
      });
      delete values(p, 'product').details;
      Object.assign(values(p, 'goals'), { vision: 'A bigger vision' });
      Object.assign(values(p, 'scope'), {
        area: 'b',
        modules: ['a'],
        lead: 'U0999ZZZ',
        team: ['U0123ABCD'],
        room: 'C0888NEW',
        launch: '2026-04-01',
        window: { start: '2026-03-01', end: '2026-06-30' },
      });
      Object.assign(values(p, 'budget'), { notes: 'Now with notes' });
    });
    const changes = diffPlans(base, next, template).fields;
    expect(changes.map((c) => [c.sectionId, c.fieldId, c.kind])).toEqual([
      ['product', 'summary', 'scalar'],
      ['product', 'details', 'scalar'],
      ['product', 'users', 'scalar'],
      ['product', 'price', 'scalar'],
      ['product', 'share', 'scalar'],
      ['goals', 'vision', 'scalar'],
      ['scope', 'area', 'scalar'],
      ['scope', 'modules', 'scalar'],
      ['scope', 'lead', 'scalar'],
      ['scope', 'team', 'scalar'],
      ['scope', 'room', 'scalar'],
      ['scope', 'launch', 'scalar'],
      ['scope', 'window', 'scalar'],
      ['budget', 'notes', 'scalar'],
    ]);
    expect(changes[1]).toMatchObject({ before: '第一段：我们做什么。\n\n第二段：为什么做。' });
    expect(changes[1]).toHaveProperty('after', undefined);
    expect(changes[2]).toMatchObject({ type: 'number', before: 12000, after: 15000 });
    expect(changes[3]).toMatchObject({
      type: 'money',
      before: { amount: 1200000, currency: 'CNY' },
      after: { amount: 1200000, currency: 'USD' },
    });
    expect(changes[5]).toMatchObject({ role: 'vision', after: 'A bigger vision' });
    expect(changes[13]).toMatchObject({ before: undefined, after: 'Now with notes' });
  });

  it('ignores what a reader cannot see: surrounding spaces, blank vs unanswered, set order', () => {
    const next = edited(base, (p) => {
      Object.assign(values(p, 'product'), { summary: '  面向中小商家的 SaaS 收银系统。\n' });
      Object.assign(values(p, 'scope'), {
        modules: ['c', 'a'],
        team: ['U0456EFGH', 'U0123ABCD'],
      });
      Object.assign(values(p, 'budget'), { notes: '   ' });
    });
    expect(hasChanges(diffPlans(base, next, template))).toBe(false);
  });

  it('matches KPI rows by id: changed columns old → new, added and removed rows', () => {
    const next = edited(base, (p) => {
      const kpis = rowsOf<Record<string, unknown>>(p, 'goals', 'kpis');
      Object.assign(kpis[0] ?? {}, { target: 2500, deadline: '2026-11-30', owner: 'U0999ZZZ' });
      kpis.splice(1, 1);
      kpis.push({ id: 'kpi-3', name: 'NPS', target: 50, direction: 'increase' });
    });
    const change = listChange(base, next, 'kpis');
    expect(change).toMatchObject({ sectionId: 'goals', role: 'kpis', type: 'kpis' });
    expect(change.rows).toEqual([
      {
        change: 'changed',
        rowId: 'kpi-1',
        before: expect.objectContaining({ target: 2000 }),
        after: expect.objectContaining({ target: 2500 }),
        columns: [
          { column: 'target', before: 2000, after: 2500 },
          { column: 'deadline', before: '2026-12-31', after: '2026-11-30' },
          { column: 'owner', before: 'U0123ABCD', after: 'U0999ZZZ' },
        ],
      },
      {
        change: 'added',
        rowId: 'kpi-3',
        after: { id: 'kpi-3', name: 'NPS', target: 50, direction: 'increase' },
      },
      { change: 'removed', rowId: 'kpi-2', before: expect.objectContaining({ name: '月流失率' }) },
    ]);
  });

  it('treats a renamed row (same id) as a change of its name, not a removal and an addition', () => {
    const next = edited(base, (p) => {
      const phases = rowsOf<Record<string, unknown>>(p, 'strategy', 'phases');
      Object.assign(phases[0] ?? {}, { name: 'Pilot' });
    });
    expect(listChange(base, next, 'phases').rows).toEqual([
      {
        change: 'changed',
        rowId: 'phase-1',
        before: expect.objectContaining({ name: '试运营' }),
        after: expect.objectContaining({ name: 'Pilot' }),
        columns: [{ column: 'name', before: '试运营', after: 'Pilot' }],
      },
    ]);
  });

  it('reports no change for reordered rows: order alone is not content', () => {
    const next = edited(base, (p) => {
      rowsOf(p, 'goals', 'kpis').reverse();
      rowsOf(p, 'budget', 'lines').reverse();
    });
    expect(diffPlans(base, next, template).fields).toEqual([]);
  });

  it('reports budget lines, resources and prioritised items per column, and the budget total', () => {
    const next = edited(base, (p) => {
      const lines = rowsOf<Record<string, unknown>>(p, 'budget', 'lines');
      Object.assign(lines[0] ?? {}, { amount: 350000, phaseId: undefined });
      lines.push({ id: 'line-4', item: 'Booth', amount: 1000, currency: 'EUR' });
      const resources = rowsOf<Record<string, unknown>>(p, 'resources', 'list');
      Object.assign(resources[0] ?? {}, { status: 'have', howToObtain: undefined });
      const items = rowsOf<Record<string, unknown>>(p, 'strategy', 'modules');
      Object.assign(items[0] ?? {}, { priority: 'P1', notes: 'after the pilot' });
    });
    const changes = diffPlans(base, next, template);
    expect(listChange(base, next, 'lines').rows.map((r) => [r.change, r.rowId])).toEqual([
      ['changed', 'line-1'],
      ['added', 'line-4'],
    ]);
    expect(listChange(base, next, 'lines').rows[0]).toMatchObject({
      columns: [
        { column: 'amount', before: 300000, after: 350000 },
        { column: 'phaseId', before: 'phase-1', after: undefined },
      ],
    });
    expect(listChange(base, next, 'list').rows[0]).toMatchObject({
      columns: [
        { column: 'status', before: 'need', after: 'have' },
        { column: 'howToObtain', before: '猎头', after: undefined },
      ],
    });
    expect(listChange(base, next, 'modules').rows[0]).toMatchObject({
      columns: [
        { column: 'priority', before: 'P0', after: 'P1' },
        { column: 'notes', before: undefined, after: 'after the pilot' },
      ],
    });
    expect(changes.budgetTotal).toEqual({
      before: [
        { currency: 'CNY', amount: 500000.5 },
        { currency: 'USD', amount: 5000 },
      ],
      after: [
        { currency: 'CNY', amount: 550000.5 },
        { currency: 'USD', amount: 5000 },
        { currency: 'EUR', amount: 1000 },
      ],
    });
    expect(changes.phaseNames.get('phase-1')).toBe('试运营');
  });

  it('lists a whole list added or cleared as added or removed rows', () => {
    const cleared = edited(base, (p) => {
      delete values(p, 'strategy').modules;
    });
    expect(listChange(base, cleared, 'modules').rows).toEqual([
      {
        change: 'removed',
        rowId: 'item-1',
        before: expect.objectContaining({ title: '会员积分' }),
      },
    ]);
    expect(listChange(cleared, base, 'modules').rows.map((r) => r.change)).toEqual(['added']);
  });

  it('keeps the budget total unchanged when lines move money around to the same sum', () => {
    const next = edited(base, (p) => {
      const lines = rowsOf<Record<string, unknown>>(p, 'budget', 'lines');
      Object.assign(lines[0] ?? {}, { amount: 300000.2 });
      Object.assign(lines[1] ?? {}, { amount: 200000.3 });
    });
    const changes = diffPlans(base, next, template);
    expect(changes.budgetTotal).toBeUndefined();
    expect(listChange(base, next, 'lines').rows).toHaveLength(2);
  });

  it('shows a stored value that is not a valid list as a plain change instead of hiding it', () => {
    const broken = edited(base, () => {});
    values(broken, 'goals').kpis = 'not a list';
    const change = diffPlans(base, broken, template).fields.find((f) => f.fieldId === 'kpis');
    expect(change).toMatchObject({ kind: 'scalar', type: 'kpis', after: 'not a list' });
  });

  it('groups changes for readers: goals, KPIs, phases, strategy, budget, other', () => {
    const next = edited(base, (p) => {
      Object.assign(values(p, 'goals'), { vision: 'v', shortTerm: 's' });
      rowsOf<Record<string, unknown>>(p, 'goals', 'kpis').pop();
      rowsOf<Record<string, unknown>>(p, 'strategy', 'phases').pop();
      rowsOf<Record<string, unknown>>(p, 'strategy', 'modules').pop();
      rowsOf<Record<string, unknown>>(p, 'budget', 'lines').pop();
      Object.assign(values(p, 'product'), { users: 1 });
    });
    const changes = diffPlans(base, next, template);
    expect(
      groupFieldChanges(changes).map((g) => [g.group, g.fields.map((f) => f.fieldId)]),
    ).toEqual([
      ['goals', ['vision', 'shortTerm']],
      ['kpis', ['kpis']],
      ['phases', ['phases']],
      ['strategy', ['modules']],
      ['budget', ['lines']],
      ['other', ['users']],
    ]);
    expect(changes.fields.map(changeGroup)).toContain('other');
  });
});
