import { isEmptyValue } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import type { Plan, SectionValues } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { fieldBlockId, rowColumnBlockId } from './blockIds.js';
import { FormErrors } from './inputParsing.js';
import { LIST_SPECS } from './listColumns.js';
import { parseListField } from './listParsing.js';
import { defaultCurrency, isListField } from './planContext.js';
import { parseScalarField } from './scalarParsing.js';
import { layoutSection } from './sectionLayout.js';
import { SECTION_TEXTS } from './sectionTexts.js';
import { type InputValue, readStateInputs } from './viewStateValues.js';

export interface ParseSectionArgs {
  template: Template;
  plan: Plan;
  sectionId: string;
  /** The user's language. Inline errors follow the plan's language, like the labels above them. */
  locale?: Locale;
  /** Slack's `view.state.values`. */
  stateValues: unknown;
  /** The rows of each list as shown (from the step's private_metadata). */
  rows: Record<string, string[]>;
  /**
   * Save what is there without insisting on required fields (Save & close, Back): a draft may
   * be incomplete, but a value that is wrong is still refused.
   */
  partial?: boolean;
}

export type SectionParse =
  | { ok: true; values: SectionValues }
  | { ok: false; errors: Record<string, string> };

/**
 * The section's answers from a submitted step, or inline errors keyed by input block id
 * (ready for `response_action: 'errors'`). Only fields the plan's stage asks are returned;
 * empty fields are left out.
 */
export function parseSectionSubmission(args: ParseSectionArgs): SectionParse {
  const { template, plan, sectionId } = args;
  const state = readStateInputs(args.stateValues);
  if (!state.ok) throw new Error(state.error);
  const { inputs } = state;
  const language = plan.meta.language;
  const errors = new FormErrors(language);
  const layout = layoutSection(template, plan, sectionId, args.rows);
  const values: SectionValues = {};
  for (const field of layout.fields) {
    const list = layout.lists.get(field.id);
    let value: SectionValues[string] | undefined;
    if (list && isListField(field)) {
      value = parseListField(field, list.rowIds, {
        inputs,
        errors,
        period: plan.meta.period,
        planHasPhases: layout.planHasPhases,
        currency: defaultCurrency(language),
        savedRows: plan.sections[sectionId]?.[field.id],
      });
    } else {
      value = parseScalarField(field, inputs, errors);
    }
    if (value !== undefined && !isEmptyValue(value)) {
      values[field.id] = value;
      continue;
    }
    if (!field.required || args.partial) continue;
    if (list && isListField(field)) {
      const first = list.shownIds[0];
      const column = LIST_SPECS[field.type].columns[0];
      const noun = SECTION_TEXTS[language].rowsNoun[field.type];
      const blockId =
        first && column ? rowColumnBlockId(field.id, first, column.key) : fieldBlockId(field.id);
      errors.add(blockId, errors.texts.listRequired(noun));
    } else {
      errors.add(fieldBlockId(field.id), errors.texts.required);
    }
  }
  return errors.empty ? { ok: true, values } : { ok: false, errors: errors.byBlock };
}

/**
 * What the user typed, by block id, to show back exactly as typed in a rebuilt step (after a
 * failed save, a conflict, or view_closed). Safe to keep in Redis and pass back as `values`.
 */
export function stateToPrefill(stateValues: unknown): Record<string, InputValue> {
  const state = readStateInputs(stateValues);
  return state.ok ? state.inputs : {};
}
