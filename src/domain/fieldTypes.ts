import { z } from 'zod';

/**
 * The value types a template field can have, and one zod schema per value.
 *
 * Row fields of structured lists are mostly optional on purpose: a draft is saved
 * after every modal step, long before it is complete. Completeness ("every KPI has
 * a numeric target and an owner") is the review's job, not the schema's, so that a
 * half-written plan can still be stored, exported and reviewed.
 */

export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'money',
  'percent',
  'date',
  'date_range',
  'single_select',
  'multi_select',
  'user',
  'users',
  'channel',
  'kpis',
  'phases',
  'budget_lines',
  'resources',
  'prioritised_items',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const LIST_FIELD_TYPES = [
  'kpis',
  'phases',
  'budget_lines',
  'resources',
  'prioritised_items',
] as const satisfies readonly FieldType[];
export type ListFieldType = (typeof LIST_FIELD_TYPES)[number];

/** Slack's `plain_text_input` accepts at most 3000 characters. */
export const TEXT_MAX = 3000;
/** Largest absolute number we accept; keeps renderers and sums away from float noise. */
export const NUMBER_ABS_MAX = 1e15;
/** Slack's `static_select` / `multi_static_select` show at most 100 options. */
export const SELECT_MAX_OPTIONS = 100;
export const SELECT_VALUE_MAX = 150;
export const USERS_MAX = 50;

export const KPI_LIMITS = { maxRows: 20, name: 150, unit: 30 } as const;
export const PHASE_LIMITS = {
  maxRows: 12,
  name: 150,
  goal: 1000,
  successCriteria: 1000,
  tasks: 1000,
} as const;
export const BUDGET_LINE_LIMITS = { maxRows: 40, item: 150, category: 80 } as const;
export const RESOURCE_LIMITS = { maxRows: 30, item: 150, source: 500, howToObtain: 1000 } as const;
export const PRIORITISED_ITEM_LIMITS = { maxRows: 30, title: 150, notes: 1000 } as const;

/** Maximum rows per structured list type (the modal's Add button stops here). */
export const LIST_MAX_ROWS: Record<ListFieldType, number> = {
  kpis: KPI_LIMITS.maxRows,
  phases: PHASE_LIMITS.maxRows,
  budget_lines: BUDGET_LINE_LIMITS.maxRows,
  resources: RESOURCE_LIMITS.maxRows,
  prioritised_items: PRIORITISED_ITEM_LIMITS.maxRows,
};

/**
 * Row ids are short and stable so that a revision diff can match rows by id
 * even after they were reordered or renamed.
 */
export const ROW_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const RowIdSchema = z.string().regex(ROW_ID_PATTERN, {
  error: 'row id must be 1–32 characters: lowercase letters, digits, "-" or "_"',
});

// Slack ids are short; the cap keeps a forged 10,000-character "id" out of storage and
// matches what the renderers accept as a mention.
export const SlackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,29}$/, { error: 'not a Slack user id (U… or W…)' });
export const SlackChannelIdSchema = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,29}$/, { error: 'not a Slack channel id (C…, G… or D…)' });
/** Where a plan is published: a public or private channel, never a DM. */
export const PublishChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,29}$/, { error: 'not a Slack channel id (C… or G…)' });

export const IsoDateSchema = z.iso.date({ error: 'not a date in the form yyyy-mm-dd' });
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'not an ISO 4217 currency code (e.g. CNY, USD)' });

const finite = () =>
  z
    .number({ error: 'not a number' })
    .refine(Number.isFinite, { error: 'not a finite number' })
    .refine((n) => Math.abs(n) <= NUMBER_ABS_MAX, { error: 'number too large' });

const text = (max: number) => z.string().max(max, { error: `longer than ${max} characters` });
const nonEmptyText = (max: number) =>
  text(max).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

export const ShortTextSchema = text(TEXT_MAX);
export const LongTextSchema = text(TEXT_MAX);
export const NumberValueSchema = finite();
export const MoneySchema = z.strictObject({ amount: finite(), currency: CurrencySchema });
/** A percentage as written by people: 12.5 means 12.5 %. Growth can exceed 100. */
export const PercentSchema = finite();
export const DateValueSchema = IsoDateSchema;
export const DateRangeSchema = z
  .strictObject({ start: IsoDateSchema, end: IsoDateSchema })
  .refine((r) => r.end >= r.start, { error: 'end is before start', path: ['end'] });
export const SingleSelectSchema = z.string().min(1).max(SELECT_VALUE_MAX);
export const MultiSelectSchema = z
  .array(z.string().min(1).max(SELECT_VALUE_MAX))
  .max(SELECT_MAX_OPTIONS)
  .refine(isUnique, { error: 'an option is selected twice' });
export const UserValueSchema = SlackUserIdSchema;
export const UsersValueSchema = z
  .array(SlackUserIdSchema)
  .max(USERS_MAX)
  .refine(isUnique, { error: 'a user is listed twice' });
export const ChannelValueSchema = SlackChannelIdSchema;

export type Money = z.infer<typeof MoneySchema>;
export type DateRange = z.infer<typeof DateRangeSchema>;

