import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { LIST_MAX_ROWS, type ListFieldType } from '../../../../src/domain/fieldTypes.js';
import { STAGES } from '../../../../src/domain/lifecycle.js';
import { LOCALES } from '../../../../src/domain/locale.js';
import { charCount, fieldsForStage } from '../../../../src/domain/template.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import { sectionProgress } from '../../../../src/slack/ui/interview/sectionLayout.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import {
  blocksOf,
  filledSection,
  metadataOf,
  PLAN_ID,
  planFor,
  rowsFor,
  TEMPLATES,
} from './support/interviewFixtures.js';
import { INJECTED, mrkdwnTexts } from './support/mrkdwnTexts.js';

const cases = TEMPLATES.flatMap((template) =>
  STAGES.flatMap((stage) =>
    LOCALES.flatMap((language) =>
      template.sections
        .filter((s) => fieldsForStage(s, stage).length > 0)
        .map((section) => ({ template, stage, language, sectionId: section.id })),
    ),
  ),
);

function expectWithinSlackLimits(view: ModalView) {
  expect(validateView(view)).toEqual([]);
  expect(charCount(view.title.text)).toBeLessThanOrEqual(24);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
}

function addButtons(view: ModalView): string[] {
  return blocksOf(view).flatMap((b) =>
    b.type === 'actions'
      ? b.elements.flatMap((e) =>
          e.type === 'button' && e.action_id === ActionIds.rowAdd ? [e.value ?? ''] : [],
        )
      : [],
  );
}

describe('buildSectionModal: every section of every template, stage and language', () => {
  it.each(cases)(
    '$template.id/$sectionId at $stage in $language: empty, filled and full are valid',
    ({ template, stage, language, sectionId }) => {
      const base = planFor(template, { stage, language });
      // A phase elsewhere in the plan makes budget lines show their phase picker (one more block per row).
      const phaseHome = template.sections.find((s) => s.fields.some((f) => f.type === 'phases'));
      const phaseField = phaseHome?.fields.find((f) => f.type === 'phases');
      const withPhase = planFor(template, {
        stage,
        language,
        sections:
          phaseHome && phaseField
            ? { [phaseHome.id]: { [phaseField.id]: [{ id: 'phase-9', name: 'Pilot <!here>' }] } }
            : {},
      });
      for (const plan of [base, withPhase]) {
        const empty = buildSectionModal({
          template,
          plan,
          sectionId,
          locale: language,
          version: 3,
          planId: PLAN_ID,
        });
        expectWithinSlackLimits(empty);

        for (const count of [2, 'max'] as const) {
          const rows = rowsFor(template, plan, sectionId, count);
          const filledPlan = {
            ...plan,
            sections: {
              ...plan.sections,
              [sectionId]: filledSection(template, plan, sectionId, rows, 'phase-9'),
            },
          };
          const view = buildSectionModal({
            template,
            plan: filledPlan,
            sectionId,
            locale: language,
            version: 3,
            planId: PLAN_ID,
            notice: { kind: 'warning', text: 'Saved by someone else <!channel>' },
          });
          expectWithinSlackLimits(view);
          expect(metadataOf(view).r).toEqual(rows);
          for (const text of mrkdwnTexts(view)) {
            for (const bad of INJECTED) expect(text).not.toContain(bad);
          }
          if (count === 'max' && Object.keys(rows).length > 0) {
            expect(addButtons(view)).toEqual([]);
            // Full means full: every list at its domain maximum, or not even a 5-block row fits.
            const atDomainMax = Object.entries(rows).every(([fieldId, ids]) => {
              const field = template.sections
                .flatMap((s) => s.fields)
                .find((f) => f.id === fieldId);
              return field && ids.length === LIST_MAX_ROWS[field.type as ListFieldType];
            });
            if (!atDomainMax) expect(view.blocks.length).toBeGreaterThan(100 - 5);
          }
        }
      }
    },
  );
});

describe('buildSectionModal: the step itself', () => {
  const template = TEMPLATES.find((t) => t.id === 'standard');
  if (!template) throw new Error('standard template missing');

  it('is titled with progress and the short title, and says what saving does next', () => {
    const zh = planFor(template, { language: 'zh-CN' });
    const resources = buildSectionModal({
      template,
      plan: zh,
      sectionId: 'resources',
      locale: 'zh-CN',
      version: 1,
      planId: PLAN_ID,
    });
    expect(resources.title.text).toBe('4/8 · 运营资源');
    expect(resources.submit?.text).toBe('保存并继续');
    expect(resources.close?.text).toBe('关闭');
    expect(resources.callback_id).toBe(CallbackIds.section);
    expect(resources.notify_on_close).toBe(true);

    const en = planFor(template, { language: 'en' });
    const budget = buildSectionModal({
      template,
      plan: en,
      sectionId: 'budget',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
    });
    expect(budget.title.text).toBe('8/8 · Budget');
    expect(budget.submit?.text).toBe('Save & finish');
  });

  it('shows the guidance of the plan’s stage only', () => {
    const plan = planFor(template, { stage: 'decline', language: 'en' });
    const view = buildSectionModal({
      template,
      plan,
      sectionId: 'goals',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('graceful exit');
    expect(text).not.toContain('At startup');
  });

  it('offers Back except on the first step, and Save & close always', () => {
    const plan = planFor(template);
    const footer = (sectionId: string) => {
      const view = buildSectionModal({
        template,
        plan,
        sectionId,
        locale: 'en',
        version: 1,
        planId: PLAN_ID,
      });
      const block = blocksOf(view).at(-1);
      return block?.type === 'actions'
        ? block.elements.map((e) => ('action_id' in e ? e.action_id : ''))
        : [];
    };
    expect(footer('product')).toEqual([ActionIds.sectionSaveClose]);
    expect(footer('goals')).toEqual([ActionIds.sectionBack, ActionIds.sectionSaveClose]);
  });

  it('skips fields reserved for other stages, and keeps the step count of the stage', () => {
    const startup = planFor(template, { stage: 'startup' });
    const view = buildSectionModal({
      template,
      plan: startup,
      sectionId: 'strategy',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
    });
    const ids = view.blocks.map((b) => b.block_id);
    expect(ids).toContain('f|businessModel');
    expect(ids).not.toContain('f|marketWatch');
    expect(ids.some((id) => id?.startsWith('f|exitSteps'))).toBe(false);
    expect(sectionProgress(template, 'startup', 'strategy')).toEqual({
      index: 5,
      total: 8,
      previousId: 'resources',
      nextId: 'systems',
    });
  });

  it('keeps private_metadata to plan, section, version and rows — no workspace or user', () => {
    const plan = planFor(template);
    const view = buildSectionModal({
      template,
      plan,
      sectionId: 'results',
      locale: 'en',
      version: 7,
      planId: PLAN_ID,
    });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({
      p: PLAN_ID,
      s: 'results',
      v: 7,
      r: { kpis: ['kpi-1'] },
    });
  });
});
