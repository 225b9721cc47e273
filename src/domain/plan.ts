import { z } from 'zod';
import {
  FieldValueSchema,
  IsoDateSchema,
  PublishChannelIdSchema,
  SlackUserIdSchema,
  USERS_MAX,
} from './fieldTypes.js';
import { AudienceSchema, StageSchema } from './lifecycle.js';
import { LocaleSchema } from './locale.js';
import { ID_PATTERN, TEMPLATE_ID_PATTERN } from './template.js';

export { fieldsWithRole, type RoleField, typedFieldsWithRole } from './planFields.js';
export {
  type PlanIssue,
  type PlanValidation,
  validatePlanAgainstTemplate,
} from './planValidation.js';

export const PLAN_SCHEMA_VERSION = 1;
export const PLAN_TITLE_MAX = 150;

// Building an Intl formatter costs ~0.1 ms and this runs on every plan parse; the set of zone
// names is small and fixed, so answers are remembered (bounded, in case of hostile input).
const knownTimeZones = new Map<string, boolean>();
const KNOWN_TIME_ZONES_MAX = 1000;

/** True for names the runtime knows as IANA time zones (`Asia/Shanghai`, `UTC`, …). */
export function isValidTimeZone(name: string): boolean {
  const known = knownTimeZones.get(name);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    valid = name.length > 0;
  } catch {
    valid = false;
  }
  if (knownTimeZones.size < KNOWN_TIME_ZONES_MAX) knownTimeZones.set(name, valid);
  return valid;
}

export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { error: 'not an IANA time zone (e.g. Asia/Shanghai)' });

export const PlanPeriodSchema = z
  .strictObject({ start: IsoDateSchema, end: IsoDateSchema })
  .refine((p) => p.end >= p.start, { error: 'the period ends before it starts', path: ['end'] });
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;

export const PlanMetaSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: 'the title must not be empty' })
    .max(PLAN_TITLE_MAX, { error: `the title is longer than ${PLAN_TITLE_MAX} characters` }),
  templateId: z.string().regex(TEMPLATE_ID_PATTERN, { error: 'not a template id' }),
  stage: StageSchema,
  audience: AudienceSchema,
  period: PlanPeriodSchema,
  owner: SlackUserIdSchema,
  editors: z.array(SlackUserIdSchema).max(USERS_MAX).default([]),
  channel: PublishChannelIdSchema.optional(),
  language: LocaleSchema,
  timezone: TimeZoneSchema,
});
export type PlanMeta = z.infer<typeof PlanMetaSchema>;

const SectionIdSchema = z.string().regex(ID_PATTERN, { error: 'not a section id' });
const FieldIdSchema = z.string().regex(ID_PATTERN, { error: 'not a field id' });

/** Answers of one section, by field id. An unanswered field is simply absent. */
export const SectionValuesSchema = z.record(FieldIdSchema, FieldValueSchema);
export type SectionValues = z.infer<typeof SectionValuesSchema>;

/**
 * The document around the answers, with answers left unchecked. Parsing through
 * this first lets an importer check each answer against its template field and
 * report precise errors, instead of the vague "matches no value type" a union gives.
 */
export const PlanEnvelopeSchema = z.strictObject({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION, {
    error: `unsupported schemaVersion (this version of OpsPlan reads ${PLAN_SCHEMA_VERSION})`,
  }),
  meta: PlanMetaSchema,
  sections: z.record(SectionIdSchema, z.record(FieldIdSchema, z.unknown())).default({}),
});

export type PlanEnvelope = z.infer<typeof PlanEnvelopeSchema>;

/**
 * The plan document: what is stored as a draft, frozen as a version, exported as
 * YAML. Which type each value must have comes from the template; check it with
 * `validatePlanAgainstTemplate`.
 */
export const PlanSchema = PlanEnvelopeSchema.extend({
  sections: z.record(SectionIdSchema, SectionValuesSchema).default({}),
});
export type Plan = z.infer<typeof PlanSchema>;
/** A new, empty draft: what the start modal creates before the first section. */
export function createPlan(meta: z.input<typeof PlanMetaSchema>): Plan {
  return PlanSchema.parse({ schemaVersion: PLAN_SCHEMA_VERSION, meta, sections: {} });
}

/** A plan as written by hand (defaults such as `editors: []` may be left out). */
export type PlanInput = z.input<typeof PlanSchema>;
