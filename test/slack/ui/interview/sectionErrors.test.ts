import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../src/domain/locale.js';
import type { Plan } from '../../../../src/domain/plan.js';
import type { Template } from '../../../../src/domain/template.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import {
  parseSectionSubmission,
  stateToPrefill,
} from '../../../../src/slack/ui/interview/sectionSubmission.js';
import { allTypesTemplate } from '../../../render/support/fixtureTemplates.js';
import type { UserInputs } from '../../../support/slack/viewState.js';
import {
  blocksOf,
  metadataOf,
  PLAN_ID,
  planFor,
  submittedState,
  templateById,
} from './support/interviewFixtures.js';

interface Step {
  template: Template;
  plan: Plan;
  sectionId: string;
  view: ModalView;
}

function step(template: Template, sectionId: string, language: Locale, plan?: Plan): Step {
  const p = plan ?? planFor(template, { language });
  return {
    template,
    plan: p,
    sectionId,
    view: buildSectionModal({
      template,
      plan: p,
      sectionId,
      locale: language,
      version: 1,
      planId: PLAN_ID,
    }),
  };
}

function submit(s: Step, inputs: UserInputs, partial = false) {
  return parseSectionSubmission({
    template: s.template,
    plan: s.plan,
    sectionId: s.sectionId,
    stateValues: submittedState(s.view, inputs),
    rows: metadataOf(s.view).r,
    partial,
  });
}

function errorsOf(result: ReturnType<typeof submit>): Record<string, string> {
  if (result.ok) throw new Error(`expected errors, got values ${JSON.stringify(result.values)}`);
  return result.errors;
}

const allTypes = allTypesTemplate();
const standard = templateById('standard');

/** Each case: the step, what the user typed, the block the error must be on, and its text per language. */
const cases: Array<{
  name: string;
  template: Template;
  sectionId: string;
  inputs: UserInputs;
  block: string;
  en: RegExp;
  zh: RegExp;
}> = [
  {
    name: 'a required field left empty',
    template: standard,
    sectionId: 'product',
    inputs: { 'f|description': '   ', 'f|targetUsers': 'Shop owners' },
    block: 'f|description',
    en: /required/,
    zh: /必填/,
  },
  {
    name: 'a number that is not a number',
    template: allTypes,
    sectionId: 'product',
    inputs: { 'f|users': 'twelve' },
    block: 'f|users',
    en: /Enter a number/,
    zh: /请输入数字/,
  },
  {
    name: 'a KPI target that is not a number',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|name': 'Paying shops', 'f|kpis|kpi-1|target': '2k' },
    block: 'f|kpis|kpi-1|target',
    en: /Enter a number/,
    zh: /请输入数字/,
  },
  {
    name: 'a KPI with a target but no name',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|target': '2000' },
    block: 'f|kpis|kpi-1|name',
    en: /Fill in “KPI name”/,
    zh: /「KPI 名称」/,
  },
  {
    name: 'a KPI deadline outside the plan period',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|name': 'Paying shops', 'f|kpis|kpi-1|deadline': '2027-03-01' },
    block: 'f|kpis|kpi-1|deadline',
    en: /outside the plan period \(Jan 1, 2026 to Dec 31, 2026\)/,
    zh: /不在计划周期内（2026-01-01 至 2026-12-31）/,
  },
  {
    name: 'a phase that ends before it starts',
    template: allTypes,
    sectionId: 'strategy',
    inputs: {
      'f|phases|phase-1|name': 'Pilot',
      'f|phases|phase-1|start': '2026-05-01',
      'f|phases|phase-1|end': '2026-04-01',
    },
    block: 'f|phases|phase-1|end',
    en: /end date is before the start date/,
    zh: /结束日期早于开始日期/,
  },
  {
    name: 'a phase starting before the plan period',
    template: allTypes,
    sectionId: 'strategy',
    inputs: { 'f|phases|phase-1|name': 'Pilot', 'f|phases|phase-1|start': '2025-12-01' },
    block: 'f|phases|phase-1|start',
    en: /outside the plan period/,
    zh: /不在计划周期内/,
  },
  {
    name: 'a negative budget amount',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|lines|line-1|item': 'Ads', 'f|lines|line-1|amount': '-5' },
    block: 'f|lines|line-1|amount',
    en: /cannot be negative/,
    zh: /不能为负数/,
  },
  {
    name: 'a budget line without an amount',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|lines|line-1|item': 'Ads' },
    block: 'f|lines|line-1|amount',
    en: /Fill in “Amount”/,
    zh: /「金额」/,
  },
  {
    name: 'an amount without a currency',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|total': '100', 'f|total|cur': { selected_option: null } },
    block: 'f|total|cur',
    en: /Pick a currency/,
    zh: /选择币种/,
  },
  {
    name: 'a date range with only a start',
    template: allTypes,
    sectionId: 'scope',
    inputs: { 'f|window': '2026-03-01' },
    block: 'f|window|end',
    en: /both the start and the end/,
    zh: /同时选择开始日期和结束日期/,
  },
  {
    name: 'a date range that ends before it starts',
    template: allTypes,
    sectionId: 'scope',
    inputs: { 'f|window': '2026-03-01', 'f|window|end': '2026-02-01' },
    block: 'f|window|end',
    en: /before the start date/,
    zh: /早于开始日期/,
  },
  {
    name: 'a required list with only blank rows',
    template: standard,
    sectionId: 'results',
    inputs: { 'f|nextMilestone': 'Beta in March' },
    block: 'f|kpis|kpi-1|name',
    en: /Add at least one row here — this step needs KPIs/,
    zh: /请至少填写一行——本步骤需要填写 KPI/,
  },
  {
    name: 'a text longer than its column allows (replayed past Slack’s own limit)',
    template: allTypes,
    sectionId: 'resources',
    inputs: { 'f|list|res-1|item': 'x'.repeat(151) },
    block: 'f|list|res-1|item',
    en: /150 characters or fewer/,
    zh: /150 个字符以内/,
  },
];

