import { describe, expect, it } from 'vitest';
import {
  escapedMrkdwnLength,
  escapeMrkdwn,
  MRKDWN_ESCAPE_WEIGHTS,
} from '../../src/render/mrkdwn.js';
import { splitText } from '../../src/render/textChunks.js';

function check(text: string, maxLength: number, escaped = false): string[] {
  const chunks = splitText(
    text,
    escaped ? { maxLength, heavyUnits: MRKDWN_ESCAPE_WEIGHTS } : { maxLength },
  );
  expect(chunks.join('')).toBe(text);
  for (const chunk of chunks) {
    expect(escaped ? escapedMrkdwnLength(chunk) : chunk.length).toBeLessThanOrEqual(maxLength);
  }
  return chunks;
}

describe('splitText', () => {
  it('returns short text whole and empty text as no pieces', () => {
    expect(check('短文本 short', 100)).toEqual(['短文本 short']);
    expect(splitText('', { maxLength: 100 })).toEqual([]);
  });

  it('cuts at a paragraph boundary before a sentence boundary', () => {
    const first = 'First paragraph. It has two sentences.';
    const second = 'Second paragraph is here. And more text follows it.';
    const chunks = check(`${first}\n\n${second}`, 60);
    expect(chunks[0]).toBe(first);
    expect(chunks[1]?.trim()).toBe(second);
  });

  it('cuts English text after a sentence, not mid-sentence', () => {
    const text = 'The plan grows revenue. We hire two people! Will it work? We think so.';
    const chunks = check(text, 45);
    expect(chunks[0]).toBe('The plan grows revenue. We hire two people!');
    expect(chunks.map((c) => c.trim())).toEqual([
      'The plan grows revenue. We hire two people!',
      'Will it work? We think so.',
    ]);
  });

  it('cuts Chinese text after 。！？； even without spaces', () => {
    const text = '我们的目标是提升转化率。这需要三个月！能做到吗？可以；但要预算。';
    const chunks = check(text, 14);
    for (const chunk of chunks.slice(0, -1)) expect(chunk).toMatch(/[。！？；]$/);
    expect(chunks.join('')).toBe(text);
  });

  it('keeps a closing quote with its sentence', () => {
    const chunks = check('他说：“我们上线了。”然后大家开始庆祝这个重要的时刻吧', 14);
    expect(chunks[0]).toBe('他说：“我们上线了。”');
  });

  it('falls back to word boundaries when a sentence is longer than the budget', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda';
    const chunks = check(text, 20);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.trim()).toMatch(/^[a-z]+( [a-z]+)*$/);
  });

  it('splits unpunctuated CJK between characters, never before a closing mark', () => {
    const text = '运营计划书的核心是目标和路径，以及资源的合理配置和时间节点的安排';
    const chunks = check(text, 10);
    for (const chunk of chunks.slice(1)) expect(chunk).not.toMatch(/^[，。、]/);
  });

  it('hard-splits only a single token longer than the budget, keeping emoji whole', () => {
    const url = `https://example.com/${'a'.repeat(50)}`;
    const chunks = check(`see ${url} now`, 20);
    expect(chunks[0]).toBe('see');
    expect(chunks.join('')).toContain(url);
    const emoji = '😀'.repeat(30);
    const emojiChunks = check(emoji, 9);
    for (const chunk of emojiChunks) expect(chunk).toMatch(/^(😀)+$/u);
  });

  it('budgets by escaped length so an escaped piece still fits', () => {
    const text = `${'a & b < c > d '.repeat(40)}end`;
    const chunks = check(text, 50, true);
    expect(chunks.map(escapeMrkdwn).join('')).toBe(escapeMrkdwn(text));
    for (const chunk of chunks) expect(escapeMrkdwn(chunk).length).toBeLessThanOrEqual(50);
  });

  it('keeps every piece within its escaped budget and each piece as long as the budget and the boundaries allow, wherever the escaped characters fall', () => {
    // Seeded; texts dense with & < > so pieces often start just before ones the previous window passed.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const units = ['a', 'b', ' ', '.', '&', '<', '>', '\n', '中', '。', '😀'];
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(random() * 300);
      while (text.length < length) text += units[Math.floor(random() * units.length)];
      const maxLength = 8 + Math.floor(random() * 40);
      const chunks = check(text, maxLength, true);
      // A piece ends early only at a boundary or where the next unit would not fit.
      for (const [i, chunk] of chunks.slice(0, -1).entries()) {
        const next = chunks[i + 1] ?? '';
        const budget = maxLength;
        const grown = escapedMrkdwnLength(chunk + next.slice(0, 1));
        const atBoundary =
          /[\s。.]$/u.test(chunk) ||
          /^[\s中。😀\uDE00]/u.test(next) ||
          /[中😀\uDE00]$/u.test(chunk);
        expect(atBoundary || grown > budget).toBe(true);
      }
    }
  });

  it('gives the first piece its own budget', () => {
    const text = 'one two three four five six seven eight nine ten';
    const chunks = splitText(text, { maxLength: 30, firstMaxLength: 10 });
    expect(chunks[0]?.length).toBeLessThanOrEqual(10);
    expect(chunks.join('')).toBe(text);
  });

  it('survives a whitespace run longer than the budget', () => {
    const text = `word${' '.repeat(100)}\n\n${'\n'.repeat(50)}end`;
    const chunks = check(text, 20);
    expect(chunks[0]).toBe('word');
    expect(chunks.at(-1)?.trim()).toBe('end');
  });

  it('rejects a budget too small for one escaped character', () => {
    expect(() => splitText('abc', { maxLength: 3 })).toThrow(RangeError);
  });

  it('always cuts at the last paragraph break in the back half of a piece, however the break is spaced', () => {
    // Seeded so a failure reproduces; pieces mix words, sentences, CJK and breaks spaced as people type them.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const parts = [
      'word ',
      'longer words here ',
      'End. ',
      '句子。',
      '中文没有空格',
      '\n\n',
      '\n \n',
      '\n',
      ' \n\t\n ',
    ];
    for (let round = 0; round < 200; round++) {
      let text = 'Start';
      while (text.length < 400) text += parts[Math.floor(random() * parts.length)];
      const maxLength = 20 + Math.floor(random() * 60);
      const breaks = [...text.matchAll(/(?<=\S)\s+/g)]
        .filter((run) => run[0].split('\n').length > 2)
        .map((run) => run.index);
      let start = 0;
      for (const chunk of check(text, maxLength).slice(0, -1)) {
        const end = start + maxLength;
        const halfway = Math.max(start + 1, end - Math.floor(maxLength / 2));
        const inBackHalf = breaks.filter((at) => at >= halfway && at <= end);
        if (inBackHalf.length > 0) expect(start + chunk.length).toBe(Math.max(...inBackHalf));
        start += chunk.length;
      }
    }
  });
});
