import { describe, expect, it } from 'vitest';
import { KPI_THRESHOLD_ERROR_TEXTS } from '../../../../src/domain/kpi/index.js';
import { LOCALES } from '../../../../src/domain/locale.js';
import { CRON_ERROR_TEXTS } from '../../../../src/domain/schedule/index.js';
import { CallbackIds } from '../../../../src/slack/ui/ids.js';
import {
  formFromSettings,
  type SettingsForm,
  settingsFromForm,
  thresholdsFromForm,
} from '../../../../src/slack/ui/schedule/settingsForm.js';
import {
  kpiScheduleBlock,
  SettingsBlocks,
  settingsModal,
} from '../../../../src/slack/ui/schedule/settingsModal.js';
import { parseSettingsSubmission } from '../../../../src/slack/ui/schedule/settingsSubmission.js';
import { PlanScheduleSettingsSchema } from '../../../../src/store/scheduleStore.js';
import { kpi } from '../../../scheduler/jobs/support/checkinFixtures.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import { buildStateValues, type UserInputs } from '../../../support/slack/viewState.js';

const INJECTION = '<!channel> <https://evil.example|x> & *b*';
const kpis = Array.from({ length: 20 }, (_, i) =>
  kpi(`k${i}`, { name: `${INJECTION} ${'n'.repeat(150)}`.slice(0, 150) }),
);
const ids = kpis.map((k) => k.id);
const by = { userId: 'U0OWNER0001', at: new Date('2027-01-04T02:00:00Z') };

function modal(form: SettingsForm, locale: 'en' | 'zh-CN' = 'en') {
  return settingsModal({ planId: 'AB12CD34', title: INJECTION, form, kpis, locale });
}

/** Submits the modal with `inputs` on top of its initial values, as Slack builds state.values. */
function submit(form: SettingsForm, inputs: UserInputs, locale: 'en' | 'zh-CN' = 'en') {
  const view = modal(form, locale);
  return parseSettingsSubmission(buildStateValues(view.blocks, inputs), ids, locale);
}

const blank = formFromSettings({}, ids, 'Asia/Shanghai');

describe.each(LOCALES)('the settings modal (%s)', (locale) => {
  it('is valid with 20 KPIs, injection in their names, and today’s settings preselected', () => {
    const form = formFromSettings(
      {
        revision: { rule: { kind: 'cron', expression: '0 10 1 * *' } },
        checkIns: { rule: { kind: 'preset', preset: 'weekly', weekday: 3, hour: 10, minute: 0 } },
        kpis: { k4: { rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 } } },
        timezone: 'America/New_York',
        skipWeekends: true,
        snoozeUntil: '2027-02-01',
        checkInWindowHours: 48,
      },
      ids,
      'Asia/Shanghai',
    );
    const view = modal(form, locale);
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe(CallbackIds.scheduleSettings);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('"initial_value":"0 10 1 * *"');
    expect(text).toContain('"initial_value":"America/New_York"');
    expect(text).toContain('"initial_date":"2027-02-01"');
    expect(text).toContain('"initial_value":"48"');
    const k4 = view.blocks.find((b) => b.block_id === kpiScheduleBlock('k4'));
    expect(JSON.stringify(k4)).toContain('"initial_option":{"text":{"type":"plain_text","text":"');
    expect(JSON.stringify(k4)).toContain('"value":"daily"}');
    expect(JSON.stringify(view.blocks[0])).not.toContain('<!channel>');
  });

  it('shows a bad cron expression’s error inline, in the user’s language', () => {
    const parsed = submit(
      blank,
      { [SettingsBlocks.revisionChoice]: 'cron', [SettingsBlocks.revisionCron]: '0 10 * *' },
      locale,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: { [SettingsBlocks.revisionCron]: CRON_ERROR_TEXTS.fieldCount(4)[locale] },
    });
  });
});

