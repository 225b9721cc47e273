import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import {
  itemsPrioritised,
  prioritiesDiscriminate,
} from '../../../src/domain/review/rules/itemsPrioritised.js';
import { requiredFields } from '../../../src/domain/review/rules/requiredFields.js';
import { resourceGaps } from '../../../src/domain/review/rules/resourceGaps.js';
import { visionAndKpis } from '../../../src/domain/review/rules/visionAndKpis.js';
import { TemplateSchema } from '../../../src/domain/template.js';
import { changed, findingsOf, goodPlan, section } from './fixtures.js';

describe('vision-and-kpis', () => {
  it('does not fire when both are present', () => {
    expect(findingsOf(visionAndKpis, goodPlan())).toEqual([]);
  });

  it('fires on a vision without KPIs ("a slogan")', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'results').kpis = [];
    });
    expect(findingsOf(visionAndKpis, plan)).toEqual([
      expect.objectContaining({
        severity: 'error',
        sectionId: 'results',
        fieldId: 'kpis',
        message: {
          'zh-CN': expect.stringContaining('口号'),
          en: expect.stringContaining('slogan'),
        },
      }),
    ]);
  });

  it('fires on KPIs without a vision ("arbitrary")', () => {
    const plan = changed(goodPlan(), (p) => {
      delete section(p, 'goals').vision;
    });
    const [finding] = findingsOf(visionAndKpis, plan);
    expect(finding).toMatchObject({ sectionId: 'goals', fieldId: 'vision' });
    expect(finding?.message.en).toContain('arbitrary');
  });

  it('stays silent for a template that asks for neither', () => {
    const t = (s: string) => ({ 'zh-CN': s, en: s });
    const template = TemplateSchema.parse({
      id: 'notes',
      version: 1,
      name: t('Notes'),
      description: t('Notes'),
      sections: [
        {
          id: 'a',
          title: t('A'),
          titleShort: t('A'),
          fields: [{ id: 'x', type: 'long_text', label: t('X') }],
        },
      ],
    });
    const plan = PlanSchema.parse({
      ...goodPlan(),
      meta: { ...goodPlan().meta, templateId: 'notes' },
      sections: {},
    });
    expect(findingsOf(visionAndKpis, plan, template)).toEqual([]);
  });
});

describe('required-fields', () => {
  it('does not fire on a complete plan', () => {
    expect(findingsOf(requiredFields, goodPlan())).toEqual([]);
  });

  it('fires on a blank required field, naming it in both languages', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'scope').organisation = '   ';
    });
    expect(findingsOf(requiredFields, plan)).toEqual([
      expect.objectContaining({
        sectionId: 'scope',
        fieldId: 'organisation',
        message: {
          'zh-CN': '「工作范围」中的必填项「谁来做、如何分工」尚未填写。',
          en: 'The required field "Who does the work, and how" in "Scope of work" is empty.',
        },
      }),
    ]);
  });

  it('leaves the vision and the KPIs to their own rule', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'goals').vision = '';
      section(p, 'results').kpis = [];
    });
    expect(findingsOf(requiredFields, plan)).toEqual([]);
  });
});

describe('items-prioritised', () => {
  it('does not fire when every item has a priority', () => {
    expect(findingsOf(itemsPrioritised, goodPlan())).toEqual([]);
  });

  it('fires per unprioritised strategy module and system requirement', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'strategy').modules = [{ id: 'm1', title: '会员' }];
      section(p, 'systems').requirements = [
        { id: 's1', title: 'CRM' },
        { id: 's2', title: 'BI', priority: 'P1' },
      ];
    });
    expect(findingsOf(itemsPrioritised, plan).map((f) => [f.fieldId, f.rowId, f.severity])).toEqual(
      [
        ['modules', 'm1', 'warning'],
        ['requirements', 's1', 'warning'],
      ],
    );
  });
});

describe('priorities-discriminate', () => {
  it('does not fire when priorities differ, or with fewer than three items', () => {
    expect(findingsOf(prioritiesDiscriminate, goodPlan())).toEqual([]);
    const two = changed(goodPlan(), (p) => {
      section(p, 'strategy').modules = [
        { id: 'm1', title: 'A', priority: 'P0' },
        { id: 'm2', title: 'B', priority: 'P0' },
      ];
    });
    expect(findingsOf(prioritiesDiscriminate, two)).toEqual([]);
  });

  it('fires as a tip when everything is P0', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'strategy').modules = ['a', 'b', 'c'].map((id) => ({
        id,
        title: id,
        priority: 'P0',
      }));
    });
    expect(findingsOf(prioritiesDiscriminate, plan)).toEqual([
      expect.objectContaining({ severity: 'tip', fieldId: 'modules' }),
    ]);
  });
});

describe('resource-gaps', () => {
  it('does not fire when every gap has a source and a way to obtain it, or for what we have', () => {
    expect(findingsOf(resourceGaps, goodPlan())).toEqual([]);
  });

  it('fires on a gap without source or way, saying which is missing', () => {
    const plan = changed(goodPlan(), (p) => {
      section(p, 'resources').resources = [
        { id: 'r1', item: '设计师', status: 'need', source: '招聘' },
        { id: 'r2', item: '预算', status: 'need' },
        { id: 'r3', item: '办公室', status: 'have' },
      ];
    });
    const findings = findingsOf(resourceGaps, plan);
    expect(findings.map((f) => f.rowId)).toEqual(['r1', 'r2']);
    expect(findings[0]?.message.en).toBe(
      'The resource gap "设计师" has no way to obtain it: who provides it, when, and how?',
    );
    expect(findings[1]?.message.en).toContain('has no source and no way to obtain it');
    expect(findings[1]?.message['zh-CN']).toContain('来源和获取方式');
  });
});
