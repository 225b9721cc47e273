import type { Locale } from '../domain/locale.js';
import type { Plan } from '../domain/plan.js';
import type { FieldRole, Template, TemplateField, TemplateSection } from '../domain/template.js';
import { type FormattedValue, formatFieldValue } from './formatFieldValue.js';

/** One answered-or-not field of a section, in template order, ready for a renderer. */
export interface RenderedField {
  field: TemplateField;
  label: string;
  value: FormattedValue;
}

export interface RenderedSection {
  section: TemplateSection;
  title: string;
  fields: RenderedField[];
  /** True when no field of the section has an answer. */
  empty: boolean;
}

/**
 * The plan's content in template order, labels in the plan's language. Both renderers walk this, so the
 * Markdown file and the Slack post always show the same fields in the same order. Answers to sections or
 * fields the template does not know are not shown: `validatePlanAgainstTemplate` reports them.
 */
export function planSections(plan: Plan, template: Template, locale: Locale): RenderedSection[] {
  return template.sections.map((section) => {
    const values = plan.sections[section.id] ?? {};
    const fields = section.fields.map((field) => ({
      field,
      label: field.label[locale],
      value: formatFieldValue(field, values[field.id], locale),
    }));
    return {
      section,
      title: section.title[locale],
      fields,
      empty: fields.every((f) => f.value.kind === 'empty'),
    };
  });
}

/** Every answered field with the given role, in template order. */
export function fieldsByRole(
  sections: readonly RenderedSection[],
  role: FieldRole,
): RenderedField[] {
  return sections.flatMap((s) =>
    s.fields.filter((f) => f.field.role === role && f.value.kind !== 'empty'),
  );
}

/** Phase names by id across all phase lists, so budget lines can name their phase. */
export function phaseNames(sections: readonly RenderedSection[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const section of sections) {
    for (const { value } of section.fields) {
      if (value.kind !== 'phases') continue;
      for (const phase of value.rows) if (!names.has(phase.id)) names.set(phase.id, phase.name);
    }
  }
  return names;
}

/** The locale a plan renders in: the caller's choice, else the plan's own language. */
export function renderLocale(plan: Plan, locale: Locale | undefined): Locale {
  return locale ?? plan.meta.language;
}
