import { z } from 'zod';
import {
  type FieldType,
  FieldTypeSchema,
  SELECT_MAX_OPTIONS,
  SELECT_VALUE_MAX,
} from './fieldTypes.js';
import { STAGES, type Stage, StageSchema } from './lifecycle.js';
import { LOCALES, type Locale } from './locale.js';

/** Slack limits the texts of inputs: label and hint 2000, placeholder 150 characters. */
export const LABEL_MAX = 2000;
export const HINT_MAX = 2000;
export const PLACEHOLDER_MAX = 150;
/**
 * Modal titles are capped at 24 characters and carry a "3/8 · " progress prefix,
 * which leaves 18 for the section's short title.
 */
export const TITLE_SHORT_MAX = 18;
export const MODAL_TITLE_MAX = 24;
export const SECTION_TITLE_MAX = 150;
export const SECTION_INTRO_MAX = 2000;
export const GUIDANCE_MAX = 2000;
export const TEMPLATE_NAME_MAX = 150;
export const TEMPLATE_DESCRIPTION_MAX = 2000;
export const MAX_SECTIONS = 20;
export const MAX_FIELDS_PER_SECTION = 20;

export const ID_PATTERN = /^[a-z][a-zA-Z0-9_-]{0,39}$/;
export const TEMPLATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Characters as a person counts them (a Chinese character or an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** A text in every locale, each non-empty and at most `max` characters. */
export function localizedText(max: number) {
  const one = z
    .string()
    .refine((s) => s.trim().length > 0, { error: 'must not be empty' })
    .refine((s) => charCount(s) <= max, { error: `longer than ${max} characters` });
  return z.strictObject(
    Object.fromEntries(LOCALES.map((locale) => [locale, one])) as Record<
      (typeof LOCALES)[number],
      typeof one
    >,
  );
}

/**
 * What a field means, independent of where a template puts it, so review rules
 * can find "the KPIs" or "the vision" in any template.
 */
export const FIELD_ROLES = [
  'productDescription',
  'targetUsers',
  'strengths',
  'weaknesses',
  'vision',
  'shortTermGoals',
  'scope',
  'organisation',
  'resources',
  'strategyModules',
  'systemRequirements',
  'phases',
  'nextMilestone',
  'kpis',
  'budget',
  'budgetTotal',
  'budgetNotes',
  'businessModel',
  'businessModelReview',
  'competitors',
  'marketWatch',
  'quarterlyBreakdown',
  'exitSteps',
  'exitTiming',
  'aftercare',
  'risks',
] as const;
export const FieldRoleSchema = z.enum(FIELD_ROLES);
export type FieldRole = z.infer<typeof FieldRoleSchema>;

/** Roles whose rules read structured values only accept these field types. */
export const ROLE_FIELD_TYPES: Partial<Record<FieldRole, readonly FieldType[]>> = {
  kpis: ['kpis'],
  phases: ['phases'],
  budget: ['budget_lines'],
  budgetTotal: ['money'],
  resources: ['resources'],
  strategyModules: ['prioritised_items'],
  systemRequirements: ['prioritised_items'],
  exitSteps: ['phases', 'prioritised_items', 'long_text', 'short_text'],
  exitTiming: ['date', 'date_range', 'long_text', 'short_text'],
  quarterlyBreakdown: ['phases', 'long_text'],
};

const SELECT_TYPES: readonly FieldType[] = ['single_select', 'multi_select'];

export const SelectOptionSchema = z.strictObject({
  value: z.string().min(1).max(SELECT_VALUE_MAX),
  label: localizedText(75),
});
export type SelectOption = z.infer<typeof SelectOptionSchema>;

export const TemplateFieldSchema = z
  .strictObject({
    id: z.string().regex(ID_PATTERN, { error: `field id must match ${ID_PATTERN.source}` }),
    type: FieldTypeSchema,
    label: localizedText(LABEL_MAX),
    hint: localizedText(HINT_MAX).optional(),
    placeholder: localizedText(PLACEHOLDER_MAX).optional(),
    required: z.boolean().default(false),
    options: z.array(SelectOptionSchema).min(1).max(SELECT_MAX_OPTIONS).optional(),
    role: FieldRoleSchema.optional(),
    /**
     * Ask this field only in plans of these stages (e.g. exit steps only when in
     * decline). Absent: asked in every stage.
     */
    stages: z.array(StageSchema).min(1).optional(),
  })
  .superRefine((field, ctx) => {
    const isSelect = SELECT_TYPES.includes(field.type);
    if (isSelect && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `${field.type} needs options` });
    }
    if (!isSelect && field.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `${field.type} takes no options`,
      });
    }
    const values = field.options?.map((o) => o.value) ?? [];
    if (new Set(values).size !== values.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'two options share a value' });
    }
    const allowed = field.role ? ROLE_FIELD_TYPES[field.role] : undefined;
    if (field.role && allowed && !allowed.includes(field.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: `role ${field.role} needs a field of type ${allowed.join(' | ')}, not ${field.type}`,
      });
    }
  });
