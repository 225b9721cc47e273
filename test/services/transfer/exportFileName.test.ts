import { describe, expect, it } from 'vitest';
import { exportFileName, titleSlug } from '../../../src/services/transfer/exportFileName.js';

describe('export file names', () => {
  it('slugs an English title and names the version or the draft', () => {
    const base = { title: 'Growth plan 2027', planId: '7K3M9QXA' };
    expect(exportFileName({ ...base, version: 2, format: 'md' })).toBe('growth-plan-2027-v2.md');
    expect(exportFileName({ ...base, format: 'yaml' })).toBe('growth-plan-2027-draft.yaml');
  });

  it('drops accents and punctuation, never leaves path separators or dots', () => {
    expect(titleSlug('Café  Über / ../etc <!channel> Plan!')).toBe('cafe-uber-etc-channel-plan');
    expect(exportFileName({ title: '../../x', planId: 'AB12CD34', format: 'md' })).toBe(
      'x-draft.md',
    );
  });

  it('adds the plan id when the title has no ASCII letters', () => {
    expect(
      exportFileName({ title: '2027 年增长计划', planId: '7K3M9QXA', version: 1, format: 'md' }),
    ).toBe('2027-7k3m9qxa-v1.md');
    expect(exportFileName({ title: '增长计划', planId: '7K3M9QXA', format: 'yaml' })).toBe(
      'plan-7k3m9qxa-draft.yaml',
    );
  });

  it('keeps long titles short and ASCII only', () => {
    const name = exportFileName({ title: 'a '.repeat(200), planId: '7K3M9QXA', format: 'md' });
    expect(name.length).toBeLessThanOrEqual(70);
    expect(name).toMatch(/^[a-z0-9-]+\.md$/);
    expect(name.endsWith('--draft.md')).toBe(false);
  });
});
