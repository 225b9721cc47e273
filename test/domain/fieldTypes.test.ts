import { describe, expect, it } from 'vitest';
import {
  BUDGET_LINE_LIMITS,
  FIELD_TYPES,
  type FieldType,
  isEmptyValue,
  KPI_LIMITS,
  LIST_MAX_ROWS,
  PHASE_LIMITS,
  PRIORITISED_ITEM_LIMITS,
  RESOURCE_LIMITS,
  TEXT_MAX,
  VALUE_SCHEMAS,
} from '../../src/domain/fieldTypes.js';

const kpi = {
  id: 'kpi-1',
  name: '月活跃用户',
  baseline: 1000,
  target: 5000,
  unit: '人',
  direction: 'increase',
};
const phase = {
  id: 'p1',
  name: 'Trial',
  start: '2026-01-01',
  end: '2026-03-31',
  goal: 'g',
  successCriteria: 's',
};
const budgetLine = {
  id: 'b1',
  item: 'Ads',
  category: 'marketing',
  amount: 1200.5,
  currency: 'CNY',
  phaseId: 'p1',
};
const resource = {
  id: 'r1',
  item: 'Designer',
  status: 'need',
  source: 'hire',
  howToObtain: 'post a job',
};
const item = { id: 'm1', title: 'Onboarding', priority: 'P0', owner: 'U012AB', notes: '' };

function rows<T extends { id: string }>(row: T, n: number): T[] {
  return Array.from({ length: n }, (_, i) => ({ ...row, id: `r-${i}` }));
}

/** For each type: values a user could really enter, and values that must be refused. */
const cases: Record<FieldType, { valid: unknown[]; invalid: unknown[] }> = {
  short_text: {
    valid: ['', '中文标题', 'x'.repeat(TEXT_MAX)],
    invalid: [42, 'x'.repeat(TEXT_MAX + 1), null],
  },
  long_text: {
    valid: ['line 1\nline 2\n\n第二段', 'y'.repeat(TEXT_MAX)],
    invalid: ['y'.repeat(TEXT_MAX + 1), ['a']],
  },
  number: { valid: [0, -3.5, 1e12], invalid: ['12', Number.NaN, Number.POSITIVE_INFINITY, 1e16] },
  money: {
    valid: [
      { amount: 1000, currency: 'CNY' },
      { amount: -20.5, currency: 'USD' },
    ],
    invalid: [
      { amount: 10, currency: 'rmb' },
      { amount: '10', currency: 'CNY' },
      { amount: 1 },
      10,
      { amount: 1, currency: 'CNY', x: 1 },
    ],
  },
  percent: { valid: [12.5, 0, 250], invalid: ['12%', Number.NaN] },
  date: {
    valid: ['2026-02-28', '2024-02-29'],
    invalid: ['2026-02-30', '2026/02/01', '2026-2-1', '2023-02-29', 20260101],
  },
  date_range: {
    valid: [
      { start: '2026-01-01', end: '2026-12-31' },
      { start: '2026-05-05', end: '2026-05-05' },
    ],
    invalid: [
      { start: '2026-12-31', end: '2026-01-01' },
      { start: '2026-01-01' },
      '2026-01-01..2026-02-01',
    ],
  },
  single_select: { valid: ['option-a'], invalid: ['', 3, ['a']] },
  multi_select: { valid: [[], ['a', 'b']], invalid: [['a', 'a'], 'a', [1]] },
  user: { valid: ['U012ABCDEF', 'W0AB12'], invalid: ['u012', '<@U012ABC>', 'C012ABC', ''] },
  users: { valid: [[], ['U01', 'U02']], invalid: [['U01', 'U01'], ['bob'], 'U01'] },
  channel: { valid: ['C012ABCDEF', 'G0AB12'], invalid: ['#general', 'U012ABC', ''] },
  kpis: {
    valid: [
      [],
      [kpi],
      [{ id: 'k2', name: 'NPS', direction: 'stay_above' }],
      rows(kpi, KPI_LIMITS.maxRows),
      [{ ...kpi, deadline: '2026-06-30', owner: 'U012AB', cadence: 'weekly' }],
    ],
    invalid: [
      [{ ...kpi, direction: 'up' }],
      [{ ...kpi, target: '5000' }],
      [{ ...kpi, name: '  ' }],
      [{ ...kpi, name: 'n'.repeat(KPI_LIMITS.name + 1) }],
      [{ ...kpi, unit: 'u'.repeat(KPI_LIMITS.unit + 1) }],
      [{ ...kpi, id: 'Bad Id' }],
      [kpi, kpi],
      [{ ...kpi, cadence: 'hourly' }],
      [{ ...kpi, owner: 'alice' }],
      rows(kpi, KPI_LIMITS.maxRows + 1),
    ],
  },
  phases: {
    valid: [
      [phase],
      [{ id: 'p2', name: 'Later' }],
      rows(phase, PHASE_LIMITS.maxRows),
      // An unordered phase is storable; the review reports it so the user sees why.
      [{ ...phase, start: '2026-05-01', end: '2026-04-01' }],
    ],
    invalid: [
      [{ ...phase, start: '2026-13-01' }],
      [{ ...phase, goal: 'g'.repeat(PHASE_LIMITS.goal + 1) }],
      rows(phase, PHASE_LIMITS.maxRows + 1),
      [{ ...phase, id: undefined }],
    ],
  },
  budget_lines: {
    valid: [
      [budgetLine],
      [{ id: 'b2', item: 'Servers', amount: 0, currency: 'USD' }],
      rows(budgetLine, BUDGET_LINE_LIMITS.maxRows),
    ],
    invalid: [
      [{ ...budgetLine, amount: -1 }],
      [{ ...budgetLine, currency: 'yuan' }],
      [{ ...budgetLine, amount: undefined }],
      [{ ...budgetLine, category: 'c'.repeat(BUDGET_LINE_LIMITS.category + 1) }],
      rows(budgetLine, BUDGET_LINE_LIMITS.maxRows + 1),
    ],
  },
  resources: {
    valid: [
      [resource],
      [{ id: 'r2', item: '服务器', status: 'have' }],
      rows(resource, RESOURCE_LIMITS.maxRows),
    ],
    invalid: [
      [{ ...resource, status: 'want' }],
      [{ ...resource, howToObtain: 'h'.repeat(RESOURCE_LIMITS.howToObtain + 1) }],
      rows(resource, RESOURCE_LIMITS.maxRows + 1),
    ],
  },
  prioritised_items: {
    valid: [[item], [{ id: 'm2', title: 'CRM' }], rows(item, PRIORITISED_ITEM_LIMITS.maxRows)],
    invalid: [
      [{ ...item, priority: 'P3' }],
      [{ ...item, title: '' }],
      [{ ...item, notes: 'n'.repeat(PRIORITISED_ITEM_LIMITS.notes + 1) }],
      rows(item, PRIORITISED_ITEM_LIMITS.maxRows + 1),
    ],
  },
};