export type TemplateField = z.infer<typeof TemplateFieldSchema>;

const guidanceText = localizedText(GUIDANCE_MAX);
export const StageGuidanceSchema = z.strictObject(
  Object.fromEntries(STAGES.map((stage) => [stage, guidanceText.optional()])) as Record<
    (typeof STAGES)[number],
    z.ZodOptional<typeof guidanceText>
  >,
);
export type StageGuidance = z.infer<typeof StageGuidanceSchema>;

export const TemplateSectionSchema = z
  .strictObject({
    id: z.string().regex(ID_PATTERN, { error: `section id must match ${ID_PATTERN.source}` }),
    title: localizedText(SECTION_TITLE_MAX),
    titleShort: localizedText(TITLE_SHORT_MAX),
    intro: localizedText(SECTION_INTRO_MAX).optional(),
    guidance: StageGuidanceSchema.default({}),
    fields: z.array(TemplateFieldSchema).min(1).max(MAX_FIELDS_PER_SECTION),
  })
  .superRefine((section, ctx) => {
    reportDuplicates(
      section.fields.map((f) => f.id),
      (index, id) =>
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index, 'id'],
          message: `duplicate field id "${id}"`,
        }),
    );
  });
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

export const TemplateSchema = z
  .strictObject({
    id: z.string().regex(TEMPLATE_ID_PATTERN, {
      error: `template id must match ${TEMPLATE_ID_PATTERN.source}`,
    }),
    version: z.number().int().positive(),
    name: localizedText(TEMPLATE_NAME_MAX),
    description: localizedText(TEMPLATE_DESCRIPTION_MAX),
    sections: z.array(TemplateSectionSchema).min(1).max(MAX_SECTIONS),
  })
  .superRefine((template, ctx) => {
    // With 10+ sections the "10/12 · " prefix is longer, so short titles must be shorter too.
    template.sections.forEach((section, index) => {
      for (const locale of LOCALES) {
        const title = sectionProgressTitle(template, index, locale);
        // An over-long short title is already reported on its own; report the prefix case only.
        const tooLongAlone = charCount(section.titleShort[locale] ?? '') > TITLE_SHORT_MAX;
        if (!tooLongAlone && charCount(title) > MODAL_TITLE_MAX) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', index, 'titleShort', locale],
            message: `modal title "${title}" is longer than ${MODAL_TITLE_MAX} characters`,
          });
        }
      }
    });
    reportDuplicates(
      template.sections.map((s) => s.id),
      (index, id) =>
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'id'],
          message: `duplicate section id "${id}"`,
        }),
    );
  });
export type Template = z.infer<typeof TemplateSchema>;
/** A template as written in YAML (defaults such as `required: false` not yet applied). */
export type TemplateInput = z.input<typeof TemplateSchema>;

export function findSection(template: Template, sectionId: string): TemplateSection | undefined {
  return template.sections.find((s) => s.id === sectionId);
}

export function findField(
  template: Template,
  sectionId: string,
  fieldId: string,
): TemplateField | undefined {
  return findSection(template, sectionId)?.fields.find((f) => f.id === fieldId);
}

/** The interview modal's title for a section: "3/8 · 运营资源". */
export function sectionProgressTitle(
  template: Pick<Template, 'sections'>,
  sectionIndex: number,
  locale: Locale,
): string {
  const section = template.sections[sectionIndex];
  const short = section ? section.titleShort[locale] : '';
  return `${sectionIndex + 1}/${template.sections.length} · ${short}`;
}

/** The fields of a section that a plan in `stage` is asked for. */
export function fieldsForStage(section: TemplateSection, stage: Stage): TemplateField[] {
  return section.fields.filter((f) => !f.stages || f.stages.includes(stage));
}

function reportDuplicates(ids: string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) report(index, id);
    seen.add(id);
  });
}
