import { describe, expect, it } from 'vitest';
import { closestWord } from '../../../src/slack/commands/closestSubcommand.js';
import { parseCommandText } from '../../../src/slack/commands/parseCommandText.js';

describe('parseCommandText', () => {
  it('splits the subcommand from its arguments and lower-cases only the subcommand', () => {
    expect(parseCommandText('  EDIT  Q3-Plan   Goals ')).toEqual({
      name: 'edit',
      args: ['Q3-Plan', 'Goals'],
    });
  });

  it('keeps quoted titles together, with straight, typographic and Chinese quotes', () => {
    expect(parseCommandText('edit "Q3 growth plan" goals').args).toEqual([
      'Q3 growth plan',
      'goals',
    ]);
    expect(parseCommandText('edit “Q3 growth plan”').args).toEqual(['Q3 growth plan']);
    expect(parseCommandText('edit 「二季度 运营计划」 预算').args).toEqual([
      '二季度 运营计划',
      '预算',
    ]);
  });

  it('treats an empty command as no subcommand', () => {
    expect(parseCommandText('')).toEqual({ name: '', args: [] });
    expect(parseCommandText('   ')).toEqual({ name: '', args: [] });
  });
});

describe('closestWord', () => {
  const words = ['help', 'language', 'new', 'list', 'publish'];
  it('suggests the intended word for a small typo', () => {
    expect(closestWord('halp', words)).toBe('help');
    expect(closestWord('langauge', words)).toBe('language');
    expect(closestWord('pubish', words)).toBe('publish');
  });
  it('suggests nothing for a word far from every subcommand', () => {
    expect(closestWord('banana', words)).toBeUndefined();
    expect(closestWord('xyz', words)).toBeUndefined();
  });
});