describe('reading the settings modal', () => {
  it('turns presets, a 6-field cron, options and per-KPI choices into the engine’s settings', () => {
    const parsed = submit(blank, {
      [SettingsBlocks.revisionChoice]: 'quarterly',
      [SettingsBlocks.checkInChoice]: 'cron',
      [SettingsBlocks.checkInCron]: '30 0 9 * * 1-5',
      [SettingsBlocks.timezone]: 'Europe/Berlin',
      [SettingsBlocks.options]: ['skip_weekends', 'paused'],
      [SettingsBlocks.snooze]: '2027-03-01',
      [SettingsBlocks.window]: '36',
      [kpiScheduleBlock('k1')]: 'weekly',
      [kpiScheduleBlock('k2')]: 'monthly',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const settings = PlanScheduleSettingsSchema.parse(
      settingsFromForm(parsed.form, { kpis: { k2: { timezone: 'UTC' } } }, by),
    );
    expect(settings).toMatchObject({
      timezone: 'Europe/Berlin',
      skipWeekends: true,
      paused: true,
      snoozeUntil: '2027-03-01',
      checkInWindowHours: 36,
      revision: {
        rule: { kind: 'preset', preset: 'quarterly', day: 'first_working_day', hour: 10 },
      },
      checkIns: { rule: { kind: 'cron', expression: '30 0 9 * * 1-5' } },
      kpis: {
        k1: { rule: { kind: 'preset', preset: 'weekly', weekday: 1, hour: 10 } },
        // The KPI's other override (its zone) is kept.
        k2: {
          timezone: 'UTC',
          rule: { kind: 'preset', preset: 'monthly', day: 'first_working_day' },
        },
      },
      updatedBy: by.userId,
    });
    expect(settings.kpis?.k3).toBeUndefined();
  });

  it('weekly on a chosen weekday; "default" removes an override', () => {
    const parsed = submit(blank, {
      [SettingsBlocks.revisionChoice]: 'weekly',
      [SettingsBlocks.revisionWeekday]: '5',
      [SettingsBlocks.checkInChoice]: 'default',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const settings = settingsFromForm(
      parsed.form,
      { checkIns: { rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 } } },
      by,
    );
    expect(settings.revision?.rule).toEqual({
      kind: 'preset',
      preset: 'weekly',
      weekday: 5,
      hour: 10,
      minute: 0,
    });
    expect(settings.checkIns).toBeUndefined();
    // What was saved reads back as the same form.
    expect(formFromSettings(settings, ids, 'Asia/Shanghai')).toEqual({ ...parsed.form });
  });

  it('reads the status thresholds as percentages and stores them as the KPI maths’ shares', () => {
    const parsed = submit(blank, {
      [SettingsBlocks.atRisk]: '95',
      [SettingsBlocks.offTrack]: '80',
      [SettingsBlocks.stayTolerance]: '5',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(thresholdsFromForm(parsed.form.thresholds)).toEqual({
      atRisk: 0.95,
      offTrack: 0.8,
      stayTolerance: 0.05,
    });
    expect(blank.thresholds).toEqual({ atRisk: 90, offTrack: 75, stayTolerance: 10 });
  });

  it.each(LOCALES)(
    'refuses an off-track threshold above the at-risk one, inline (%s)',
    (locale) => {
      const parsed = submit(
        blank,
        { [SettingsBlocks.atRisk]: '70', [SettingsBlocks.offTrack]: '80' },
        locale,
      );
      expect(parsed).toEqual({
        ok: false,
        errors: { [SettingsBlocks.offTrack]: KPI_THRESHOLD_ERROR_TEXTS.order[locale] },
      });
    },
  );

  it.each(LOCALES)(
    'refuses a bad time zone, a missing cron and an out-of-range window (%s)',
    (locale) => {
      const parsed = submit(
        blank,
        {
          [SettingsBlocks.checkInChoice]: 'cron',
          [SettingsBlocks.timezone]: 'Mars/Olympus',
          [SettingsBlocks.window]: '0',
        },
        locale,
      );
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(Object.keys(parsed.errors).sort()).toEqual(
        [SettingsBlocks.checkInCron, SettingsBlocks.timezone, SettingsBlocks.window].sort(),
      );
      expect(parsed.errors[SettingsBlocks.timezone]).toMatch(locale === 'en' ? /IANA/ : /时区/);
    },
  );
});
