import { describe, expect, it } from 'vitest';
import { reviewPlan } from '../../../../src/domain/review/index.js';
import { builtinTemplates } from '../../../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../../../src/render/planMarkdown.js';
import { ActionIds } from '../../../../src/slack/ui/ids.js';
import {
  buildPublishedPost,
  withVersionBlocks,
} from '../../../../src/slack/ui/publish/publishedPost.js';
import { changed, goodPlan, TODAY } from '../../../domain/review/fixtures.js';
import { randomPlan } from '../../../render/support/randomPlan.js';
import { validateMessagePayload } from '../../../support/slack/blockKitValidator.js';

const templates = builtinTemplates();
const AT = new Date('2026-03-15T03:00:00.000Z');

function post(plan = goodPlan(), extra: Partial<Parameters<typeof buildPublishedPost>[0]> = {}) {
  const template = templates.get(plan.meta.templateId);
  if (!template) throw new Error('template missing');
  return buildPublishedPost({
    planId: 'C4K9QZ0B',
    plan,
    template,
    review: reviewPlan(plan, template, { today: TODAY }),
    version: 1,
    publishedBy: 'U0PUBLISH1',
    publishedAt: AT,
    ...extra,
  });
}

describe('buildPublishedPost', () => {
  it('maximal plans of every built-in template give only valid messages and a full summary', () => {
    for (const template of templates.list()) {
      for (const seed of [7]) {
        const plan = randomPlan(template, seed, 1);
        const previous = randomPlan(template, seed + 100, 1);
        const content = post(plan, {
          version: 2,
          previous: { version: 1, doc: previous, permalink: 'https://x.slack.com/archives/C1/p1' },
        });
        for (const message of [content.summary, ...content.replies]) {
          expect(validateMessagePayload(message), `${template.id}/${seed}`).toEqual([]);
        }
        expect(content.summary.blocks.length).toBeLessThanOrEqual(50);
        const actions = content.summary.blocks.at(-1);
        expect(JSON.stringify(actions)).toContain(ActionIds.planRevise);
        expect(content.file.content).toBe(renderPlanMarkdown(plan, template));
      }
    }
  });

  it('v1 has no "what changed"; v2 opens its thread with it and says so under the summary', () => {
    const first = post();
    expect(JSON.stringify(first.replies[0]?.blocks)).not.toContain('本次修改');
    expect(first.file.filename).toBe('opsplan-C4K9QZ0B-v1.md');
    const v1 = goodPlan();
    const v2 = changed(v1, (plan) => {
      plan.meta.title = 'Renamed';
    });
    const second = post(v2, {
      version: 2,
      previous: { version: 1, doc: v1, permalink: 'https://x.slack.com/archives/C1/p1' },
    });
    expect(JSON.stringify(second.replies[0]?.blocks)).toContain('v2 — 本次修改');
    expect(JSON.stringify(second.summary.blocks)).toContain(
      '与 v1 相比的修改见本消息串的第一条回复',
    );
    expect(second.replies).toHaveLength(first.replies.length + 1);
  });

  it('says who published and when, with Slack formatting the date for each reader', () => {
    const text = JSON.stringify(post().summary.blocks);
    expect(text).toContain('<@U0PUBLISH1>');
    expect(text).toContain(`<!date^${AT.getTime() / 1000}^{date_short_pretty} {time}|`);
  });

  it('a summary already at 50 blocks gives up its tail, keeping its closing line and the version blocks', () => {
    const body = Array.from({ length: 49 }, (_, i) => ({
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: `part ${i}` },
    }));
    const closing = {
      type: 'context' as const,
      elements: [{ type: 'mrkdwn' as const, text: 'end' }],
    };
    const extra = [{ type: 'divider' as const }, { type: 'divider' as const }];
    const result = withVersionBlocks({ text: 't', blocks: [...body, closing] }, extra);
    expect(result.blocks).toHaveLength(50);
    expect(result.blocks.slice(-3)).toEqual([closing, ...extra]);
    expect(result.blocks[0]).toEqual(body[0]);
  });
});
