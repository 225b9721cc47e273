import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import { buildHomeView, HOME_MAX_PLANS } from '../../../../src/slack/ui/home/homeView.js';
import { ActionIds } from '../../../../src/slack/ui/ids.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import {
  buttonsOf,
  foreignControls,
  NASTY_TITLE,
  NOW,
  overview,
  overviews,
  textsOf,
} from '../browse/browseFixtures.js';

describe('buildHomeView', () => {
  it.each(LOCALES)('with no drafts: header, New plan, an invitation and help (%s)', (locale) => {
    const view = buildHomeView({ plans: [], total: 0, locale, now: NOW });
    expect(validateView(view)).toEqual([]);
    expect(buttonsOf(view.blocks)).toEqual([[ActionIds.newPlan, 'new']]);
    const text = textsOf(view.blocks).join('\n');
    expect(text).toContain(locale === 'en' ? 'New plan' : '新建计划');
    expect(text).toContain('/opsplan help');
  });

  it.each(LOCALES)('shows a draft with review status, last edit and its buttons (%s)', (locale) => {
    const view = buildHomeView({ plans: [overview(0)], total: 1, locale, now: NOW });
    expect(validateView(view)).toEqual([]);
    const text = textsOf(view.blocks).join('\n');
    expect(text).toContain('Plan number 0');
    expect(text).toContain(locale === 'en' ? '1 error · 2 warnings' : '1 错误 · 2 警告');
    expect(text).toContain(locale === 'en' ? 'Last edit: 2 hours ago' : '最后编辑：2小时前');
    expect(buttonsOf(view.blocks).map(([action]) => action)).toEqual([
      ActionIds.newPlan,
      ActionIds.planResume,
      ActionIds.planPreview,
      ActionIds.planPublish,
      ActionIds.planHistory,
      ActionIds.planSettings,
      ActionIds.planDelete,
    ]);
  });

  it.each(LOCALES)('warns before a draft is removed (%s)', (locale) => {
    const plan = overview(0, { expiresSoon: true, expiresAt: new Date('2026-12-05T10:00:00Z') });
    const view = buildHomeView({ plans: [plan], total: 1, locale, now: NOW });
    expect(validateView(view)).toEqual([]);
    const text = textsOf(view.blocks).join('\n');
    expect(text).toContain(
      locale === 'en'
        ? 'This draft will be removed on Dec 5, 2026 unless it is edited.'
        : '如果在 2026年12月5日 之前没有人编辑，这份草稿将被删除。',
    );
  });

  it.each(LOCALES)(
    'stays within 100 blocks with more drafts than fit, and says how many are hidden (%s)',
    (locale) => {
      const plans = overviews(HOME_MAX_PLANS).map((p) => ({
        ...p,
        expiresSoon: true,
        title: NASTY_TITLE,
      }));
      const view = buildHomeView({ plans, total: 120, locale, now: NOW });
      expect(validateView(view)).toEqual([]);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const resumed = buttonsOf(view.blocks).filter(([a]) => a === ActionIds.planResume);
      expect(resumed.length).toBeGreaterThanOrEqual(20);
      const text = textsOf(view.blocks).join('\n');
      expect(text).toContain(
        locale === 'en'
          ? `and ${120 - resumed.length} older drafts`
          : `还有 ${120 - resumed.length} 份`,
      );
      expect(foreignControls(textsOf(view.blocks, 'mrkdwn'))).toEqual([]);
    },
  );
});
