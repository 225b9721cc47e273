import { describe, expect, it } from 'vitest';
import {
  createPlan,
  fieldsWithRole,
  type Plan,
  PlanSchema,
  typedFieldsWithRole,
  validatePlanAgainstTemplate,
} from '../../src/domain/plan.js';
import { formatIssuePath, validateFieldValue } from '../../src/domain/planValidation.js';
import { type Template, TemplateSchema } from '../../src/domain/template.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const template: Template = TemplateSchema.parse({
  id: 'mini',
  version: 1,
  name: t('迷你', 'Mini'),
  description: t('测试', 'Test'),
  sections: [
    {
      id: 'goals',
      title: t('运营目标', 'Goals'),
      titleShort: t('目标', 'Goals'),
      fields: [
        {
          id: 'vision',
          type: 'long_text',
          label: t('愿景', 'Vision'),
          role: 'vision',
          required: true,
        },
        { id: 'kpis', type: 'kpis', label: t('KPI', 'KPIs'), role: 'kpis' },
        {
          id: 'market',
          type: 'multi_select',
          label: t('市场', 'Markets'),
          options: [
            { value: 'cn', label: t('中国', 'China') },
            { value: 'us', label: t('美国', 'USA') },
          ],
        },
      ],
    },
    {
      id: 'later',
      title: t('后期', 'Later'),
      titleShort: t('后期', 'Later'),
      fields: [{ id: 'extraKpis', type: 'kpis', label: t('更多', 'More'), role: 'kpis' }],
    },
  ],
});

function plan(sections: Plan['sections'] = {}): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: '2026 运营计划',
      templateId: 'mini',
      stage: 'growth',
      audience: 'team',
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: 'U0OWNER',
      language: 'zh-CN',
      timezone: 'Asia/Shanghai',
    },
    sections,
  });
}

describe('PlanSchema', () => {
  it('fills defaults for editors and sections', () => {
    expect(plan().meta.editors).toEqual([]);
    expect(plan().sections).toEqual({});
  });

  it('refuses an unknown schema version, a reversed period and a bad time zone', () => {
    const base = plan();
    const bad = {
      ...base,
      schemaVersion: 2,
      meta: {
        ...base.meta,
        period: { start: '2026-12-31', end: '2026-01-01' },
        timezone: 'Mars/Olympus',
      },
    };
    const paths = PlanSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['schemaVersion', 'meta.period.end', 'meta.timezone']);
  });

  it('accepts UTC and refuses an empty title', () => {
    const base = plan();
    expect(PlanSchema.safeParse({ ...base, meta: { ...base.meta, timezone: 'UTC' } }).success).toBe(
      true,
    );
    expect(PlanSchema.safeParse({ ...base, meta: { ...base.meta, title: '  ' } }).success).toBe(
      false,
    );
  });
});

describe('validatePlanAgainstTemplate', () => {
  it('accepts a plan whose values fit the template', () => {
    const p = plan({
      goals: {
        vision: '成为首选',
        kpis: [{ id: 'k1', name: 'GMV', direction: 'increase' }],
        market: ['cn'],
      },
    });
    expect(validatePlanAgainstTemplate(p, template)).toEqual({ ok: true });
  });

  it('reports wrong types with the full path to the value', () => {
    const p = plan({ goals: { vision: 42, kpis: 'GMV up', market: 'cn' } });
    const result = validatePlanAgainstTemplate(p, template);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => formatIssuePath(i.path))).toEqual([
      'sections.goals.vision',
      'sections.goals.kpis',
      'sections.goals.market',
    ]);
    expect(result.issues[0]?.message['zh-CN']).toMatch(/^格式不正确/);
  });

  it('reports unknown sections, unknown fields, foreign templates and unknown options', () => {
    const base = plan({ nope: {}, goals: { extra: 'x', market: ['cn', 'fr'] } });
    const p = { ...base, meta: { ...base.meta, templateId: 'other' } };
    const result = validatePlanAgainstTemplate(p, template);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => i.message.en)).toEqual([
      'the plan uses template "other", not "mini"',
      'template "mini" has no section "nope"',
      'section "goals" has no field "extra"',
      '"fr" is not one of this field\'s options',
    ]);
  });

  it('reports empty required fields only when asked to', () => {
    const p = plan({ goals: { vision: '   ' } });
    expect(validatePlanAgainstTemplate(p, template).ok).toBe(true);
    const result = validatePlanAgainstTemplate(p, template, { requireComplete: true });
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => [formatIssuePath(i.path), i.message['zh-CN']])).toEqual([
      ['sections.goals.vision', '必填项「愿景」尚未填写'],
    ]);
  });
});

describe('validateFieldValue', () => {
  it('gives row-relative paths for inline modal errors', () => {
    const field = template.sections[0]?.fields[1];
    if (!field) throw new Error('fixture');
    const issues = validateFieldValue(field, [
      { id: 'k1', name: 'GMV', direction: 'increase', target: 'many' },
    ]);
    expect(issues.map((i) => i.path)).toEqual([[0, 'target']]);
  });
});

describe('fieldsWithRole', () => {
  it('finds every field with a role across sections, answered or not', () => {
    const p = plan({ goals: { kpis: [{ id: 'k1', name: 'GMV', direction: 'increase' }] } });
    const found = fieldsWithRole(p, template, 'kpis');
    expect(found.map((f) => [f.sectionId, f.fieldId, f.value === undefined])).toEqual([
      ['goals', 'kpis', false],
      ['later', 'extraKpis', true],
    ]);
    expect(fieldsWithRole(p, template, 'budget')).toEqual([]);
  });

  it('reads a malformed value as unanswered when typed', () => {
    const p = plan({ goals: { kpis: 'not a list' } });
    const [first] = typedFieldsWithRole(p, template, 'kpis', 'kpis');
    expect(first?.value).toBeUndefined();
  });
});

describe('createPlan', () => {
  it('starts an empty draft with defaults, and refuses bad metadata', () => {
    const meta = plan().meta;
    const { editors: _editors, ...withoutEditors } = meta;
    expect(createPlan(withoutEditors)).toEqual({
      schemaVersion: 1,
      meta: { ...meta, editors: [] },
      sections: {},
    });
    expect(() => createPlan({ ...meta, owner: 'bob' })).toThrow();
  });
});
