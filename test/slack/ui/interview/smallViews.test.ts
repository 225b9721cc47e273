import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import { buildConflictModal } from '../../../../src/slack/ui/interview/conflictModal.js';
import { buildSavedModal } from '../../../../src/slack/ui/interview/savedModal.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import { typedValuesForConflict } from '../../../../src/slack/ui/interview/typedValues.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import {
  metadataOf,
  PLAN_ID,
  planFor,
  submittedState,
  templateById,
} from './support/interviewFixtures.js';
import { INJECTED, mrkdwnTexts } from './support/mrkdwnTexts.js';

const savedAt = new Date('2026-03-01T08:30:00Z');

describe('saved modal', () => {
  it.each(LOCALES)(
    'says the work is saved and how to resume, in %s, without a submit button',
    (locale) => {
      const view = buildSavedModal({
        locale,
        planId: PLAN_ID,
        planTitle: 'Plan <!channel> & co',
        savedAt,
        nextSectionTitle: 'Goals <!here>',
      });
      expect(validateView(view)).toEqual([]);
      expect(view.callback_id).toBe(CallbackIds.saved);
      expect(view.submit).toBeUndefined();
      expect(view.close?.text).toBe(locale === 'en' ? 'Done' : '完成');
      const text = mrkdwnTexts(view).join('\n');
      expect(text).toContain(`/opsplan edit ${PLAN_ID}`);
      expect(text).toContain('Plan &lt;!channel&gt; &amp; co');
      for (const bad of INJECTED) expect(text).not.toContain(bad);
    },
  );
});

describe('conflict modal', () => {
  const standard = templateById('standard');

  it.each(LOCALES)(
    'shows back exactly what this user typed, escaped, with a reload button (%s)',
    (locale) => {
      const plan = planFor(standard, { language: locale });
      const step = buildSectionModal({
        template: standard,
        plan,
        sectionId: 'results',
        locale,
        version: 1,
        planId: PLAN_ID,
      });
      const state = submittedState(step, {
        'f|kpis|kpi-1|name': 'Paying shops <!channel>',
        'f|kpis|kpi-1|target': '2000',
        'f|kpis|kpi-1|cadence': 'monthly',
        'f|nextMilestone': `<https://evil.example|click> ${'long & '.repeat(700)}`,
      });
      const typed = typedValuesForConflict({
        template: standard,
        plan,
        sectionId: 'results',
        stateValues: state,
        rows: metadataOf(step).r,
      });
      expect(typed).toContainEqual({
        label: locale === 'en' ? 'KPI 1 · KPI name' : 'KPI 1 · KPI 名称',
        text: 'Paying shops <!channel>',
      });
      expect(typed).toContainEqual({
        label: locale === 'en' ? 'KPI 1 · Check-in cadence' : 'KPI 1 · 跟进频率',
        text: locale === 'en' ? 'Monthly' : '每月',
      });

      const view = buildConflictModal({
        locale,
        planId: PLAN_ID,
        sectionId: 'results',
        planTitle: 'Plan',
        updatedBy: 'U0OTHER1',
        updatedAt: savedAt,
        typed,
      });
      expect(validateView(view)).toEqual([]);
      expect(view.callback_id).toBe(CallbackIds.conflict);
      const text = mrkdwnTexts(view).join('');
      expect(text).toContain('<@U0OTHER1>');
      expect(text).toContain('Paying shops &lt;!channel&gt;');
      for (const bad of INJECTED) expect(text).not.toContain(bad);
      // The long value is continued across blocks, not cut off.
      expect(text.split('long &amp; ').length - 1).toBe(700);
      const reload = JSON.stringify(view.blocks);
      expect(reload).toContain(ActionIds.conflictReload);
      expect(reload).toContain(
        JSON.stringify(JSON.stringify({ p: PLAN_ID, s: 'results' })).slice(1, -1),
      );
    },
  );

  it('says so when nothing was typed, and names no one when the other editor is unknown', () => {
    const view = buildConflictModal({
      locale: 'en',
      planId: PLAN_ID,
      sectionId: 'goals',
      planTitle: 'Plan',
      updatedAt: savedAt,
      typed: [],
    });
    expect(validateView(view)).toEqual([]);
    const text = mrkdwnTexts(view).join('\n');
    expect(text).toContain('Another editor');
    expect(text).toContain('had not typed anything');
  });
});
