import { type FieldType, type FieldValue, type FieldValueOf, VALUE_SCHEMAS } from './fieldTypes.js';
import type { Plan } from './plan.js';
import type { FieldRole, Template, TemplateField } from './template.js';

/** A template field together with where it lives and the plan's answer to it. */
export interface RoleField<V = FieldValue> {
  sectionId: string;
  fieldId: string;
  field: TemplateField;
  /** `undefined` when the plan has not answered the field. */
  value: V | undefined;
}

/** Every field of the template with the given role, in template order, with the plan's value. */
export function fieldsWithRole(plan: Plan, template: Template, role: FieldRole): RoleField[] {
  const found: RoleField[] = [];
  for (const section of template.sections) {
    for (const field of section.fields) {
      if (field.role !== role) continue;
      found.push({
        sectionId: section.id,
        fieldId: field.id,
        field,
        value: plan.sections[section.id]?.[field.id],
      });
    }
  }
  return found;
}

/**
 * Like `fieldsWithRole`, limited to fields of one type, with values typed for it.
 * A value that does not match the type (a plan not yet validated) reads as unanswered.
 */
export function typedFieldsWithRole<T extends FieldType>(
  plan: Plan,
  template: Template,
  role: FieldRole,
  type: T,
): RoleField<FieldValueOf<T>>[] {
  return fieldsWithRole(plan, template, role)
    .filter((f) => f.field.type === type)
    .map((f) => {
      const parsed = VALUE_SCHEMAS[type].safeParse(f.value);
      return { ...f, value: parsed.success ? (parsed.data as FieldValueOf<T>) : undefined };
    });
}
