import {
  BudgetLineSchema,
  KpiSchema,
  type ListFieldType,
  PhaseSchema,
  PrioritisedItemSchema,
  ResourceSchema,
} from '../fieldTypes.js';
import type { ColumnChange, ListRows, RowChange } from './planChanges.js';
import { sameValue } from './valueEquality.js';

/** The columns of each row type in schema order (the order a reader sees them in the plan). */
const ROW_SHAPES = {
  kpis: KpiSchema.shape,
  phases: PhaseSchema.shape,
  budget_lines: BudgetLineSchema.shape,
  resources: ResourceSchema.shape,
  prioritised_items: PrioritisedItemSchema.shape,
} as const;

export function rowColumns<T extends ListFieldType>(type: T): Exclude<keyof ListRows[T], 'id'>[] {
  return Object.keys(ROW_SHAPES[type]).filter((key) => key !== 'id') as Exclude<
    keyof ListRows[T],
    'id'
  >[];
}

/**
 * Rows matched by id, never by position or name: a row moved up the list is the same row, and a row
 * renamed in place is a change of its name, not a removal plus an addition. The order of rows alone
 * is NOT a content change (priorities and dates carry the meaning; a reordered list reads the same),
 * so a pure reorder gives no change at all.
 *
 * Order of the result: rows of the new version in their new order (added or changed), then removed
 * rows in their old order.
 */
export function diffRows<T extends ListFieldType>(
  type: T,
  before: readonly ListRows[T][],
  after: readonly ListRows[T][],
): RowChange<ListRows[T]>[] {
  const columns = rowColumns(type);
  const oldById = new Map(before.map((row) => [row.id, row]));
  const newIds = new Set(after.map((row) => row.id));
  const changes: RowChange<ListRows[T]>[] = [];
  for (const row of after) {
    const old = oldById.get(row.id);
    if (old === undefined) {
      changes.push({ change: 'added', rowId: row.id, after: row });
      continue;
    }
    const changed = columns.flatMap((column) =>
      sameValue(old[column], row[column])
        ? []
        : [{ column, before: old[column], after: row[column] } as ColumnChange<ListRows[T]>],
    );
    if (changed.length > 0) {
      changes.push({ change: 'changed', rowId: row.id, before: old, after: row, columns: changed });
    }
  }
  for (const row of before) {
    if (!newIds.has(row.id)) changes.push({ change: 'removed', rowId: row.id, before: row });
  }
  return changes;
}
