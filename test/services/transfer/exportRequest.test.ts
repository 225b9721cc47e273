import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/services/transfer/exportRequest.js';

const words = (text: string) => text.split(' ');

describe('export arguments', () => {
  it('defaults to the Markdown of the draft (or latest version for readers)', () => {
    expect(parseExportArgs(['7K3M9QXA'])).toEqual({
      ref: '7K3M9QXA',
      format: 'md',
      version: { kind: 'default' },
    });
  });

  it('reads version and format from the end, in either order', () => {
    const expected = {
      ref: 'Growth plan',
      format: 'yaml',
      version: { kind: 'number', version: 2 },
    };
    expect(parseExportArgs(words('Growth plan v2 yaml'))).toEqual(expected);
    expect(parseExportArgs(words('Growth plan yml V2'))).toEqual(expected);
  });

  it('keeps a bare number in the title: "2027" is a year, not version 2027', () => {
    expect(parseExportArgs(words('Growth plan 2027 md'))).toEqual({
      ref: 'Growth plan 2027',
      format: 'md',
      version: { kind: 'default' },
    });
  });

  it('understands draft / latest and their Chinese words', () => {
    expect(parseExportArgs(['计划', '最新']).version).toEqual({ kind: 'latest' });
    expect(parseExportArgs(['计划', '草稿', 'markdown'])).toEqual({
      ref: '计划',
      format: 'md',
      version: { kind: 'draft' },
    });
    expect(parseExportArgs(['计划', '版本3']).version).toEqual({ kind: 'number', version: 3 });
  });

  it('never eats the plan itself, and an empty command names no plan', () => {
    expect(parseExportArgs(['yaml']).ref).toBe('yaml');
    expect(parseExportArgs([]).ref).toBe('');
    expect(parseExportArgs(words('plan v0')).ref).toBe('plan v0');
  });
});
