import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import {
  buildPlanListMessage,
  LIST_MESSAGE_MAX_PLANS,
} from '../../../../src/slack/ui/browse/planListMessage.js';
import { ActionIds } from '../../../../src/slack/ui/ids.js';
import { validateMessagePayload } from '../../../support/slack/blockKitValidator.js';
import {
  buttonsOf,
  foreignControls,
  NASTY_TITLE,
  NOW,
  overview,
  overviews,
  textsOf,
} from './browseFixtures.js';

describe('buildPlanListMessage', () => {
  it.each(LOCALES)('with no plans, says so and how to start one (%s)', (locale) => {
    const message = buildPlanListMessage({ plans: [], total: 0, locale, now: NOW });
    expect(validateMessagePayload(message)).toEqual([]);
    expect(message.text).toContain('/opsplan new');
    expect(buttonsOf(message.blocks)).toEqual([]);
  });

  it.each(LOCALES)(
    'shows one plan with its facts and Resume / Preview / Publish / History / Schedules / Delete (%s)',
    (locale) => {
      const plan = overview(0);
      const message = buildPlanListMessage({ plans: [plan], total: 1, locale, now: NOW });
      expect(validateMessagePayload(message)).toEqual([]);
      const text = textsOf(message.blocks).join('\n');
      expect(text).toContain('Plan number 0');
      expect(text).toContain('`P0000000`');
      expect(text).toContain(locale === 'en' ? 'Standard operations plan' : '标准运营计划书');
      expect(text).toContain(locale === 'en' ? 'Growth' : '发展期');
      expect(text).toContain(locale === 'en' ? 'owner' : '负责人');
      expect(text).toContain(locale === 'en' ? '2 hours ago' : '2小时前');
      expect(text).toContain(locale === 'en' ? 'Nov 26, 2026' : '2026年11月26日');
      expect(text).toContain(
        locale === 'en' ? '1 error · 2 warnings · 0 tips' : '1 错误 · 2 警告 · 0 建议',
      );
      expect(buttonsOf(message.blocks)).toEqual([
        [ActionIds.planResume, 'P0000000'],
        [ActionIds.planPreview, 'P0000000'],
        [ActionIds.planPublish, 'P0000000'],
        [ActionIds.planHistory, 'P0000000'],
        [ActionIds.planSettings, 'P0000000'],
        [ActionIds.planDelete, 'P0000000'],
      ]);
    },
  );

  it('offers the reminder schedules only to the plan’s owner', () => {
    const [owner, editor] = [overview(0), overview(1)];
    const message = buildPlanListMessage({
      plans: [owner, editor],
      total: 2,
      locale: 'en',
      now: NOW,
    });
    const settings = buttonsOf(message.blocks).filter(
      ([action]) => action === ActionIds.planSettings,
    );
    expect(settings).toEqual([[ActionIds.planSettings, owner.id]]);
  });

  it.each(LOCALES)(
    'keeps many plans within 50 blocks and points to App Home for the rest (%s)',
    (locale) => {
      const plans = overviews(LIST_MESSAGE_MAX_PLANS).map((p) => ({ ...p, expiresSoon: true }));
      const message = buildPlanListMessage({ plans, total: 37, locale, now: NOW });
      expect(validateMessagePayload(message)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      const shownIds = buttonsOf(message.blocks)
        .filter(([action]) => action === ActionIds.planResume)
        .map(([, value]) => value);
      // Most recently edited first, none skipped.
      expect(shownIds).toEqual(plans.slice(0, shownIds.length).map((p) => p.id));
      expect(shownIds.length).toBeGreaterThanOrEqual(10);
      const hidden = 37 - shownIds.length;
      const text = textsOf(message.blocks).join('\n');
      expect(text).toContain(locale === 'en' ? `and ${hidden} more` : `还有 ${hidden} 份`);
      expect(message.text).toContain('37');
    },
  );

  it.each(LOCALES)('warns about drafts about to expire, with the date (%s)', (locale) => {
    const soon = overview(1, {
      expiresSoon: true,
      expiresAt: new Date('2026-12-03T03:00:00Z'),
    });
    const message = buildPlanListMessage({
      plans: [overview(0), soon],
      total: 2,
      locale,
      now: NOW,
    });
    expect(validateMessagePayload(message)).toEqual([]);
    const warnings = textsOf(message.blocks).filter((t) => t.includes(':hourglass:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(locale === 'en' ? 'Dec 3, 2026' : '2026年12月3日');
  });

  it.each(LOCALES)('escapes titles: nothing pings, links or quotes (%s)', (locale) => {
    const plans = [
      overview(0, { title: NASTY_TITLE }),
      overview(1, { title: `${NASTY_TITLE} `.repeat(10).slice(0, 150) }),
    ];
    const message = buildPlanListMessage({ plans, total: 2, locale, now: NOW });
    expect(validateMessagePayload(message)).toEqual([]);
    const texts = textsOf(message.blocks);
    expect(foreignControls(textsOf(message.blocks, 'mrkdwn'))).toEqual([]);
    expect(texts.join('\n')).toContain(
      '&lt;!channel&gt; &lt;https://evil.example|click me&gt; &amp;',
    );
  });

  it('marks a plan whose template is gone instead of failing', () => {
    const plan = overview(0, {
      details: { templateId: 'retired', stage: 'decline', timeZone: 'UTC' },
    });
    const message = buildPlanListMessage({ plans: [plan], total: 1, locale: 'en', now: NOW });
    expect(validateMessagePayload(message)).toEqual([]);
    const text = textsOf(message.blocks).join('\n');
    expect(text).toContain('retired');
    expect(text).toContain('template not available');
  });
});

describe('the next revision reminder on a plan card', () => {
  it.each([
    ['en', 'Next revision reminder: '],
    ['zh-CN', '下次修订提醒：'],
  ] as const)('is shown once the plan is scheduled (%s)', (locale, label) => {
    const scheduled = overview(0, { nextReminder: new Date('2027-01-04T02:00:00Z') });
    const text = JSON.stringify(
      buildPlanListMessage({ plans: [scheduled], total: 1, locale, now: NOW }).blocks,
    );
    expect(text).toContain(label);
    const unscheduled = JSON.stringify(
      buildPlanListMessage({ plans: [overview(0)], total: 1, locale, now: NOW }).blocks,
    );
    expect(unscheduled).not.toContain(label);
  });
});
