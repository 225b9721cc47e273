import { z } from 'zod';
import { SlackChannelIdSchema, SlackUserIdSchema, USERS_MAX } from '../../../domain/fieldTypes.js';
import {
  type Audience,
  AudienceSchema,
  type Stage,
  StageSchema,
} from '../../../domain/lifecycle.js';
import { type Locale, LocaleSchema } from '../../../domain/locale.js';
import { PLAN_TITLE_MAX, type PlanPeriod } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { FormErrors, readDate } from './inputParsing.js';
import { PlanDetailsBlockIds, type PlanDetailsMode } from './planDetailsModal.js';
import { PLAN_DETAILS_TEXTS } from './planDetailsTexts.js';
import { listValue, readStateInputs, singleValue } from './viewStateValues.js';

export interface PlanDetailsValues {
  title: string;
  stage: Stage;
  audience: Audience;
  period: PlanPeriod;
  channel?: string;
  language: Locale;
  /** Present only when the form showed the editors picker (the owner's form). */
  editors?: string[];
}

/** In 'new' mode the chosen template; in 'edit' mode the template cannot change, so none. */
export type PlanDetailsOf<M extends PlanDetailsMode> = PlanDetailsValues &
  (M extends 'new' ? { templateId: string } : { templateId?: undefined });

export type PlanDetailsParse<M extends PlanDetailsMode> =
  | { ok: true; details: PlanDetailsOf<M> }
  | { ok: false; errors: Record<string, string> };

export interface ParsePlanDetailsArgs<M extends PlanDetailsMode> {
  stateValues: unknown;
  /** The language errors are written in: the user's, as for the form itself. */
  locale: Locale;
  templates: readonly Template[];
  mode: M;
}

export function parsePlanDetailsSubmission<M extends PlanDetailsMode>(
  args: ParsePlanDetailsArgs<M>,
): PlanDetailsParse<M> {
  const state = readStateInputs(args.stateValues);
  if (!state.ok) throw new Error(state.error);
  const { inputs } = state;
  const ids = PlanDetailsBlockIds;
  const errors = new FormErrors(args.locale);
  const t = errors.texts;

  const rawTitle = singleValue(inputs[ids.title])?.trim();
  if (!rawTitle) errors.add(ids.title, t.required);
  else if (rawTitle.length > PLAN_TITLE_MAX) errors.add(ids.title, t.tooLong(PLAN_TITLE_MAX));

  let templateId: string | undefined;
  if (args.mode === 'new') {
    templateId = singleValue(inputs[ids.template]);
    if (!templateId) errors.add(ids.template, t.required);
    else if (!args.templates.some((tpl) => tpl.id === templateId)) {
      errors.add(ids.template, PLAN_DETAILS_TEXTS[args.locale].unknownTemplate);
    }
  }
  const choice = <T>(blockId: string, schema: z.ZodType<T>): T | undefined => {
    const value = singleValue(inputs[blockId]);
    if (value === undefined) {
      errors.add(blockId, t.required);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) errors.add(blockId, t.notAnOption);
    return parsed.success ? parsed.data : undefined;
  };
  const stage = choice(ids.stage, StageSchema);
  const audience = choice(ids.audience, AudienceSchema);
  const language = choice(ids.language, LocaleSchema);

  const start = readDate(inputs[ids.periodStart], ids.periodStart, errors);
  const end = readDate(inputs[ids.periodEnd], ids.periodEnd, errors);
  if (!start && !(ids.periodStart in errors.byBlock)) errors.add(ids.periodStart, t.required);
  if (!end && !(ids.periodEnd in errors.byBlock)) errors.add(ids.periodEnd, t.required);
  if (start && end && end < start) errors.add(ids.periodEnd, t.endBeforeStart);

  const channel = singleValue(inputs[ids.channel]);
  if (channel && !SlackChannelIdSchema.safeParse(channel).success) {
    errors.add(ids.channel, t.notAChannel);
  }
  const editorsShown = ids.editors in inputs;
  const editors = listValue(inputs[ids.editors]);
  if (editors.some((u) => !SlackUserIdSchema.safeParse(u).success))
    errors.add(ids.editors, t.notAPerson);
  else if (new Set(editors).size !== editors.length) errors.add(ids.editors, t.duplicate);
  else if (editors.length > USERS_MAX) errors.add(ids.editors, t.tooMany(USERS_MAX));

  if (!errors.empty || !rawTitle || !stage || !audience || !language || !start || !end) {
    return { ok: false, errors: errors.byBlock };
  }
  const details: PlanDetailsValues & { templateId?: string } = {
    title: rawTitle,
    ...(templateId ? { templateId } : {}),
    stage,
    audience,
    period: { start, end },
    ...(channel ? { channel } : {}),
    language,
    ...(editorsShown ? { editors } : {}),
  };
  return { ok: true, details: details as PlanDetailsOf<M> };
}

const PlanDetailsMetadataSchema = z.strictObject({
  m: z.enum(['new', 'edit']),
  p: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});
export type PlanDetailsMetadata = z.infer<typeof PlanDetailsMetadataSchema>;

/** Reads the form's private_metadata back (client-held, so checked); undefined when malformed. */
export function decodePlanDetailsMetadata(text: string): PlanDetailsMetadata | undefined {
  try {
    const parsed = PlanDetailsMetadataSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
