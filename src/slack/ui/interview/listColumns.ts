import {
  BUDGET_LINE_LIMITS,
  CHECK_IN_CADENCES,
  KPI_DIRECTIONS,
  KPI_LIMITS,
  type ListFieldType,
  PHASE_LIMITS,
  PRIORITIES,
  PRIORITISED_ITEM_LIMITS,
  RESOURCE_LIMITS,
  RESOURCE_STATUSES,
} from '../../../domain/fieldTypes.js';
import type { ListColumnTexts } from './listColumnTexts.js';

/**
 * The columns of each structured list, declared once so that the modal builder and the
 * submission parser cannot disagree on which inputs a row has. `key` is the row object's
 * property and the last part of the column's block id.
 */
export type ColumnKind =
  | {
      kind: 'text';
      max: number;
      multiline?: boolean;
      placeholder?: keyof ListColumnTexts['placeholders'];
    }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'user' }
  | {
      kind: 'select';
      values: readonly string[];
      optionLabel: (texts: ListColumnTexts, value: string) => string;
      /** Pre-selected in new rows; a row holding only defaults counts as empty. */
      initial?: string;
    }
  | { kind: 'currency' }
  /** The plan's phases by name (budget lines); only shown when the plan has phases. */
  | { kind: 'phase' };

export type ListColumn = ColumnKind & {
  key: string;
  label: keyof ListColumnTexts['labels'];
  /** A non-empty row must have it. */
  required?: boolean;
};

export interface ListSpec {
  /** Prefix of new row ids: kpi-1, phase-2, … (as the CLI skeleton uses). */
  rowIdPrefix: string;
  columns: readonly ListColumn[];
}

const text = (max: number, multiline = false) => ({ kind: 'text' as const, max, multiline });

export const LIST_SPECS: Record<ListFieldType, ListSpec> = {
  kpis: {
    rowIdPrefix: 'kpi',
    columns: [
      { key: 'name', label: 'kpiName', required: true, ...text(KPI_LIMITS.name) },
      { key: 'baseline', label: 'baseline', kind: 'number' },
      { key: 'target', label: 'target', kind: 'number' },
      { key: 'unit', label: 'unit', ...text(KPI_LIMITS.unit), placeholder: 'unit' },
      {
        key: 'direction',
        label: 'direction',
        required: true,
        kind: 'select',
        values: KPI_DIRECTIONS,
        optionLabel: (t, v) => t.directions[v as keyof ListColumnTexts['directions']],
        initial: 'increase',
      },
      { key: 'deadline', label: 'deadline', kind: 'date' },
      { key: 'owner', label: 'owner', kind: 'user' },
      {
        key: 'cadence',
        label: 'cadence',
        kind: 'select',
        values: CHECK_IN_CADENCES,
        optionLabel: (t, v) => t.cadences[v as keyof ListColumnTexts['cadences']],
      },
    ],
  },
  phases: {
    rowIdPrefix: 'phase',
    columns: [
      { key: 'name', label: 'phaseName', required: true, ...text(PHASE_LIMITS.name) },
      { key: 'start', label: 'start', kind: 'date' },
      { key: 'end', label: 'end', kind: 'date' },
      { key: 'goal', label: 'goal', ...text(PHASE_LIMITS.goal, true) },
      {
        key: 'successCriteria',
        label: 'successCriteria',
        ...text(PHASE_LIMITS.successCriteria, true),
        placeholder: 'successCriteria',
      },
      { key: 'tasks', label: 'tasks', ...text(PHASE_LIMITS.tasks, true) },
    ],
  },
  budget_lines: {
    rowIdPrefix: 'line',
    columns: [
      { key: 'item', label: 'item', required: true, ...text(BUDGET_LINE_LIMITS.item) },
      {
        key: 'category',
        label: 'category',
        ...text(BUDGET_LINE_LIMITS.category),
        placeholder: 'category',
      },
      { key: 'amount', label: 'amount', required: true, kind: 'number' },
      { key: 'currency', label: 'currency', required: true, kind: 'currency' },
      { key: 'phaseId', label: 'phase', kind: 'phase' },
    ],
  },
  resources: {
    rowIdPrefix: 'res',
    columns: [
      { key: 'item', label: 'item', required: true, ...text(RESOURCE_LIMITS.item) },
      {
        key: 'status',
        label: 'status',
        required: true,
        kind: 'select',
        values: RESOURCE_STATUSES,
        optionLabel: (t, v) => t.statuses[v as keyof ListColumnTexts['statuses']],
        initial: 'need',
      },
      { key: 'source', label: 'source', ...text(RESOURCE_LIMITS.source) },
      { key: 'howToObtain', label: 'howToObtain', ...text(RESOURCE_LIMITS.howToObtain, true) },
    ],
  },
  prioritised_items: {
    rowIdPrefix: 'item',
    columns: [
      { key: 'title', label: 'title', required: true, ...text(PRIORITISED_ITEM_LIMITS.title) },
      {
        key: 'priority',
        label: 'priority',
        kind: 'select',
        values: PRIORITIES,
        optionLabel: (t, v) => t.priorities[v as keyof ListColumnTexts['priorities']],
      },
      { key: 'owner', label: 'owner', kind: 'user' },
      { key: 'notes', label: 'notes', ...text(PRIORITISED_ITEM_LIMITS.notes, true) },
    ],
  },
};

/** The columns a row shows in this plan: the phase picker only when there are phases to pick. */
export function visibleColumns(type: ListFieldType, planHasPhases: boolean): readonly ListColumn[] {
  return LIST_SPECS[type].columns.filter((c) => c.kind !== 'phase' || planHasPhases);
}