describe('field value schemas', () => {
  it('covers every field type', () => {
    expect(Object.keys(cases).sort()).toEqual([...FIELD_TYPES].sort());
  });

  for (const type of FIELD_TYPES) {
    describe(type, () => {
      it.each(cases[type].valid.map((v) => [JSON.stringify(v).slice(0, 60), v]))(
        'accepts %s',
        (_, value) => {
          const result = VALUE_SCHEMAS[type].safeParse(value);
          expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
          // Parsing must not alter a valid value: stored plans round-trip unchanged.
          expect(result.data).toEqual(value);
        },
      );
      it.each(cases[type].invalid.map((v) => [JSON.stringify(v)?.slice(0, 60), v]))(
        'refuses %s',
        (_, value) => {
          expect(VALUE_SCHEMAS[type].safeParse(value).success).toBe(false);
        },
      );
    });
  }

  it('points list errors at the offending row and field', () => {
    const result = VALUE_SCHEMAS.kpis.safeParse([kpi, { ...kpi, id: 'k2', target: 'lots' }]);
    expect(result.error?.issues[0]?.path).toEqual([1, 'target']);
  });

  it('publishes row maxima for the UI', () => {
    expect(LIST_MAX_ROWS).toEqual({
      kpis: 20,
      phases: 12,
      budget_lines: 40,
      resources: 30,
      prioritised_items: 30,
    });
  });
});

describe('isEmptyValue', () => {
  it('treats absent, blank and empty lists as unanswered, and zero as an answer', () => {
    expect([undefined, '', '  \n', []].map((v) => isEmptyValue(v))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([0, 'x', ['a'], { amount: 0, currency: 'CNY' }].map((v) => isEmptyValue(v))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
