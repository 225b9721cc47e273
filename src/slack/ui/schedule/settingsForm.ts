import { DEFAULT_KPI_THRESHOLDS, type KpiThresholds } from '../../../domain/kpi/index.js';
import { DEFAULT_SEND_HOUR, type ScheduleRule } from '../../../domain/schedule/index.js';
import type { PlanScheduleSettings, ScheduleOverride } from '../../../store/scheduleStore.js';
import { DEFAULT_CHECK_IN_WINDOW_HOURS } from '../../../store/scheduleStore.js';

/**
 * What the settings modal edits, between the engine's `PlanScheduleSettings` and the modal's
 * inputs. "default" means no override: the lifecycle default (or the plan-wide check-in choice, for
 * a KPI) applies.
 */
export const PLAN_CHOICES = ['default', 'weekly', 'monthly', 'quarterly', 'cron'] as const;
export type PlanChoice = (typeof PLAN_CHOICES)[number];
export const KPI_CHOICES = ['default', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
export type KpiChoice = (typeof KPI_CHOICES)[number];

export interface ScheduleChoiceForm {
  choice: PlanChoice;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  cron?: string;
}

/** Status thresholds as the owner reads them: percentages. */
export interface ThresholdsForm {
  /** Share of the expected progress at or above which a KPI is on track. */
  atRisk: number;
  /** …below which it is off track. */
  offTrack: number;
  /** For stay above / below: how far past the target (as % of it) is still only at risk. */
  stayTolerance: number;
}

export interface SettingsForm {
  revision: ScheduleChoiceForm;
  checkIns: ScheduleChoiceForm;
  timezone: string;
  skipWeekends: boolean;
  paused: boolean;
  snoozeUntil?: string;
  windowHours: number;
  thresholds: ThresholdsForm;
  kpis: Record<string, KpiChoice>;
}

const AT_TEN = { hour: DEFAULT_SEND_HOUR, minute: 0 } as const;

function choiceOf(rule: ScheduleRule | undefined): ScheduleChoiceForm {
  if (!rule) return { choice: 'default', weekday: 1 };
  if (rule.kind === 'cron') return { choice: 'cron', weekday: 1, cron: rule.expression };
  if (rule.preset === 'weekly') return { choice: 'weekly', weekday: rule.weekday };
  if (rule.preset === 'monthly' || rule.preset === 'quarterly') {
    return { choice: rule.preset, weekday: 1 };
  }
  return { choice: 'default', weekday: 1 };
}

function kpiChoiceOf(rule: ScheduleRule | undefined): KpiChoice {
  if (!rule || rule.kind === 'cron') return 'default';
  if (rule.preset === 'daily' || rule.preset === 'weekly') return rule.preset;
  if (rule.preset === 'monthly' || rule.preset === 'quarterly') return rule.preset;
  return 'default';
}

const percent = (share: number) => Math.round(share * 10_000) / 100;

export function formFromSettings(
  settings: PlanScheduleSettings,
  kpiIds: readonly string[],
  defaultTimezone: string,
  thresholds: Partial<KpiThresholds> = {},
): SettingsForm {
  const t = { ...DEFAULT_KPI_THRESHOLDS, ...thresholds };
  const kpis: Record<string, KpiChoice> = {};
  for (const id of kpiIds) kpis[id] = kpiChoiceOf(settings.kpis?.[id]?.rule);
  return {
    revision: choiceOf(settings.revision?.rule),
    checkIns: choiceOf(settings.checkIns?.rule),
    timezone: settings.timezone ?? defaultTimezone,
    skipWeekends: settings.skipWeekends ?? false,
    paused: settings.paused ?? false,
    ...(settings.snoozeUntil ? { snoozeUntil: settings.snoozeUntil } : {}),
    windowHours: settings.checkInWindowHours ?? DEFAULT_CHECK_IN_WINDOW_HOURS,
    thresholds: {
      atRisk: percent(t.atRisk),
      offTrack: percent(t.offTrack),
      stayTolerance: percent(t.stayTolerance),
    },
    kpis,
  };
}

/** The thresholds to store (shares, as the KPI maths reads them). */
export function thresholdsFromForm(form: ThresholdsForm): KpiThresholds {
  return {
    atRisk: form.atRisk / 100,
    offTrack: form.offTrack / 100,
    stayTolerance: form.stayTolerance / 100,
  };
}

export function ruleOf(
  choice: PlanChoice | KpiChoice,
  weekday: number,
  cron?: string,
): ScheduleRule | undefined {
  switch (choice) {
    case 'default':
      return undefined;
    case 'daily':
      return { kind: 'preset', preset: 'daily', ...AT_TEN };
    case 'weekly':
      return { kind: 'preset', preset: 'weekly', weekday, ...AT_TEN };
    case 'monthly':
      return { kind: 'preset', preset: 'monthly', day: 'first_working_day', ...AT_TEN };
    case 'quarterly':
      return { kind: 'preset', preset: 'quarterly', day: 'first_working_day', ...AT_TEN };
    case 'cron':
      return cron ? { kind: 'cron', expression: cron } : undefined;
  }
}

/** An override with its rule replaced (or removed); other fields the engine keeps are preserved. */
function withRule(previous: ScheduleOverride | undefined, rule: ScheduleRule | undefined) {
  const { rule: _old, ...rest } = previous ?? {};
  const next: ScheduleOverride = rule ? { ...rest, rule } : rest;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The settings to save: the form applied over what was stored. */
export function settingsFromForm(
  form: SettingsForm,
  previous: PlanScheduleSettings,
  by: { userId: string; at: Date },
): PlanScheduleSettings {
  const revision = withRule(
    previous.revision,
    ruleOf(form.revision.choice, form.revision.weekday, form.revision.cron),
  );
  const checkIns = withRule(
    previous.checkIns,
    ruleOf(form.checkIns.choice, form.checkIns.weekday, form.checkIns.cron),
  );
  const kpis: Record<string, ScheduleOverride> = {};
  for (const [id, choice] of Object.entries(form.kpis)) {
    const override = withRule(previous.kpis?.[id], ruleOf(choice, form.checkIns.weekday));
    if (override) kpis[id] = override;
  }
  return {
    timezone: form.timezone,
    skipWeekends: form.skipWeekends,
    paused: form.paused,
    ...(form.snoozeUntil ? { snoozeUntil: form.snoozeUntil } : {}),
    ...(revision ? { revision } : {}),
    ...(checkIns ? { checkIns } : {}),
    ...(Object.keys(kpis).length > 0 ? { kpis } : {}),
    checkInWindowHours: form.windowHours,
    updatedBy: by.userId,
    updatedAt: by.at.toISOString(),
  };
}
