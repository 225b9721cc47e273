import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import { CallbackIds } from '../../../../src/slack/ui/ids.js';
import {
  buildPlanDetailsModal,
  PlanDetailsBlockIds as ids,
} from '../../../../src/slack/ui/interview/planDetailsModal.js';
import {
  decodePlanDetailsMetadata,
  parsePlanDetailsSubmission,
} from '../../../../src/slack/ui/interview/planDetailsSubmission.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import { buildStateValues, type UserInputs } from '../../../support/slack/viewState.js';
import { TEMPLATES } from './support/interviewFixtures.js';
import { INJECTED, mrkdwnTexts } from './support/mrkdwnTexts.js';

const initial = {
  title: 'H1 plan <!channel>',
  templateId: 'standard',
  stage: 'growth' as const,
  audience: 'investors' as const,
  period: { start: '2026-01-01', end: '2026-06-30' },
  channel: 'C0123OPS',
  language: 'zh-CN' as const,
  editors: ['U0456EFGH', 'W0789IJKL'],
};

describe('plan details form', () => {
  it.each(LOCALES)('is valid Block Kit in %s, new and edit, with and without editors', (locale) => {
    for (const mode of ['new', 'edit'] as const) {
      for (const canManageEditors of [true, false]) {
        const view = buildPlanDetailsModal({
          locale,
          templates: TEMPLATES,
          mode,
          canManageEditors,
          ...(mode === 'edit' ? { initial, planId: 'K3M9X2QA' } : {}),
          notice: 'Please check <!here>',
        });
        expect(validateView(view)).toEqual([]);
        expect(view.callback_id).toBe(CallbackIds.planDetails);
        const blockIds = view.blocks.map((b) => b.block_id);
        expect(blockIds.includes(ids.editors)).toBe(canManageEditors);
        for (const text of mrkdwnTexts(view))
          for (const bad of INJECTED) expect(text).not.toContain(bad);
      }
    }
  });

  it('keeps only the mode and plan id in private_metadata', () => {
    const view = buildPlanDetailsModal({
      locale: 'en',
      templates: TEMPLATES,
      mode: 'edit',
      planId: 'K3M9X2QA',
      initial,
      canManageEditors: true,
    });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ m: 'edit', p: 'K3M9X2QA' });
    expect(decodePlanDetailsMetadata(view.private_metadata ?? '')).toEqual({
      m: 'edit',
      p: 'K3M9X2QA',
    });
    expect(decodePlanDetailsMetadata('{"m":"edit","team":"T1"}')).toBeUndefined();
  });

  it('labels stages and audiences in the user’s language', () => {
    const zh = JSON.stringify(
      buildPlanDetailsModal({
        locale: 'zh-CN',
        templates: TEMPLATES,
        mode: 'new',
        canManageEditors: true,
      }),
    );
    expect(zh).toContain('初创期');
    expect(zh).toContain('投资人');
    const en = JSON.stringify(
      buildPlanDetailsModal({
        locale: 'en',
        templates: TEMPLATES,
        mode: 'new',
        canManageEditors: true,
      }),
    );
    expect(en).toContain('Startup');
    expect(en).toContain('Standard operations plan (8 sections)');
  });

  it('in edit mode pre-fills everything, and submitting it untouched gives the same details back', () => {
    const view = buildPlanDetailsModal({
      locale: 'en',
      templates: TEMPLATES,
      mode: 'edit',
      planId: 'K3M9X2QA',
      initial,
      canManageEditors: true,
    });
    expect(JSON.stringify(view.blocks)).toContain('cannot change once the plan exists');
    const parsed = parsePlanDetailsSubmission({
      stateValues: buildStateValues(view.blocks),
      locale: 'en',
      templates: TEMPLATES,
      mode: 'edit',
    });
    const { templateId: _fixed, ...rest } = initial;
    expect(parsed).toEqual({ ok: true, details: rest });
  });

  it('a new plan: the chosen template and the typed details; no editors when the picker is not shown', () => {
    const view = buildPlanDetailsModal({
      locale: 'zh-CN',
      templates: TEMPLATES,
      mode: 'new',
      canManageEditors: false,
      initial: { title: 'Q3' },
    });
    const inputs: UserInputs = {
      [ids.template]: 'marketing-4p',
      [ids.stage]: 'startup',
      [ids.audience]: 'boss',
      [ids.periodStart]: '2026-07-01',
      [ids.periodEnd]: '2026-09-30',
    };
    const parsed = parsePlanDetailsSubmission({
      stateValues: buildStateValues(view.blocks, inputs),
      locale: 'zh-CN',
      templates: TEMPLATES,
      mode: 'new',
    });
    expect(parsed).toEqual({
      ok: true,
      details: {
        title: 'Q3',
        templateId: 'marketing-4p',
        stage: 'startup',
        audience: 'boss',
        period: { start: '2026-07-01', end: '2026-09-30' },
        language: 'zh-CN',
      },
    });
  });

  it.each([
    ['en', /required/, /end date is before/, /no longer available/, /150 characters/],
    ['zh-CN', /必填/, /结束日期早于开始日期/, /已不可用/, /150 个字符/],
  ] as const)('gives inline errors in %s', (locale, required, order, template, long) => {
    const view = buildPlanDetailsModal({
      locale,
      templates: TEMPLATES,
      mode: 'new',
      canManageEditors: true,
    });
    const errors = (inputs: UserInputs) => {
      const result = parsePlanDetailsSubmission({
        stateValues: buildStateValues(view.blocks, inputs),
        locale,
        templates: TEMPLATES,
        mode: 'new',
      });
      if (result.ok) throw new Error('expected errors');
      return result.errors;
    };
    const empty = errors({ [ids.title]: '  ' });
    expect(empty[ids.title]).toMatch(required);
    expect(empty[ids.stage]).toMatch(required);
    expect(empty[ids.audience]).toMatch(required);
    expect(empty[ids.periodStart]).toMatch(required);
    const wrong = errors({
      [ids.title]: 'x'.repeat(151),
      [ids.template]: { selected_option: { value: 'gone' } },
      [ids.periodStart]: '2026-06-01',
      [ids.periodEnd]: '2026-05-01',
    });
    expect(wrong[ids.title]).toMatch(long);
    expect(wrong[ids.template]).toMatch(template);
    expect(wrong[ids.periodEnd]).toMatch(order);
  });
});
