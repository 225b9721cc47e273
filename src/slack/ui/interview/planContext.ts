import {
  isListFieldType,
  type ListFieldType,
  PhaseListSchema,
} from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import {
  fieldsForStage,
  findSection,
  type Template,
  type TemplateField,
} from '../../../domain/template.js';

/** What the section step needs to know about the rest of the plan. */

/** Currencies offered in money inputs; a saved currency outside this list is offered too. */
export const COMMON_CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'HKD',
  'JPY',
  'GBP',
  'SGD',
  'TWD',
  'KRW',
  'AUD',
];

/** The currency a new amount starts with: the plan's language decides. */
export function defaultCurrency(language: Locale): string {
  return language === 'zh-CN' ? 'CNY' : 'USD';
}

export interface PhaseChoice {
  id: string;
  name: string;
}

/** Every phase saved anywhere in the plan, for budget lines to say when money is spent. */
export function planPhases(plan: Plan, template: Template): PhaseChoice[] {
  const phases: PhaseChoice[] = [];
  const seen = new Set<string>();
  for (const section of template.sections) {
    for (const field of section.fields) {
      if (field.type !== 'phases') continue;
      const parsed = PhaseListSchema.safeParse(plan.sections[section.id]?.[field.id]);
      if (!parsed.success) continue;
      for (const phase of parsed.data) {
        if (seen.has(phase.id)) continue;
        seen.add(phase.id);
        phases.push({ id: phase.id, name: phase.name });
      }
    }
  }
  // Slack shows at most 100 options.
  return phases.slice(0, 100);
}

/** The fields of a section this plan's stage asks, or throws for an unknown section. */
export function stageFields(template: Template, plan: Plan, sectionId: string): TemplateField[] {
  const section = findSection(template, sectionId);
  if (!section) throw new Error(`template "${template.id}" has no section "${sectionId}"`);
  return fieldsForStage(section, plan.meta.stage);
}

export type ListField = TemplateField & { type: ListFieldType };

export function isListField(field: TemplateField): field is ListField {
  return isListFieldType(field.type);
}

/** Ids of a list field's saved rows (whatever else is wrong with them). */
export function savedRowIds(plan: Plan, sectionId: string, fieldId: string): string[] {
  const value = plan.sections[sectionId]?.[fieldId];
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) =>
    typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string'
      ? [row.id]
      : [],
  );
}
