import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { renderPlanBlocks } from '../../src/render/planBlocks.js';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';
import { allTypesTemplate } from './support/fixtureTemplates.js';
import { INJECTIONS, randomPlan } from './support/randomPlan.js';
import {
  foreignControls,
  mentionableIds,
  ROW_TEXT_KEYS,
  textObjects,
} from './support/renderedText.js';

const template = allTypesTemplate();

/** A full plan whose every user-written text (title, answers, list cells) is `attack` in context. */
function attackedPlan(attack: string): Plan {
  const plan = randomPlan(template, 42, 1);
  plan.meta.title = `${attack} title`;
  for (const section of template.sections) {
    const values = plan.sections[section.id] ?? {};
    for (const field of section.fields) {
      const value = values[field.id];
      if (
        typeof value === 'string' &&
        (field.type === 'short_text' || field.type === 'long_text')
      ) {
        values[field.id] = `before ${attack} after\n${attack}`;
      }
      if (!Array.isArray(value)) continue;
      for (const row of value) {
        if (typeof row !== 'object') continue;
        const record = row as unknown as Record<string, unknown>;
        for (const key of ROW_TEXT_KEYS) {
          if (typeof record[key] === 'string') record[key] = `${attack} ${key}\n${attack}`;
        }
      }
    }
  }
  return plan;
}

describe.each(INJECTIONS)('injection %j', (attack) => {
  const plan = attackedPlan(attack);

  it('pings nobody and forges no link in the Slack post', () => {
    const rendered = renderPlanBlocks(plan, template, { locale: 'en' });
    const allowed = mentionableIds(plan, template);
    for (const message of [rendered.summary, ...rendered.sections]) {
      expect(validateMessagePayload(message)).toEqual([]);
      expect(message.text).not.toMatch(/[<>]/);
      for (const object of textObjects(message.blocks)) {
        if (object.type !== 'mrkdwn') continue;
        expect(object.verbatim).toBe(true);
        expect(foreignControls(object.text, allowed)).toEqual([]);
        // Every & is an entity we wrote: nothing can start a raw control sequence.
        expect(object.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    }
    const all = [rendered.summary, ...rendered.sections]
      .flatMap((m) => textObjects(m.blocks))
      .map((t) => t.text)
      .join('\n');
    expect(all).toContain('before');
  });

  it('forges no link, HTML, heading or table cell in the Markdown file', () => {
    const markdown = renderPlanMarkdown(plan, template, { locale: 'zh-CN' });
    // No unescaped link/HTML openers anywhere.
    expect(markdown).not.toMatch(/(^|[^\\])\[/m);
    expect(markdown).not.toMatch(/(^|[^\\])<(?!br>)/m);
    // Only our own headings: the title, one per section, one per answered field.
    const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
    const answered = template.sections.reduce(
      (sum, s) => sum + s.fields.filter((f) => plan.sections[s.id]?.[f.id] !== undefined).length,
      0,
    );
    expect(headings).toHaveLength(1 + template.sections.length + answered);
    // Every table row has as many cells as its header.
    let columns = 0;
    for (const line of markdown.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      if (columns === 0) columns = cells;
      expect(cells).toBe(columns);
    }
  });
});

describe('ids that are not validated Slack ids', () => {
  it('never become mentions, even when a plan skipped validation', () => {
    const plan = randomPlan(template, 43, 1);
    plan.meta.owner = '<!channel>';
    plan.meta.editors = ['U123|<!here>'];
    plan.meta.channel = '<!everyone>';
    const scope = plan.sections.scope ?? {};
    scope.lead = '<!here>';
    scope.team = ['<@U999>'];
    scope.room = '<#C1|x>';
    const rendered = renderPlanBlocks(plan, template);
    for (const message of [rendered.summary, ...rendered.sections]) {
      for (const object of textObjects(message.blocks)) {
        expect(object.text).not.toMatch(/<!|<@U999|<#C1/);
      }
    }
    const markdown = renderPlanMarkdown(plan, template);
    expect(markdown).not.toMatch(/(^|[^\\])<(?!br>)/m);
    expect(markdown).toContain('\\<!channel\\>');
  });
});
