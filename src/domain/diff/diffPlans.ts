import {
  type BudgetLine,
  type FieldValue,
  isListFieldType,
  type ListFieldType,
  type Money,
  VALUE_SCHEMAS,
} from '../fieldTypes.js';
import type { Plan } from '../plan.js';
import type { Template, TemplateField } from '../template.js';
import {
  type FieldChange,
  type ListFieldChange,
  type ListRows,
  META_KEYS,
  type MetaChange,
  type PlanChanges,
} from './planChanges.js';
import { diffRows } from './rowChanges.js';
import { sameFieldValue, sameSet, sameValue } from './valueEquality.js';

/**
 * What changed from `before` to `after`, field by field in the template's order. Only fields the
 * template knows are compared (as the renderers only show those). Two equal plans give no changes.
 */
export function diffPlans(before: Plan, after: Plan, template: Template): PlanChanges {
  const fields: FieldChange[] = [];
  for (const section of template.sections) {
    for (const field of section.fields) {
      const change = diffField(
        section.id,
        field,
        before.sections[section.id]?.[field.id],
        after.sections[section.id]?.[field.id],
      );
      if (change) fields.push(change);
    }
  }
  const budgetTotal = diffBudgetTotal(budgetLines(before, template), budgetLines(after, template));
  return {
    meta: diffMeta(before, after),
    fields,
    ...(budgetTotal ? { budgetTotal } : {}),
    phaseNames: phaseNames([after, before], template),
  };
}

function diffMeta(before: Plan, after: Plan): MetaChange[] {
  return META_KEYS.flatMap((key): MetaChange[] => {
    const old = before.meta[key];
    const now = after.meta[key];
    // Editors are a set of people: listing them in another order changes nobody's role.
    const same =
      key === 'editors' ? sameSet(old as string[], now as string[]) : sameValue(old, now);
    return same ? [] : [{ key, before: old, after: now } as MetaChange];
  });
}

function diffField(
  sectionId: string,
  field: TemplateField,
  before: FieldValue | undefined,
  after: FieldValue | undefined,
): FieldChange | undefined {
  const location = {
    sectionId,
    fieldId: field.id,
    ...(field.role === undefined ? {} : { role: field.role }),
  };
  const type = field.type;
  if (isListFieldType(type)) {
    const oldRows = listValue(type, before);
    const newRows = listValue(type, after);
    // A stored value that is not a valid list (an unvalidated import) is compared as it stands, so
    // nothing is hidden from the reader.
    if (oldRows !== undefined && newRows !== undefined) {
      const rows = diffRows(type, oldRows, newRows);
      if (rows.length === 0) return undefined;
      return { ...location, kind: 'list', type, rows } as ListFieldChange;
    }
  }
  if (sameFieldValue(type, before, after)) return undefined;
  return { ...location, kind: 'scalar', type, before, after };
}

/** The rows of a list value; an unanswered list is an empty one; undefined when it is not a list. */
function listValue<T extends ListFieldType>(
  type: T,
  value: FieldValue | undefined,
): ListRows[T][] | undefined {
  if (value === undefined) return [];
  const parsed = VALUE_SCHEMAS[type].safeParse(value);
  return parsed.success ? (parsed.data as ListRows[T][]) : undefined;
}

function budgetLines(plan: Plan, template: Template): BudgetLine[] {
  return template.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.type === 'budget_lines')
      .flatMap((field) => listValue('budget_lines', plan.sections[section.id]?.[field.id]) ?? []),
  );
}

/** Sum per currency in first-seen order; in cents, so 0.1 + 0.2 never reads as a change. */
export function sumBudgetLines(lines: readonly BudgetLine[]): Money[] {
  const cents = new Map<string, number>();
  for (const line of lines) {
    cents.set(line.currency, (cents.get(line.currency) ?? 0) + Math.round(line.amount * 100));
  }
  return [...cents].map(([currency, total]) => ({ currency, amount: total / 100 }));
}

function diffBudgetTotal(before: BudgetLine[], after: BudgetLine[]) {
  const old = sumBudgetLines(before);
  const now = sumBudgetLines(after);
  const byCurrency = (totals: Money[]) => new Map(totals.map((t) => [t.currency, t.amount]));
  const oldMap = byCurrency(old);
  const newMap = byCurrency(now);
  const currencies = new Set([...oldMap.keys(), ...newMap.keys()]);
  const same = [...currencies].every((c) => (oldMap.get(c) ?? 0) === (newMap.get(c) ?? 0));
  return same ? undefined : { before: old, after: now };
}

function phaseNames(plans: readonly Plan[], template: Template): Map<string, string> {
  const names = new Map<string, string>();
  for (const plan of plans) {
    for (const section of template.sections) {
      for (const field of section.fields) {
        if (field.type !== 'phases') continue;
        const rows = listValue('phases', plan.sections[section.id]?.[field.id]) ?? [];
        for (const phase of rows) if (!names.has(phase.id)) names.set(phase.id, phase.name);
      }
    }
  }
  return names;
}
