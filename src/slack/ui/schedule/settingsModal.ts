import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Kpi } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import { PRESET_LABELS } from '../../../domain/schedule/index.js';
import { truncatePlain } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn, mrkdwnText } from '../../../render/mrkdwn.js';
import { CallbackIds, INPUT_ACTION_ID } from '../ids.js';
import {
  KPI_CHOICES,
  type KpiChoice,
  PLAN_CHOICES,
  type PlanChoice,
  type ScheduleChoiceForm,
  type SettingsForm,
} from './settingsForm.js';
import { settingsTexts } from './settingsTexts.js';

export const SettingsBlocks = {
  revisionChoice: 'rev_choice',
  revisionWeekday: 'rev_weekday',
  revisionCron: 'rev_cron',
  checkInChoice: 'ci_choice',
  checkInWeekday: 'ci_weekday',
  checkInCron: 'ci_cron',
  timezone: 'timezone',
  options: 'options',
  snooze: 'snooze',
  window: 'window',
  atRisk: 'threshold_at_risk',
  offTrack: 'threshold_off_track',
  stayTolerance: 'threshold_tolerance',
} as const;
const KPI_PREFIX = 'kpi_sched.';
export const kpiScheduleBlock = (kpiId: string) => `${KPI_PREFIX}${kpiId}`;

export const MAX_WINDOW_HOURS = 24 * 14;
const OPTION_TEXT_MAX = 75;
const LABEL_MAX = 2000;

/** Metadata: the plan id (re-checked against the submitter on save). */
export function settingsModal(input: {
  planId: string;
  title: string;
  form: SettingsForm;
  kpis: readonly Kpi[];
  locale: Locale;
}): ModalView {
  const { form, locale } = input;
  const t = settingsTexts(locale);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(t.intro({ title: escapeMrkdwn(input.title) })) },
    ...scheduleInputs(form.revision, t.revision, 'revision', locale),
    ...scheduleInputs(form.checkIns, t.checkIns, 'checkIn', locale),
    {
      type: 'input',
      block_id: SettingsBlocks.timezone,
      label: { type: 'plain_text', text: t.timezone },
      hint: { type: 'plain_text', text: t.timezoneHint },
      element: {
        type: 'plain_text_input',
        action_id: INPUT_ACTION_ID,
        initial_value: form.timezone,
        max_length: 64,
      },
    },
    optionsInput(form, locale),
    {
      type: 'input',
      block_id: SettingsBlocks.snooze,
      optional: true,
      label: { type: 'plain_text', text: t.snooze },
      element: {
        type: 'datepicker',
        action_id: INPUT_ACTION_ID,
        ...(form.snoozeUntil ? { initial_date: form.snoozeUntil } : {}),
      },
    },
    {
      type: 'input',
      block_id: SettingsBlocks.window,
      label: { type: 'plain_text', text: t.window },
      hint: { type: 'plain_text', text: t.windowHint },
      element: {
        type: 'number_input',
        action_id: INPUT_ACTION_ID,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(MAX_WINDOW_HOURS),
        initial_value: String(form.windowHours),
      },
    },
  ];
  blocks.push(
    { type: 'section', text: mrkdwnText(t.thresholdSection) },
    percentInput(SettingsBlocks.atRisk, t.atRisk, form.thresholds.atRisk, 100),
    percentInput(SettingsBlocks.offTrack, t.offTrack, form.thresholds.offTrack, 100),
    percentInput(
      SettingsBlocks.stayTolerance,
      t.stayTolerance,
      form.thresholds.stayTolerance,
      1000,
    ),
  );
  if (input.kpis.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'section', text: mrkdwnText(t.kpiSection) });
    for (const kpi of input.kpis) {
      blocks.push(kpiInput(kpi, form.kpis[kpi.id] ?? 'default', locale));
    }
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.scheduleSettings,
    private_metadata: JSON.stringify({ p: input.planId }),
    title: { type: 'plain_text', text: t.title },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: t.close },
    blocks,
  };
}

function choiceLabel(choice: PlanChoice | KpiChoice, locale: Locale): string {
  return choice === 'default' ? settingsTexts(locale).default : PRESET_LABELS[choice][locale];
}

function option(value: string, text: string): PlainTextOption {
  return { text: { type: 'plain_text', text: truncatePlain(text, OPTION_TEXT_MAX) }, value };
}

function scheduleInputs(
  form: ScheduleChoiceForm,
  label: string,
  which: 'revision' | 'checkIn',
  locale: Locale,
): KnownBlock[] {
  const t = settingsTexts(locale);
  const ids =
    which === 'revision'
      ? [SettingsBlocks.revisionChoice, SettingsBlocks.revisionWeekday, SettingsBlocks.revisionCron]
      : [SettingsBlocks.checkInChoice, SettingsBlocks.checkInWeekday, SettingsBlocks.checkInCron];
  const choices = PLAN_CHOICES.map((c) => option(c, choiceLabel(c, locale)));
  const weekdays = t.weekdays.map((day, i) => option(String(i + 1), day));
  return [
    {
      type: 'input',
      block_id: ids[0],
      label: { type: 'plain_text', text: label },
      element: {
        type: 'static_select',
        action_id: INPUT_ACTION_ID,
        options: choices,
        initial_option: choices.find((o) => o.value === form.choice) ?? choices[0],
      },
    },
    {
      type: 'input',
      block_id: ids[1],
      optional: true,
      label: { type: 'plain_text', text: t.weekday },
      element: {
        type: 'static_select',
        action_id: INPUT_ACTION_ID,
        options: weekdays,
        initial_option: weekdays[form.weekday - 1] ?? weekdays[0],
      },
    },
    {
      type: 'input',
      block_id: ids[2],
      optional: true,
      label: { type: 'plain_text', text: t.cron },
      hint: { type: 'plain_text', text: t.cronHint },
      element: {
        type: 'plain_text_input',
        action_id: INPUT_ACTION_ID,
        max_length: 120,
        ...(form.cron ? { initial_value: form.cron } : {}),
      },
    },
  ] as KnownBlock[];
}

function percentInput(blockId: string, label: string, value: number, max: number): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'number_input',
      action_id: INPUT_ACTION_ID,
      is_decimal_allowed: true,
      min_value: '0',
      max_value: String(max),
      initial_value: String(value),
    },
  };
}

function optionsInput(form: SettingsForm, locale: Locale): KnownBlock {
  const t = settingsTexts(locale);
  const options = [option('skip_weekends', t.skipWeekends), option('paused', t.paused)];
  const initial = options.filter(
    (o) =>
      (o.value === 'skip_weekends' && form.skipWeekends) || (o.value === 'paused' && form.paused),
  );
  return {
    type: 'input',
    block_id: SettingsBlocks.options,
    optional: true,
    label: { type: 'plain_text', text: t.options },
    element: {
      type: 'checkboxes',
      action_id: INPUT_ACTION_ID,
      options,
      ...(initial.length > 0 ? { initial_options: initial } : {}),
    },
  };
}

function kpiInput(kpi: Kpi, choice: KpiChoice, locale: Locale): KnownBlock {
  const t = settingsTexts(locale);
  const options = KPI_CHOICES.map((c) => option(c, choiceLabel(c, locale)));
  return {
    type: 'input',
    block_id: kpiScheduleBlock(kpi.id),
    label: { type: 'plain_text', text: truncatePlain(t.kpiLabel({ name: kpi.name }), LABEL_MAX) },
    element: {
      type: 'static_select',
      action_id: INPUT_ACTION_ID,
      options,
      initial_option: options.find((o) => o.value === choice) ?? options[0],
    },
  } as KnownBlock;
}
