import { describe, expect, it } from 'vitest';
import type { PlanYamlProblem } from '../../../../src/domain/planYaml.js';
import {
  formatImportProblems,
  IMPORT_ERROR_MAX_CHARS,
} from '../../../../src/slack/ui/transfer/importErrors.js';

const problem = (i: number): PlanYamlProblem => ({
  path: `sections.results.kpis[${i}].target`,
  line: 10 + i,
  column: 9,
  message: { en: 'not a number', 'zh-CN': '不是数字' },
});

describe('inline import errors', () => {
  it('list each problem with line, column, path and reason in the user language', () => {
    expect(formatImportProblems([problem(0), problem(1)], 'en')).toBe(
      [
        'Nothing was imported — 2 problems:',
        '• line 10, column 9: sections.results.kpis[0].target: not a number',
        '• line 11, column 9: sections.results.kpis[1].target: not a number',
      ].join('\n'),
    );
    expect(formatImportProblems([problem(0)], 'zh-CN')).toBe(
      '没有导入任何内容 —— 共 1 个问题：\n• 第 10 行第 9 列：sections.results.kpis[0].target: 不是数字',
    );
  });

  it('stay within the limit and count what did not fit', () => {
    const problems = Array.from({ length: 200 }, (_, i) => problem(i));
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = formatImportProblems(problems, locale);
      expect(text.length).toBeLessThanOrEqual(IMPORT_ERROR_MAX_CHARS);
      const shown = text.split('\n').filter((line) => line.startsWith('• ')).length;
      const more = Number(/(\d+)/.exec(text.split('\n').at(-1) ?? '')?.[1]);
      expect(shown).toBeGreaterThan(5);
      expect(shown + more).toBe(200);
    }
  });

  it('shorten one huge reason instead of dropping the others', () => {
    const huge: PlanYamlProblem = { path: '', message: { en: 'x'.repeat(5000), 'zh-CN': 'x' } };
    const text = formatImportProblems([huge, problem(0)], 'en');
    expect(text).toContain('sections.results.kpis[0].target');
    expect(text.length).toBeLessThan(IMPORT_ERROR_MAX_CHARS);
  });
});
