import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';
import { allTypesTemplate } from './support/fixtureTemplates.js';
import { randomPlan } from './support/randomPlan.js';
import { firstMissingInOrder, userTextsInOrder } from './support/renderedText.js';

/** Undoes our Markdown escaping: backslash escapes, the `&amp;` we add, the `<br>` we put in cells. */
function unescapeMarkdown(markdown: string): string {
  return markdown
    .replace(/<br>/g, '\n')
    .replace(/\\\n/g, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&amp;/g, '&');
}

/** Lines of a GFM table have as many cells as its header (escaped pipes do not count). */
function tableShapeErrors(markdown: string): string[] {
  const errors: string[] = [];
  let columns = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = line.replace(/\\\|/g, '').split('|').length - 2;
    if (columns === 0) columns = cells;
    else if (cells !== columns) errors.push(line.slice(0, 80));
  }
  return errors;
}

describe('renderPlanMarkdown on random plans up to the maximum sizes', () => {
  const templates = [allTypesTemplate(), ...builtinTemplates().list()];

  it('keeps every answer, in order, and every table in shape', () => {
    for (const template of templates) {
      for (let seed = 1; seed <= 20; seed++) {
        const plan = randomPlan(template, seed, seed % 2 === 0 ? 1 : 0.3);
        const markdown = renderPlanMarkdown(plan, template);
        expect(tableShapeErrors(markdown)).toEqual([]);
        const body = unescapeMarkdown(markdown);
        expect(firstMissingInOrder(body, userTextsInOrder(plan, template), (t) => t)).toBe(
          undefined,
        );
      }
    }
  });
});
