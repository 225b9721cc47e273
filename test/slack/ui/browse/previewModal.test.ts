import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../../src/domain/locale.js';
import type { Plan } from '../../../../src/domain/plan.js';
import { reviewPlan } from '../../../../src/domain/review/index.js';
import type { Template } from '../../../../src/domain/template.js';
import { decodeOpenSection } from '../../../../src/slack/ui/browse/browseValues.js';
import {
  buildPreviewModal,
  PREVIEW_FINDINGS_MAX,
} from '../../../../src/slack/ui/browse/previewModal.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import type { DraftRecord } from '../../../../src/store/draftStore.js';
import { changed, goodPlan, standardTemplate, TODAY } from '../../../domain/review/fixtures.js';
import { randomPlan } from '../../../render/support/randomPlan.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import { buttonsOf, foreignControls, NASTY_TITLE, textsOf } from './browseFixtures.js';

function recordOf(plan: Plan, version = 3): DraftRecord<Plan> {
  return {
    id: 'AB12CD34',
    version,
    doc: plan,
    title: plan.meta.title,
    ownerId: plan.meta.owner,
    editorIds: plan.meta.editors,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-26T10:00:00Z'),
    updatedBy: plan.meta.owner,
    status: 'draft',
  };
}

function preview(plan: Plan, template: Template | undefined, locale: Locale) {
  const review = template ? reviewPlan(plan, template, { today: TODAY }) : undefined;
  return { view: buildPreviewModal({ record: recordOf(plan), template, review, locale }), review };
}

/** A plan with problems: no KPIs and no vision, so the review has errors pointing at sections. */
function flawedPlan(): Plan {
  return changed(goodPlan(), (draft) => {
    for (const values of Object.values(draft.sections)) {
      for (const [field, value] of Object.entries(values)) {
        if (Array.isArray(value) || typeof value === 'string') delete values[field];
      }
    }
    draft.meta.title = NASTY_TITLE;
  });
}

describe('buildPreviewModal', () => {
  it.each(LOCALES)(
    'shows the review findings, each with a button opening its section (%s)',
    (locale) => {
      const template = standardTemplate();
      const { view, review } = preview(flawedPlan(), template, locale);
      expect(validateView(view)).toEqual([]);
      expect(view.callback_id).toBe(CallbackIds.preview);
      expect(review?.summary.error).toBeGreaterThan(0);
      const findingButtons = buttonsOf(view.blocks).filter(([a]) => a === ActionIds.openSection);
      expect(findingButtons.length).toBe(
        Math.min(review?.findings.length ?? 0, PREVIEW_FINDINGS_MAX),
      );
      const sectionIds = new Set(template.sections.map((s) => s.id));
      findingButtons.forEach(([, value], index) => {
        const decoded = decodeOpenSection(value);
        expect(decoded?.p).toBe('AB12CD34');
        expect(decoded?.s).toBe(review?.findings[index]?.sectionId);
        expect(sectionIds.has(decoded?.s ?? '')).toBe(true);
      });
      const text = textsOf(view.blocks).join('\n');
      const first = review?.findings[0];
      expect(text).toContain(first?.message[locale].slice(0, 20));
      expect(foreignControls(textsOf(view.blocks, 'mrkdwn'), [goodPlan().meta.owner])).toEqual([]);
      // The title is shown in the header, plain text that Slack never parses for mentions or links.
      expect(view.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: NASTY_TITLE },
      });
    },
  );

  it.each(LOCALES)('says so when nothing is found, and shows the plan itself (%s)', (locale) => {
    const template = standardTemplate();
    const plan = goodPlan();
    const { view, review } = preview(plan, template, locale);
    expect(validateView(view)).toEqual([]);
    expect(review?.findings.filter((f) => f.severity !== 'tip')).toEqual([]);
    const text = textsOf(view.blocks).join('\n');
    // The plan renders in its own language: every section title of the template appears.
    for (const section of template.sections)
      expect(text).toContain(section.title[plan.meta.language]);
  });

  it.each(LOCALES)(
    'cuts a maximal plan at a whole block, within 100 blocks, with a pointer to the full plan (%s)',
    (locale) => {
      const template = standardTemplate();
      for (const seed of [1, 2, 3]) {
        const plan = randomPlan(template, seed, 1);
        const { view } = preview(plan, template, locale);
        expect(validateView(view)).toEqual([]);
        expect(view.blocks.length).toBeLessThanOrEqual(100);
        const last = textsOf(view.blocks.slice(-1)).join('');
        expect(last).toContain(
          locale === 'en' ? 'The full plan is in the export' : '完整计划请见导出文件',
        );
      }
    },
  );

  it('explains a missing template instead of failing', () => {
    const plan = changed(goodPlan(), (draft) => {
      draft.meta.templateId = 'retired';
    });
    const { view } = preview(plan, undefined, 'en');
    expect(validateView(view)).toEqual([]);
    expect(textsOf(view.blocks).join('\n')).toContain('`retired` is not available');
    expect(buttonsOf(view.blocks)).toEqual([]);
  });
});
