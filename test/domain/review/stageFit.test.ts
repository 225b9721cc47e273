import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src/domain/lifecycle.js';
import {
  declineAftercare,
  declineExit,
  growthBusinessModelReview,
  maturityCompetitors,
  maturityMarketWatch,
  maturityQuarterly,
  startupBusinessModel,
} from '../../../src/domain/review/rules/stageFit.js';
import type { ReviewRule } from '../../../src/domain/review/types.js';
import { TemplateSchema } from '../../../src/domain/template.js';
import { changed, findingsOf, goodPlan, section } from './fixtures.js';

const cases: [ReviewRule, Stage, string, string][] = [
  [startupBusinessModel, 'startup', 'strategy', 'businessModel'],
  [growthBusinessModelReview, 'growth', 'strategy', 'businessModelReview'],
  [maturityQuarterly, 'maturity', 'results', 'quarterly'],
  [maturityCompetitors, 'maturity', 'product', 'competitors'],
  [maturityMarketWatch, 'maturity', 'strategy', 'marketWatch'],
  [declineAftercare, 'decline', 'strategy', 'aftercare'],
  [declineExit, 'decline', 'strategy', 'exitSteps'],
];

describe.each(cases)('%s', (rule, stage, sectionId, fieldId) => {
  const without = (s: Stage) =>
    changed(goodPlan(s), (p) => {
      delete section(p, sectionId)[fieldId];
    });

  it(`fires on a ${stage} plan that leaves it out`, () => {
    expect(findingsOf(rule, without(stage))).toEqual([
      expect.objectContaining({ ruleId: rule.id, severity: 'warning', sectionId, fieldId }),
    ]);
  });

  it(`does not fire on a ${stage} plan that has it`, () => {
    expect(findingsOf(rule, goodPlan(stage))).toEqual([]);
  });

  it('does not fire at other stages', () => {
    const other: Stage = stage === 'growth' ? 'startup' : 'growth';
    expect(findingsOf(rule, without(other))).toEqual([]);
  });
});

describe('stage-decline-exit timing', () => {
  it('fires on an undated exit step', () => {
    const plan = changed(goodPlan('decline'), (p) => {
      section(p, 'strategy').exitSteps = [
        { id: 'x1', name: '停服公告', start: '2026-10-01', end: '2026-10-01' },
        { id: 'x2', name: '数据删除' },
      ];
    });
    const findings = findingsOf(declineExit, plan);
    expect(findings.map((f) => f.rowId)).toEqual(['x2']);
    expect(findings[0]?.message.en).toBe('Exit step "数据删除" has no date.');
  });

  it('asks for timing when the steps are free text, and is satisfied by a timing field', () => {
    const t = (s: string) => ({ 'zh-CN': s, en: s });
    const template = TemplateSchema.parse({
      id: 'standard',
      version: 1,
      name: t('Exit'),
      description: t('Exit'),
      sections: [
        {
          id: 'exit',
          title: t('Exit'),
          titleShort: t('Exit'),
          fields: [
            { id: 'steps', type: 'long_text', label: t('Steps'), role: 'exitSteps' },
            { id: 'when', type: 'date_range', label: t('When'), role: 'exitTiming' },
          ],
        },
      ],
    });
    const base = goodPlan('decline');
    const plan = { ...base, sections: { exit: { steps: '公告、迁移、停服' } } };
    expect(findingsOf(declineExit, plan, template)).toEqual([
      expect.objectContaining({
        fieldId: 'when',
        message: expect.objectContaining({
          en: 'The exit steps have no timing: say when each step happens.',
        }),
      }),
    ]);
    const timed = {
      ...base,
      sections: {
        exit: { steps: '公告、迁移、停服', when: { start: '2026-09-01', end: '2026-11-30' } },
      },
    };
    expect(findingsOf(declineExit, timed, template)).toEqual([]);
  });
});
