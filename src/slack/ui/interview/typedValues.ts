import type { Plan } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { fieldBlockId, rowColumnBlockId, SCALAR_SUFFIX } from './blockIds.js';
import type { TypedValue } from './conflictModal.js';
import { visibleColumns } from './listColumns.js';
import { LIST_COLUMN_TEXTS } from './listColumnTexts.js';
import { layoutSection } from './sectionLayout.js';
import { SECTION_TEXTS } from './sectionTexts.js';
import { type InputValue, readStateInputs } from './viewStateValues.js';

/**
 * What the user typed in a step, labelled as in the step ("KPI 2 · Target"), for the conflict
 * view. Selections show their option labels; people and channels show their ids.
 */
export function typedValuesForConflict(args: {
  template: Template;
  plan: Plan;
  sectionId: string;
  stateValues: unknown;
  rows: Record<string, string[]>;
}): TypedValue[] {
  const state = readStateInputs(args.stateValues);
  if (!state.ok) return [];
  const { inputs } = state;
  const language = args.plan.meta.language;
  const layout = layoutSection(args.template, args.plan, args.sectionId, args.rows);
  const typed: TypedValue[] = [];
  const push = (label: string, raw: InputValue | undefined, labels?: Map<string, string>) => {
    const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const text = values.map((v) => labels?.get(v) ?? v).join(', ');
    if (text.trim().length > 0) typed.push({ label, text });
  };
  for (const field of layout.fields) {
    const label = field.label[language];
    const list = layout.lists.get(field.id);
    if (!list) {
      const options = new Map(field.options?.map((o) => [o.value, o.label[language]]));
      push(label, inputs[fieldBlockId(field.id)], options);
      for (const suffix of [SCALAR_SUFFIX.currency, SCALAR_SUFFIX.rangeEnd]) {
        push(label, inputs[fieldBlockId(field.id, suffix)]);
      }
      continue;
    }
    const texts = LIST_COLUMN_TEXTS[language];
    list.shownIds.forEach((rowId, index) => {
      const rowTitle = SECTION_TEXTS[language].rowTitle[list.field.type](index + 1);
      for (const column of visibleColumns(list.field.type, layout.planHasPhases)) {
        const options =
          column.kind === 'select'
            ? new Map(column.values.map((v) => [v, column.optionLabel(texts, v)]))
            : undefined;
        const raw = inputs[rowColumnBlockId(field.id, rowId, column.key)];
        push(`${rowTitle} · ${texts.labels[column.label]}`, raw, options);
      }
    });
  }
  return typed;
}
