import { type FieldValue, VALUE_SCHEMAS } from '../../../domain/fieldTypes.js';
import type { PlanPeriod } from '../../../domain/plan.js';
import { rowColumnBlockId } from './blockIds.js';
import { checkInPeriod, type FormErrors, readDate, readNumber, readText } from './inputParsing.js';
import { type ListColumn, visibleColumns } from './listColumns.js';
import { LIST_COLUMN_TEXTS } from './listColumnTexts.js';
import type { ListField } from './planContext.js';
import { type InputValue, singleValue } from './viewStateValues.js';

export interface ListParseContext {
  inputs: Record<string, InputValue>;
  errors: FormErrors;
  period: PlanPeriod;
  planHasPhases: boolean;
  currency: string;
  /** The saved rows, for rows that did not fit in the modal (kept as they are). */
  savedRows: unknown;
}

type Row = Record<string, unknown> & { id: string };

/** A column's value, or undefined when empty or wrong (the error is recorded). */
function readCell(
  column: ListColumn,
  raw: InputValue | undefined,
  blockId: string,
  errors: FormErrors,
) {
  switch (column.kind) {
    case 'text':
      return readText(raw, blockId, column.max, errors);
    case 'number': {
      const read = readNumber(raw, blockId, errors);
      return read.ok ? read.value : undefined;
    }
    case 'date':
      return readDate(raw, blockId, errors);
    default:
      return singleValue(raw);
  }
}

/** New rows start with these values; a row holding nothing else was left empty. */
function isDefault(column: ListColumn, value: unknown, currency: string): boolean {
  if (column.kind === 'select') return column.initial !== undefined && value === column.initial;
  return column.kind === 'currency' && value === currency;
}

function parseRow(
  field: ListField,
  rowId: string,
  ctx: ListParseContext,
): Row | 'empty' | 'invalid' {
  const { errors } = ctx;
  const row: Row = { id: rowId };
  let hasContent = false;
  let failed = false;
  const columns = visibleColumns(field.type, ctx.planHasPhases);
  for (const column of columns) {
    const blockId = rowColumnBlockId(field.id, rowId, column.key);
    const before = Object.keys(errors.byBlock).length;
    const value = readCell(column, ctx.inputs[blockId], blockId, errors);
    if (Object.keys(errors.byBlock).length > before) failed = true;
    if (singleValue(ctx.inputs[blockId]) !== undefined && !isDefault(column, value, ctx.currency)) {
      hasContent = true;
    }
    if (value !== undefined) row[column.key] = value;
  }
  if (!hasContent) {
    // Errors inside a row the user left empty (e.g. a forged date) do not block the step.
    for (const column of columns)
      delete errors.byBlock[rowColumnBlockId(field.id, rowId, column.key)];
    return 'empty';
  }
  const labels = LIST_COLUMN_TEXTS[errors.locale].labels;
  for (const column of columns) {
    if (column.required && row[column.key] === undefined) {
      errors.add(
        rowColumnBlockId(field.id, rowId, column.key),
        errors.texts.rowNeeds(labels[column.label]),
      );
      failed = true;
    }
  }
  const block = (key: string) => rowColumnBlockId(field.id, rowId, key);
  if (field.type === 'kpis')
    checkInPeriod(row.deadline as string | undefined, ctx.period, block('deadline'), errors);
  if (field.type === 'phases') {
    const start = row.start as string | undefined;
    const end = row.end as string | undefined;
    checkInPeriod(start, ctx.period, block('start'), errors);
    checkInPeriod(end, ctx.period, block('end'), errors);
    if (start && end && end < start) errors.add(block('end'), errors.texts.endBeforeStart);
  }
  if (field.type === 'budget_lines' && typeof row.amount === 'number' && row.amount < 0) {
    errors.add(block('amount'), errors.texts.negativeAmount);
  }
  return failed ? 'invalid' : row;
}

function savedRow(savedRows: unknown, rowId: string): Row | undefined {
  if (!Array.isArray(savedRows)) return undefined;
  return savedRows.find(
    (r): r is Row => typeof r === 'object' && r !== null && (r as Row).id === rowId,
  );
}

/**
 * The rows of a list field in the order shown, without empty rows. A row with no input in the
 * state did not fit in the modal: its saved value is kept unchanged.
 */
export function parseListField(
  field: ListField,
  rowIds: readonly string[],
  ctx: ListParseContext,
): FieldValue | undefined {
  const rows: Row[] = [];
  const blocksOfRow = new Map<Row, string>();
  const columns = visibleColumns(field.type, ctx.planHasPhases);
  for (const rowId of rowIds) {
    const shown = columns.some((c) => rowColumnBlockId(field.id, rowId, c.key) in ctx.inputs);
    if (!shown) {
      const kept = savedRow(ctx.savedRows, rowId);
      if (kept) rows.push(kept);
      continue;
    }
    const row = parseRow(field, rowId, ctx);
    if (typeof row === 'object') {
      rows.push(row);
      blocksOfRow.set(row, rowId);
    }
  }
  // The domain schema has the last word (lengths, enums, ids); its message is framed per language.
  const parsed = VALUE_SCHEMAS[field.type].safeParse(rows);
  if (parsed.success) return rows.length > 0 ? (parsed.data as FieldValue) : undefined;
  const firstShown = [...blocksOfRow.values()][0];
  for (const issue of parsed.error.issues) {
    const [index, key] = issue.path;
    const row = typeof index === 'number' ? rows[index] : undefined;
    const rowId = (row && blocksOfRow.get(row)) ?? firstShown;
    const column = columns.find((c) => c.key === key) ?? columns[0];
    if (!rowId || !column) continue;
    ctx.errors.add(
      rowColumnBlockId(field.id, rowId, column.key),
      ctx.errors.texts.invalid(issue.message),
    );
  }
  // Nothing shown to point at: only kept saved rows, which are left exactly as they were.
  return firstShown === undefined ? (rows as FieldValue) : undefined;
}
