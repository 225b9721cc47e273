import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import type { Template } from '../../src/domain/template.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { escapeMrkdwn } from '../../src/render/mrkdwn.js';
import { renderPlanBlocks } from '../../src/render/planBlocks.js';
import type { RenderableReview } from '../../src/render/reviewSummary.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';
import { allTypesTemplate, widestTemplate } from './support/fixtureTemplates.js';
import { randomPlan, seededRandom } from './support/randomPlan.js';
import {
  firstMissingInOrder,
  foreignControls,
  mentionableIds,
  textObjects,
  userTextsInOrder,
} from './support/renderedText.js';

const PLANS = 200;

function reviewFor(seed: number): RenderableReview {
  const random = seededRandom(seed);
  const severities = ['error', 'warning', 'tip'] as const;
  return {
    findings: Array.from({ length: Math.floor(random() * 30) }, () => ({
      ruleId: 'fixture',
      severity: severities[Math.floor(random() * 3)] ?? 'tip',
      sectionId: 'goals',
      fieldId: 'kpis',
      message: { en: 'x', 'zh-CN': 'x' },
    })),
  };
}

/** Everything a user would notice about a rendered post: limits, validity, safety, completeness. */
function checkPost(plan: Plan, template: Template, review: RenderableReview): void {
  const rendered = renderPlanBlocks(plan, template, { review });
  const messages = [rendered.summary, ...rendered.sections];
  const allowed = mentionableIds(plan, template);
  for (const message of messages) {
    expect(validateMessagePayload(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(40_000);
    expect(message.text).not.toMatch(/[<>]/);
    for (const object of textObjects(message.blocks)) {
      if (object.type !== 'mrkdwn') continue;
      expect(object.verbatim).toBe(true);
      expect(foreignControls(object.text, allowed)).toEqual([]);
    }
  }
  // Every section of the template gets at least one reply, in template order.
  const sectionIds = [...new Set(rendered.sections.map((m) => m.sectionId))];
  expect(sectionIds).toEqual(template.sections.map((s) => s.id));

  // Context blocks carry only our own words ("continued 2/3"), which may sit inside a long answer.
  const threadText = rendered.sections
    .flatMap((m) => textObjects(m.blocks.filter((b: KnownBlock) => b.type !== 'context')))
    .map((t) => t.text)
    .join('\n');
  expect(firstMissingInOrder(threadText, userTextsInOrder(plan, template), escapeMrkdwn)).toBe(
    undefined,
  );
}

describe('renderPlanBlocks on random plans up to the maximum sizes', () => {
  it(`keeps ${PLANS} random plans valid, within limits, safe and complete`, () => {
    const template = allTypesTemplate();
    for (let seed = 1; seed <= PLANS; seed++) {
      // Every third plan is at the maximum everywhere; the rest mix sizes and unanswered fields.
      const plan = randomPlan(template, seed, seed % 3 === 0 ? 1 : 0.3);
      checkPost(plan, template, reviewFor(seed));
    }
  });

  it('keeps random plans of every built-in template valid, within limits, safe and complete', () => {
    for (const template of builtinTemplates().list()) {
      for (let seed = 1000; seed < 1025; seed++) {
        checkPost(randomPlan(template, seed, seed % 2 === 0 ? 1 : 0.3), template, reviewFor(seed));
      }
    }
  });

  it('renders the widest template (20 sections × 20 texts of 3000 characters)', () => {
    const template = widestTemplate();
    checkPost(randomPlan(template, 7, 1), template, reviewFor(7));
  });

  it('continues a section in further replies when escaping makes it too long for one', () => {
    const template = widestTemplate();
    const plan = randomPlan(template, 8, 1);
    // 3000 × "&" escapes to 15,000 characters per answer: 5 blocks each, 100 per section.
    for (const values of Object.values(plan.sections)) {
      for (const id of Object.keys(values)) values[id] = '&'.repeat(3000);
    }
    checkPost(plan, template, reviewFor(8));
    const rendered = renderPlanBlocks(plan, template);
    const first = rendered.sections.filter((m) => m.sectionId === 's0');
    expect(first.length).toBe(3);
    expect(first[1]?.blocks[0]?.type).toBe('context');
    expect(first[1]?.text).toContain('2/3');
  });
});
