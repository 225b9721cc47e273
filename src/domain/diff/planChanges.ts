import type {
  BudgetLine,
  FieldType,
  FieldValue,
  Kpi,
  ListFieldType,
  Money,
  Phase,
  PrioritisedItem,
  Resource,
} from '../fieldTypes.js';
import type { PlanMeta } from '../plan.js';
import type { FieldRole } from '../template.js';

/**
 * What changed between two versions of a plan, for the readers of a "v2 — what changed" post.
 * Plain data in a deterministic order (meta in schema order, fields in template order, rows in the new
 * version's order followed by removed rows in the old order), so the same two plans always give the
 * same list and the renderer never has to sort.
 */

/** The meta keys a reader cares about (the template id never changes on a revision). */
export const META_KEYS = [
  'title',
  'stage',
  'audience',
  'period',
  'owner',
  'editors',
  'channel',
  'language',
  'timezone',
] as const satisfies readonly (keyof PlanMeta)[];
export type MetaKey = (typeof META_KEYS)[number];

export type MetaChange = {
  [K in MetaKey]: { key: K; before: PlanMeta[K]; after: PlanMeta[K] };
}[MetaKey];

/** Where a change is: a field of a section, optionally one row of its list. */
export interface FieldLocation {
  sectionId: string;
  fieldId: string;
  role?: FieldRole;
}

/** A non-list field (or a list whose stored value is not a valid list, shown as stored). */
export interface ScalarFieldChange extends FieldLocation {
  kind: 'scalar';
  type: FieldType;
  /** `undefined`: not answered in that version. */
  before: FieldValue | undefined;
  after: FieldValue | undefined;
}

/** The row type of each structured list. */
export interface ListRows {
  kpis: Kpi;
  phases: Phase;
  budget_lines: BudgetLine;
  resources: Resource;
  prioritised_items: PrioritisedItem;
}

/** One column of a row, old → new (`undefined` = empty in that version). */
export type ColumnChange<R> = {
  [K in Exclude<keyof R & string, 'id'>]-?: { column: K; before: R[K]; after: R[K] };
}[Exclude<keyof R & string, 'id'>];

export type RowChange<R extends { id: string }> =
  | { change: 'added'; rowId: string; after: R }
  | { change: 'removed'; rowId: string; before: R }
  /** Same row id in both versions; a renamed row is a change of its name column. */
  | { change: 'changed'; rowId: string; before: R; after: R; columns: ColumnChange<R>[] };

export type ListFieldChange = {
  [T in ListFieldType]: FieldLocation & { kind: 'list'; type: T; rows: RowChange<ListRows[T]>[] };
}[ListFieldType];

export type FieldChange = ScalarFieldChange | ListFieldChange;

/** Sum of all budget lines, per currency, in each version (first-seen currency order). */
export interface BudgetTotalChange {
  before: Money[];
  after: Money[];
}

export interface PlanChanges {
  meta: MetaChange[];
  fields: FieldChange[];
  /** Set only when the sum of the budget lines changed in some currency. */
  budgetTotal?: BudgetTotalChange;
  /**
   * Phase names by id (the new version's name first, else the old one), so a budget line moved to
   * another phase can be described by name.
   */
  phaseNames: ReadonlyMap<string, string>;
}

export function hasChanges(changes: PlanChanges): boolean {
  return changes.meta.length > 0 || changes.fields.length > 0 || changes.budgetTotal !== undefined;
}
