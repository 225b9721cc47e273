import { describe, expect, it } from 'vitest';
import { bold, markup, packParagraphs, text } from '../../src/render/blocks/mrkdwnPacker.js';

describe('packParagraphs', () => {
  it('joins short paragraphs into one block and escapes only the text segments', () => {
    const blocks = packParagraphs([
      [bold('Goal & scope'), markup('\n'), text('<!here> grow 20%')],
      [markup('• '), text('a < b'), markup(' · <@U0123ABCD>')],
    ]);
    expect(blocks).toEqual([
      '*Goal &amp; scope*\n&lt;!here&gt; grow 20%\n• a &lt; b · <@U0123ABCD>',
    ]);
  });

  it('starts a paragraph in a fresh block rather than splitting it when it fits there', () => {
    const first = [text('a'.repeat(60))];
    const second = [text('b'.repeat(60))];
    expect(packParagraphs([first, second], 100)).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
  });

  it('splits a paragraph longer than a block at sentence boundaries, label first', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} is here.`);
    const blocks = packParagraphs([[bold('Vision'), markup('\n'), text(sentences.join(' '))]], 120);
    expect(blocks[0]?.startsWith('*Vision*\nSentence number 0 is here.')).toBe(true);
    for (const block of blocks) {
      expect(block.length).toBeLessThanOrEqual(120);
      expect(block).toMatch(/here\.$/);
    }
    expect(blocks.join(' ').replace('*Vision*\n', '')).toBe(sentences.join(' '));
  });

  it('never lets escaping push a block over the limit', () => {
    const blocks = packParagraphs([[text('&'.repeat(1000))]], 3000);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block.length).toBeLessThanOrEqual(3000);
    expect(blocks.join('')).toBe('&amp;'.repeat(1000));
  });

  it('bolds each piece of a label too long for one block', () => {
    const blocks = packParagraphs([[bold('word '.repeat(30))]], 40);
    for (const block of blocks) expect(block).toMatch(/^\*[^*]+\*$/);
  });

  it('drops paragraphs that are only whitespace', () => {
    expect(packParagraphs([[text('   \n ')], [bold('  ')]])).toEqual([]);
  });
});
