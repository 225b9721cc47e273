import { LIST_MAX_ROWS } from '../../../domain/fieldTypes.js';
import type { Stage } from '../../../domain/lifecycle.js';
import type { Plan } from '../../../domain/plan.js';
import { fieldsForStage, type Template, type TemplateField } from '../../../domain/template.js';
import { visibleColumns } from './listColumns.js';
import { isListField, type ListField, planPhases, stageFields } from './planContext.js';

/** Slack refuses a modal of more than 100 blocks. */
export const MODAL_BLOCK_LIMIT = 100;

export interface ListLayout {
  field: ListField;
  /** Every row of the list, in order (shown first, then any that do not fit). */
  rowIds: string[];
  shownIds: string[];
  /** Saved rows that do not fit in the modal; they are kept unchanged on save. */
  hiddenCount: number;
  /** How many rows this list can hold now, given the other lists' rows. */
  capacity: number;
  canAdd: boolean;
  /** Blocks one row takes: its header and one input per column. */
  rowCost: number;
  /** True when the domain's maximum, not the window's space, is the limit. */
  cappedByDomain: boolean;
}

export interface SectionLayout {
  fields: TemplateField[];
  lists: Map<string, ListLayout>;
  planHasPhases: boolean;
  hasGuidance: boolean;
  /** Blocks the modal will have with every list at its current rows. */
  totalBlocks: number;
}

/** Scalar inputs: money and date ranges need two. */
export function scalarBlockCount(field: TemplateField): number {
  return field.type === 'money' || field.type === 'date_range' ? 2 : 1;
}

/**
 * How the section's blocks are spent. Everything but list rows is fixed (the notice slot is
 * always reserved, so adding a notice never pushes a row out); the rest is shared by the lists
 * in template order. A list can grow while its rows fit and its domain maximum allows.
 */
export function layoutSection(
  template: Template,
  plan: Plan,
  sectionId: string,
  rows: Record<string, string[]>,
): SectionLayout {
  const fields = stageFields(template, plan, sectionId);
  const section = template.sections.find((s) => s.id === sectionId);
  const hasGuidance = Boolean(section?.guidance[plan.meta.stage]);
  const planHasPhases = planPhases(plan, template).length > 0;
  // Intro, notice slot, footer actions, guidance when there is some.
  let fixed = 3 + (hasGuidance ? 1 : 0);
  for (const field of fields) fixed += isListField(field) ? 2 : scalarBlockCount(field);

  const listFields = fields.filter(isListField).map((field) => ({
    field,
    // Duplicates would give two blocks one id, which Slack refuses; metadata is client-held.
    rowIds: [...new Set(rows[field.id] ?? [])].slice(0, LIST_MAX_ROWS[field.type]),
    rowCost: 1 + visibleColumns(field.type, planHasPhases).length,
  }));
  // Every list shows its first row before any list gets a second, so no list is crowded out.
  let remaining = MODAL_BLOCK_LIMIT - fixed;
  for (const list of listFields) remaining -= Math.min(list.rowIds.length, 1) * list.rowCost;
  const partial: Omit<ListLayout, 'capacity' | 'canAdd' | 'cappedByDomain'>[] = [];
  for (const { field, rowIds, rowCost } of listFields) {
    const first = Math.min(rowIds.length, 1);
    const more = Math.max(0, Math.min(rowIds.length - first, Math.floor(remaining / rowCost)));
    remaining -= more * rowCost;
    const shown = first + more;
    partial.push({
      field,
      rowIds,
      shownIds: rowIds.slice(0, shown),
      hiddenCount: rowIds.length - shown,
      rowCost,
    });
  }
  const lists = new Map<string, ListLayout>();
  let totalBlocks = fixed;
  for (const list of partial) {
    const max = LIST_MAX_ROWS[list.field.type];
    const fits = list.shownIds.length + Math.floor(remaining / list.rowCost);
    const capacity = list.hiddenCount > 0 ? list.shownIds.length : Math.min(max, fits);
    totalBlocks += list.shownIds.length * list.rowCost;
    lists.set(list.field.id, {
      ...list,
      capacity,
      canAdd: list.hiddenCount === 0 && list.rowIds.length < capacity,
      cappedByDomain: capacity === max,
    });
  }
  return { fields, lists, planHasPhases, hasGuidance, totalBlocks };
}

export interface SectionProgress {
  /** 1-based position among the sections this stage asks. */
  index: number;
  total: number;
  previousId?: string;
  nextId?: string;
}

/** Where a section sits in the interview; sections with no field for the stage are skipped. */
export function sectionProgress(
  template: Template,
  stage: Stage,
  sectionId: string,
): SectionProgress {
  const asked = template.sections.filter((s) => fieldsForStage(s, stage).length > 0);
  const position = asked.findIndex((s) => s.id === sectionId);
  if (position < 0) throw new Error(`section "${sectionId}" is not asked at stage ${stage}`);
  const previous = asked[position - 1];
  const next = asked[position + 1];
  return {
    index: position + 1,
    total: asked.length,
    ...(previous ? { previousId: previous.id } : {}),
    ...(next ? { nextId: next.id } : {}),
  };
}

/** The first step of the interview for a plan in `stage`. */
export function firstSectionId(template: Template, stage: Stage): string {
  const first = template.sections.find((s) => fieldsForStage(s, stage).length > 0);
  if (!first) throw new Error(`template "${template.id}" asks nothing at stage ${stage}`);
  return first.id;
}