export const KPI_DIRECTIONS = ['increase', 'decrease', 'stay_above', 'stay_below'] as const;
export const KpiDirectionSchema = z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof KpiDirectionSchema>;

export const CHECK_IN_CADENCES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export const CheckInCadenceSchema = z.enum(CHECK_IN_CADENCES);
export type CheckInCadence = z.infer<typeof CheckInCadenceSchema>;

export const KpiSchema = z.strictObject({
  id: RowIdSchema,
  name: nonEmptyText(KPI_LIMITS.name),
  baseline: finite().optional(),
  target: finite().optional(),
  unit: text(KPI_LIMITS.unit).optional(),
  direction: KpiDirectionSchema,
  deadline: IsoDateSchema.optional(),
  owner: SlackUserIdSchema.optional(),
  cadence: CheckInCadenceSchema.optional(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const PhaseSchema = z.strictObject({
  id: RowIdSchema,
  name: nonEmptyText(PHASE_LIMITS.name),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  goal: text(PHASE_LIMITS.goal).optional(),
  successCriteria: text(PHASE_LIMITS.successCriteria).optional(),
  /** The main tasks of the phase; optional, used by phase-driven templates. */
  tasks: text(PHASE_LIMITS.tasks).optional(),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const BudgetLineSchema = z.strictObject({
  id: RowIdSchema,
  item: nonEmptyText(BUDGET_LINE_LIMITS.item),
  category: text(BUDGET_LINE_LIMITS.category).optional(),
  amount: finite().refine((n) => n >= 0, { error: 'a budget amount cannot be negative' }),
  currency: CurrencySchema,
  /** Id of the phase (in the plan's phases list) this money is spent in. */
  phaseId: RowIdSchema.optional(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const RESOURCE_STATUSES = ['have', 'need'] as const;
export const ResourceStatusSchema = z.enum(RESOURCE_STATUSES);
export const ResourceSchema = z.strictObject({
  id: RowIdSchema,
  item: nonEmptyText(RESOURCE_LIMITS.item),
  status: ResourceStatusSchema,
  source: text(RESOURCE_LIMITS.source).optional(),
  howToObtain: text(RESOURCE_LIMITS.howToObtain).optional(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const PRIORITIES = ['P0', 'P1', 'P2'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;
export const PrioritisedItemSchema = z.strictObject({
  id: RowIdSchema,
  title: nonEmptyText(PRIORITISED_ITEM_LIMITS.title),
  priority: PrioritySchema.optional(),
  owner: SlackUserIdSchema.optional(),
  notes: text(PRIORITISED_ITEM_LIMITS.notes).optional(),
});
export type PrioritisedItem = z.infer<typeof PrioritisedItemSchema>;

function listOf<T extends z.ZodType<{ id: string }>>(row: T, maxRows: number) {
  return z
    .array(row)
    .max(maxRows, { error: `at most ${maxRows} rows` })
    .refine((rows) => isUnique(rows.map((r) => r.id)), { error: 'two rows share the same id' });
}

export const KpiListSchema = listOf(KpiSchema, KPI_LIMITS.maxRows);
export const PhaseListSchema = listOf(PhaseSchema, PHASE_LIMITS.maxRows);
export const BudgetLineListSchema = listOf(BudgetLineSchema, BUDGET_LINE_LIMITS.maxRows);
export const ResourceListSchema = listOf(ResourceSchema, RESOURCE_LIMITS.maxRows);
export const PrioritisedItemListSchema = listOf(
  PrioritisedItemSchema,
  PRIORITISED_ITEM_LIMITS.maxRows,
);

/** The value schema for each field type. */
export const VALUE_SCHEMAS = {
  short_text: ShortTextSchema,
  long_text: LongTextSchema,
  number: NumberValueSchema,
  money: MoneySchema,
  percent: PercentSchema,
  date: DateValueSchema,
  date_range: DateRangeSchema,
  single_select: SingleSelectSchema,
  multi_select: MultiSelectSchema,
  user: UserValueSchema,
  users: UsersValueSchema,
  channel: ChannelValueSchema,
  kpis: KpiListSchema,
  phases: PhaseListSchema,
  budget_lines: BudgetLineListSchema,
  resources: ResourceListSchema,
  prioritised_items: PrioritisedItemListSchema,
} as const satisfies Record<FieldType, z.ZodType>;

/** The TypeScript value type stored for a field of type `T`. */
export type FieldValueOf<T extends FieldType> = z.infer<(typeof VALUE_SCHEMAS)[T]>;

/**
 * Any stored field value, whatever its type. Which member a value must be is
 * decided by the template (see `validatePlanAgainstTemplate`).
 */
export const FieldValueSchema = z.union([
  z.string().max(TEXT_MAX),
  finite(),
  MoneySchema,
  DateRangeSchema,
  z.array(z.string().max(TEXT_MAX)).max(SELECT_MAX_OPTIONS),
  KpiListSchema,
  PhaseListSchema,
  BudgetLineListSchema,
  ResourceListSchema,
  PrioritisedItemListSchema,
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

/** An unanswered field: absent, blank text or an empty list. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function isListFieldType(type: FieldType): type is ListFieldType {
  return (LIST_FIELD_TYPES as readonly FieldType[]).includes(type);
}

function isUnique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