describe('parseSectionSubmission: inline errors on the offending block, in the plan’s language', () => {
  it.each(cases)('$name', ({ template, sectionId, inputs, block, en, zh }) => {
    for (const [language, pattern] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const s = step(template, sectionId, language);
      const errors = errorsOf(submit(s, inputs));
      expect(errors[block], `${language}: ${JSON.stringify(errors)}`).toMatch(pattern);
      // Slack only accepts errors on input blocks of the view.
      const inputIds = new Set(
        blocksOf(s.view)
          .filter((b) => b.type === 'input')
          .map((b) => b.block_id),
      );
      for (const id of Object.keys(errors)) expect(inputIds.has(id), id).toBe(true);
    }
  });

  it('a rebuilt step shows every typed value back exactly, from a failed submission', () => {
    const s = step(allTypes, 'goals', 'en');
    const typed: UserInputs = {
      'f|vision': 'Be the first choice <!channel>',
      'f|kpis|kpi-1|target': '2000',
      'f|kpis|kpi-1|unit': '%',
      'f|kpis|kpi-1|direction': 'stay_below',
      'f|kpis|kpi-1|deadline': '2027-01-15',
      'f|kpis|kpi-1|owner': 'U0123ABCD',
      'f|kpis|kpi-1|cadence': 'monthly',
    };
    const state = submittedState(s.view, typed);
    expect(errorsOf(submit(s, typed))).toHaveProperty(['f|kpis|kpi-1|name']);
    const rebuilt = buildSectionModal({
      template: allTypes,
      plan: s.plan,
      sectionId: 'goals',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      rows: metadataOf(s.view).r,
      values: stateToPrefill(state),
    });
    expect(stateToPrefill(submittedState(rebuilt))).toEqual(stateToPrefill(state));
  });

  it('a cleared saved value stays cleared when shown back; an untouched one keeps its saved value', () => {
    const plan = planFor(allTypes, {
      sections: { product: { summary: 'Saved summary', details: 'Saved details' } },
    });
    const rebuilt = buildSectionModal({
      template: allTypes,
      plan,
      sectionId: 'product',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      // As in view_closed: only what the user touched is there.
      values: { 'f|summary': { type: 'plain_text_input', value: null } },
    });
    const shown = stateToPrefill(submittedState(rebuilt));
    expect(shown['f|summary']).toBeNull();
    expect(shown['f|details']).toBe('Saved details');
  });

  it('rows left completely empty are dropped; partial saves skip required fields but not wrong values', () => {
    const s = step(standard, 'results', 'en');
    expect(submit(s, { 'f|evaluation': 'Monthly review' }, true)).toEqual({
      ok: true,
      values: { evaluation: 'Monthly review' },
    });
    expect(errorsOf(submit(s, { 'f|kpis|kpi-1|target': 'abc' }, true))).toHaveProperty([
      'f|kpis|kpi-1|target',
    ]);
  });

  it('refuses an option the field does not offer (replayed or forged state)', () => {
    const s = step(allTypes, 'scope', 'en');
    const errors = errorsOf(submit(s, { 'f|area': { selected_option: { value: 'zzz' } } }));
    expect(errors['f|area']).toMatch(/listed options/);
  });
});
