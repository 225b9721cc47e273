import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../src/domain/lifecycle.js';
import { LOCALES } from '../../../../src/domain/locale.js';
import { fieldsForStage } from '../../../../src/domain/template.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import { parseSectionSubmission } from '../../../../src/slack/ui/interview/sectionSubmission.js';
import { allTypesTemplate } from '../../../render/support/fixtureTemplates.js';
import {
  filledSection,
  metadataOf,
  PLAN_ID,
  planFor,
  rowsFor,
  submittedState,
  TEMPLATES,
} from './support/interviewFixtures.js';

/**
 * Build a step from saved values, submit it untouched (Slack sends every input's initial value
 * back), parse: the answers must come back exactly as saved.
 */
describe('section step round trip: saved values → view → submission → the same values', () => {
  const template = allTypesTemplate();

  it.each(LOCALES)('every field type of the all-types template, in %s', (language) => {
    const base = planFor(template, { language });
    const withPhase = {
      ...base,
      sections: { strategy: { phases: [{ id: 'phase-1', name: 'Pilot' }] } },
    };
    for (const section of template.sections) {
      const rows = rowsFor(template, withPhase, section.id, 3);
      const values = filledSection(template, withPhase, section.id, rows, 'phase-1');
      const plan = { ...withPhase, sections: { ...withPhase.sections, [section.id]: values } };
      const view = buildSectionModal({
        template,
        plan,
        sectionId: section.id,
        locale: language,
        version: 1,
        planId: PLAN_ID,
      });
      const parsed = parseSectionSubmission({
        template,
        plan,
        sectionId: section.id,
        stateValues: submittedState(view),
        rows: metadataOf(view).r,
      });
      expect(parsed, section.id).toEqual({ ok: true, values });
    }
  });

  it('a budget line keeps its phase, and a money field its non-default currency', () => {
    const plan0 = planFor(template, { language: 'zh-CN' });
    const plan = {
      ...plan0,
      sections: {
        strategy: { phases: [{ id: 'phase-1', name: '试运营' }] },
        budget: {
          lines: [{ id: 'line-1', item: '广告', amount: 5, currency: 'SEK', phaseId: 'phase-1' }],
          total: { amount: 0, currency: 'USD' },
        },
      },
    };
    const view = buildSectionModal({
      template,
      plan,
      sectionId: 'budget',
      locale: 'zh-CN',
      version: 1,
      planId: PLAN_ID,
    });
    const parsed = parseSectionSubmission({
      template,
      plan,
      sectionId: 'budget',
      stateValues: submittedState(view),
      rows: metadataOf(view).r,
    });
    expect(parsed).toEqual({ ok: true, values: plan.sections.budget });
  });

  const builtins = TEMPLATES.flatMap((t) =>
    STAGES.flatMap((stage) =>
      t.sections
        .filter((s) => fieldsForStage(s, stage).length > 0)
        .map((s) => ({ template: t, stage, sectionId: s.id })),
    ),
  );
  it.each(builtins)(
    '$template.id/$sectionId at $stage with every list full',
    ({ template: t, stage, sectionId }) => {
      const plan0 = planFor(t, { stage, language: stage === 'growth' ? 'zh-CN' : 'en' });
      const rows = rowsFor(t, plan0, sectionId, 'max');
      const values = filledSection(t, plan0, sectionId, rows);
      const plan = { ...plan0, sections: { [sectionId]: values } };
      const view = buildSectionModal({
        template: t,
        plan,
        sectionId,
        locale: 'en',
        version: 1,
        planId: PLAN_ID,
      });
      const parsed = parseSectionSubmission({
        template: t,
        plan,
        sectionId,
        stateValues: submittedState(view),
        rows,
      });
      expect(parsed).toEqual({ ok: true, values });
    },
  );

  it('an untouched new step saves nothing: blank rows and defaults are not answers', () => {
    const plan = planFor(template);
    for (const section of template.sections) {
      const view = buildSectionModal({
        template,
        plan,
        sectionId: section.id,
        locale: 'en',
        version: 1,
        planId: PLAN_ID,
      });
      const parsed = parseSectionSubmission({
        template,
        plan,
        sectionId: section.id,
        stateValues: submittedState(view),
        rows: metadataOf(view).r,
      });
      expect(parsed, section.id).toEqual({ ok: true, values: {} });
    }
  });
});
