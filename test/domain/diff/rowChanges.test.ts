import { describe, expect, it } from 'vitest';
import { diffRows, rowColumns } from '../../../src/domain/diff/index.js';
import {
  LIST_FIELD_TYPES,
  type ListFieldType,
  VALUE_SCHEMAS,
} from '../../../src/domain/fieldTypes.js';

/** One complete row per list type, and another value for every column. */
const ROWS: Record<ListFieldType, Record<string, unknown>> = {
  kpis: {
    id: 'kpi-1',
    name: 'GMV',
    baseline: 100,
    target: 200,
    unit: 'k',
    direction: 'increase',
    deadline: '2026-06-30',
    owner: 'U0AAA',
    cadence: 'weekly',
  },
  phases: {
    id: 'phase-1',
    name: 'Pilot',
    start: '2026-01-01',
    end: '2026-03-31',
    goal: 'Prove it',
    successCriteria: '100 shops',
    tasks: 'Sign up shops',
  },
  budget_lines: {
    id: 'line-1',
    item: 'Ads',
    category: 'Marketing',
    amount: 1000,
    currency: 'CNY',
    phaseId: 'phase-1',
  },
  resources: {
    id: 'res-1',
    item: 'Sales team',
    status: 'need',
    source: 'Hiring',
    howToObtain: 'Agency',
  },
  prioritised_items: {
    id: 'item-1',
    title: 'Loyalty',
    priority: 'P0',
    owner: 'U0AAA',
    notes: 'First',
  },
};
const OTHER: Record<string, unknown> = {
  name: 'Renamed',
  baseline: 150,
  target: 250,
  unit: 'orders',
  direction: 'stay_above',
  deadline: '2026-07-31',
  owner: 'U0BBB',
  cadence: 'monthly',
  start: '2026-02-01',
  end: '2026-04-30',
  goal: 'Prove it twice',
  successCriteria: '200 shops',
  tasks: 'Sign up more shops',
  item: 'Renamed item',
  category: 'Growth',
  amount: 1500,
  currency: 'USD',
  phaseId: 'phase-2',
  status: 'have',
  source: 'Partner',
  howToObtain: 'Contract',
  title: 'Renamed title',
  priority: 'P2',
  notes: 'Second',
};

describe('diffRows, for every list type', () => {
  for (const type of LIST_FIELD_TYPES) {
    const row = VALUE_SCHEMAS[type].parse([ROWS[type]])[0] as { id: string };

    it(`${type}: reports a change of each column alone, old → new`, () => {
      const columns = rowColumns(type);
      expect(columns.length).toBeGreaterThan(2);
      for (const column of columns) {
        const changed = { ...row, [column]: OTHER[column] };
        VALUE_SCHEMAS[type].parse([changed]); // still a valid row
        expect(diffRows(type, [row] as never, [changed] as never)).toEqual([
          {
            change: 'changed',
            rowId: row.id,
            before: row,
            after: changed,
            columns: [
              { column, before: (row as Record<string, unknown>)[column], after: OTHER[column] },
            ],
          },
        ]);
      }
    });

    it(`${type}: reports an added and a removed row; a reorder alone is no change`, () => {
      const second = { ...row, id: 'second' };
      expect(diffRows(type, [row] as never, [row, second] as never)).toEqual([
        { change: 'added', rowId: 'second', after: second },
      ]);
      expect(diffRows(type, [row, second] as never, [second] as never)).toEqual([
        { change: 'removed', rowId: row.id, before: row },
      ]);
      expect(diffRows(type, [row, second] as never, [second, row] as never)).toEqual([]);
    });
  }
});
