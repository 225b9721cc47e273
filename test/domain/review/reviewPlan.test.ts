import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/domain/lifecycle.js';
import { createPlan } from '../../../src/domain/plan.js';
import { REVIEW_RULES, reviewPlan } from '../../../src/domain/review/index.js';
import { fieldsForStage } from '../../../src/domain/template.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { changed, goodPlan, section, standardTemplate, TODAY } from './fixtures.js';

describe('reviewPlan', () => {
  it.each(STAGES)('finds nothing wrong with a complete %s plan', (stage) => {
    const result = reviewPlan(goodPlan(stage), standardTemplate(), { today: TODAY });
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ summary: { error: 0, warning: 0, tip: 0 }, passed: true });
  });

  it('counts findings per severity and puts errors first, in template order', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'goals').vision = '';
      section(p, 'strategy').modules = [
        { id: 'm1', title: 'A', priority: 'P0' },
        { id: 'm2', title: 'B', priority: 'P0' },
        { id: 'm3', title: 'C', priority: 'P0' },
      ];
      section(p, 'resources').resources = [{ id: 'r1', item: '资金', status: 'need' }];
      section(p, 'results').kpis = [{ id: 'k1', name: 'GMV', direction: 'increase', unit: '元' }];
    });
    const result = reviewPlan(plan, standardTemplate(), { today: TODAY });
    expect(result.summary).toEqual({ error: 4, warning: 1, tip: 1 });
    expect(result.passed).toBe(false);
    expect(
      result.findings.map((f) => `${f.severity}:${f.ruleId}:${f.sectionId}.${f.fieldId}`),
    ).toEqual([
      'error:vision-and-kpis:goals.vision',
      'error:kpi-quantified:results.kpis',
      'error:kpi-quantified:results.kpis',
      'error:kpi-quantified:results.kpis',
      'warning:resource-gaps:resources.resources',
      'tip:priorities-discriminate:strategy.modules',
    ]);
  });

  it.each(
    builtinTemplates()
      .list()
      .map((t) => [t.id, t] as const),
  )(
    'reviews an empty %s draft: every required field and the vision/KPIs reported as errors',
    (_, template) => {
      const draft = createPlan({ ...goodPlan().meta, templateId: template.id });
      const result = reviewPlan(draft, template, { today: TODAY });
      expect(result.passed).toBe(false);
      const reported = new Set(result.findings.map((f) => `${f.sectionId}.${f.fieldId}`));
      for (const section of template.sections) {
        for (const field of fieldsForStage(section, draft.meta.stage)) {
          if (field.required)
            expect(reported, `${section.id}.${field.id}`).toContain(`${section.id}.${field.id}`);
        }
      }
      expect(result.findings.filter((f) => f.ruleId === 'vision-and-kpis')).toHaveLength(2);
    },
  );

  it('passes with warnings only', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'resources').resources = [{ id: 'r1', item: '资金', status: 'need' }];
    });
    const result = reviewPlan(plan, standardTemplate(), { today: TODAY });
    expect(result).toMatchObject({ passed: true, summary: { error: 0, warning: 1 } });
  });

  it('runs only the rules it is given', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'goals').vision = '';
    });
    const only = REVIEW_RULES.filter((r) => r.id === 'vision-and-kpis');
    expect(
      reviewPlan(plan, standardTemplate(), { today: TODAY, rules: only }).findings,
    ).toHaveLength(1);
  });

  it('has unique rule ids, and every rule and message exists in both languages', () => {
    expect(new Set(REVIEW_RULES.map((r) => r.id)).size).toBe(REVIEW_RULES.length);
    for (const rule of REVIEW_RULES) {
      expect(rule.description['zh-CN'].length, rule.id).toBeGreaterThan(0);
      expect(rule.description.en.length, rule.id).toBeGreaterThan(0);
    }
  });
});
