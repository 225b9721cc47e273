import { z } from 'zod';
import { IsoDateSchema } from '../../../domain/fieldTypes.js';
import { KPI_THRESHOLD_ERROR_TEXTS, KpiThresholdsSchema } from '../../../domain/kpi/index.js';
import type { Locale } from '../../../domain/locale.js';
import { isValidTimeZone } from '../../../domain/plan.js';
import { validateCronExpression } from '../../../domain/schedule/index.js';
import { INPUT_ACTION_ID } from '../ids.js';
import {
  KPI_CHOICES,
  type KpiChoice,
  PLAN_CHOICES,
  type ScheduleChoiceForm,
  type SettingsForm,
  type ThresholdsForm,
  thresholdsFromForm,
} from './settingsForm.js';
import { kpiScheduleBlock, MAX_WINDOW_HOURS, SettingsBlocks } from './settingsModal.js';
import { settingsTexts } from './settingsTexts.js';

const Selected = z.looseObject({ value: z.string() });
const StateValue = z.looseObject({
  value: z.string().nullish(),
  selected_option: Selected.nullish(),
  selected_options: z.array(Selected).nullish(),
  selected_date: z.string().nullish(),
});
const StateValues = z.record(z.string(), z.record(z.string(), StateValue));

export type SettingsParse =
  | { ok: true; form: SettingsForm }
  | { ok: false; errors: Record<string, string> };

/** Reads the settings modal; every problem is reported inline under its input, in the user's language. */
export function parseSettingsSubmission(
  stateValues: unknown,
  kpiIds: readonly string[],
  locale: Locale,
): SettingsParse {
  const t = settingsTexts(locale);
  const parsed = StateValues.safeParse(stateValues);
  const read = (blockId: string) =>
    parsed.success ? parsed.data[blockId]?.[INPUT_ACTION_ID] : undefined;
  const errors: Record<string, string> = {};

  const schedule = (choiceId: string, weekdayId: string, cronId: string): ScheduleChoiceForm => {
    const choice = z
      .enum(PLAN_CHOICES)
      .catch('default')
      .parse(read(choiceId)?.selected_option?.value);
    const weekday = z.coerce
      .number()
      .int()
      .min(1)
      .max(7)
      .catch(1)
      .parse(read(weekdayId)?.selected_option?.value);
    const cron = read(cronId)?.value?.trim() ?? '';
    if (choice === 'cron') {
      if (cron === '') errors[cronId] = t.cronRequired;
      else {
        const result = validateCronExpression(cron);
        if (!result.ok) errors[cronId] = result.errors.map((e) => e.message[locale]).join(' ');
      }
    }
    return { choice, weekday, ...(choice === 'cron' && cron ? { cron } : {}) };
  };
  const revision = schedule(
    SettingsBlocks.revisionChoice,
    SettingsBlocks.revisionWeekday,
    SettingsBlocks.revisionCron,
  );
  const checkIns = schedule(
    SettingsBlocks.checkInChoice,
    SettingsBlocks.checkInWeekday,
    SettingsBlocks.checkInCron,
  );

  const timezone = read(SettingsBlocks.timezone)?.value?.trim() ?? '';
  if (!isValidTimeZone(timezone)) errors[SettingsBlocks.timezone] = t.badTimeZone;
  const checked = new Set(
    (read(SettingsBlocks.options)?.selected_options ?? []).map((o) => o.value),
  );
  const snooze = IsoDateSchema.safeParse(read(SettingsBlocks.snooze)?.selected_date);
  const window = z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_WINDOW_HOURS)
    .safeParse(read(SettingsBlocks.window)?.value);
  if (!window.success) {
    errors[SettingsBlocks.window] = t.badWindow({ max: MAX_WINDOW_HOURS });
  }
  const thresholds = readThresholds(read, locale, errors);
  const kpis: Record<string, KpiChoice> = {};
  for (const id of kpiIds) {
    kpis[id] = z
      .enum(KPI_CHOICES)
      .catch('default')
      .parse(read(kpiScheduleBlock(id))?.selected_option?.value);
  }
  if (Object.keys(errors).length > 0 || !window.success || !thresholds)
    return { ok: false, errors };
  return {
    ok: true,
    form: {
      revision,
      checkIns,
      timezone,
      skipWeekends: checked.has('skip_weekends'),
      paused: checked.has('paused'),
      ...(snooze.success ? { snoozeUntil: snooze.data } : {}),
      windowHours: window.data,
      thresholds,
      kpis,
    },
  };
}

type Read = (blockId: string) => z.infer<typeof StateValue> | undefined;

/** Percent inputs checked with the KPI maths' own rules (range, off track ≤ at risk). */
function readThresholds(
  read: Read,
  locale: Locale,
  errors: Record<string, string>,
): ThresholdsForm | undefined {
  const number = (blockId: string) => {
    const raw = read(blockId)?.value?.trim() ?? '';
    const value = raw === '' ? Number.NaN : Number(raw);
    return Number.isFinite(value) ? value : Number.NaN;
  };
  const form: ThresholdsForm = {
    atRisk: number(SettingsBlocks.atRisk),
    offTrack: number(SettingsBlocks.offTrack),
    stayTolerance: number(SettingsBlocks.stayTolerance),
  };
  const checked = KpiThresholdsSchema.safeParse(thresholdsFromForm(form));
  if (checked.success) return form;
  const blockOf = {
    atRisk: SettingsBlocks.atRisk,
    offTrack: SettingsBlocks.offTrack,
    stayTolerance: SettingsBlocks.stayTolerance,
  };
  for (const issue of checked.error.issues) {
    const field = issue.path[0] as keyof typeof blockOf | undefined;
    const blockId = field ? blockOf[field] : SettingsBlocks.atRisk;
    const text =
      field === 'stayTolerance'
        ? KPI_THRESHOLD_ERROR_TEXTS.tolerance[locale]
        : issue.code === 'custom'
          ? KPI_THRESHOLD_ERROR_TEXTS.order[locale]
          : settingsTexts(locale).badPercent;
    errors[blockId] ??= text;
  }
  return undefined;
}
