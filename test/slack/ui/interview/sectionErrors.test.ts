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
import { ERROR_CASES as cases } from './support/sectionErrorCases.js';

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
