import { describe, expect, it } from 'vitest';
import {
  charCount,
  fieldsForStage,
  sectionProgressTitle,
  type TemplateInput,
  TemplateSchema,
} from '../../src/domain/template.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function minimalTemplate(): TemplateInput {
  return {
    id: 'mini',
    version: 1,
    name: t('迷你', 'Mini'),
    description: t('测试模板', 'A test template'),
    sections: [
      {
        id: 'goals',
        title: t('运营目标', 'Operations goals'),
        titleShort: t('运营目标', 'Goals'),
        guidance: { startup: t('定大目标', 'Set big goals') },
        fields: [
          { id: 'vision', type: 'long_text', label: t('愿景', 'Vision'), role: 'vision' },
          { id: 'kpis', type: 'kpis', label: t('KPI', 'KPIs'), role: 'kpis', required: true },
          {
            id: 'channel',
            type: 'single_select',
            label: t('渠道', 'Channel'),
            options: [{ value: 'online', label: t('线上', 'Online') }],
          },
        ],
      },
    ],
  };
}

function issuesOf(input: unknown): string[] {
  const result = TemplateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('TemplateSchema', () => {
  it('accepts a minimal template and defaults required to false', () => {
    const parsed = TemplateSchema.parse(minimalTemplate());
    expect(parsed.sections[0]?.fields[0]?.required).toBe(false);
    expect(parsed.sections[0]?.fields[1]?.required).toBe(true);
  });

  it('refuses a short title that would overflow the 24-character modal title', () => {
    const tpl = minimalTemplate();
    const section = tpl.sections[0];
    if (!section) throw new Error('fixture');
    section.titleShort = t('运营目标', 'Operations goals & KPIs');
    expect(issuesOf(tpl)).toEqual(['sections.0.titleShort.en: longer than 18 characters']);
  });

  it('counts Chinese characters as one each', () => {
    expect(charCount('运营资源')).toBe(4);
    const tpl = minimalTemplate();
    const section = tpl.sections[0];
    if (!section) throw new Error('fixture');
    section.titleShort = t('一二三四五六七八九十一二三四五六七八', 'Goals');
    expect(issuesOf(tpl)).toEqual([]);
  });

  it('requires every text in both languages', () => {
    const tpl = minimalTemplate() as { name: unknown };
    tpl.name = { 'zh-CN': '迷你' };
    expect(issuesOf(tpl)).toEqual([expect.stringMatching(/^name\.en: /)]);
    tpl.name = t('迷你', '  ');
    expect(issuesOf(tpl)).toEqual(['name.en: must not be empty']);
  });

  it('enforces Slack input limits on placeholder, hint and label', () => {
    const tpl = minimalTemplate();
    const field = tpl.sections[0]?.fields[0];
    if (!field) throw new Error('fixture');
    field.placeholder = t('占'.repeat(151), 'ok');
    field.hint = t('ok', 'h'.repeat(2001));
    field.label = t('l'.repeat(2001), 'ok');
    expect(issuesOf(tpl)).toEqual([
      'sections.0.fields.0.label.zh-CN: longer than 2000 characters',
      'sections.0.fields.0.hint.en: longer than 2000 characters',
      'sections.0.fields.0.placeholder.zh-CN: longer than 150 characters',
    ]);
  });

  it('requires options on selects only, with unique values', () => {
    const tpl = minimalTemplate();
    const fields = tpl.sections[0]?.fields;
    if (!fields?.[0] || !fields[2]) throw new Error('fixture');
    fields[0].options = [{ value: 'x', label: t('x', 'x') }];
    fields[2].options = [
      { value: 'a', label: t('甲', 'A') },
      { value: 'a', label: t('乙', 'B') },
    ];
    expect(issuesOf(tpl)).toEqual([
      'sections.0.fields.0.options: long_text takes no options',
      'sections.0.fields.2.options: two options share a value',
    ]);
    delete fields[0].options;
    delete fields[2].options;
    expect(issuesOf(tpl)).toEqual(['sections.0.fields.2.options: single_select needs options']);
  });

  it('refuses a role on a field of the wrong type', () => {
    const tpl = minimalTemplate();
    const field = tpl.sections[0]?.fields[1];
    if (!field) throw new Error('fixture');
    field.type = 'long_text';
    expect(issuesOf(tpl)).toEqual([
      'sections.0.fields.1.role: role kpis needs a field of type kpis, not long_text',
    ]);
  });

  it('refuses unknown roles, types and keys', () => {
    const tpl = minimalTemplate() as unknown as {
      sections: { fields: Record<string, unknown>[] }[];
    };
    const field = tpl.sections[0]?.fields[0];
    if (!field) throw new Error('fixture');
    field.role = 'visionary';
    field.type = 'rich_text';
    field.lable = 'typo';
    expect(issuesOf(tpl)).toHaveLength(3);
  });

  it('refuses duplicate section and field ids', () => {
    const tpl = minimalTemplate();
    const section = tpl.sections[0];
    if (!section?.fields[0]) throw new Error('fixture');
    section.fields.push({ ...section.fields[0] });
    tpl.sections.push({ ...section, fields: [section.fields[0]] });
    expect(issuesOf(tpl)).toEqual([
      'sections.0.fields.3.id: duplicate field id "vision"',
      'sections.1.id: duplicate section id "goals"',
    ]);
  });

  it('refuses guidance for an unknown stage', () => {
    const tpl = minimalTemplate();
    const section = tpl.sections[0] as { guidance: Record<string, unknown> };
    section.guidance.renewal = t('续', 'Renew');
    expect(issuesOf(tpl)).toHaveLength(1);
  });

  it('keeps the progress-prefixed modal title within 24 characters when there are 10+ sections', () => {
    const tpl = minimalTemplate();
    const first = tpl.sections[0];
    if (!first) throw new Error('fixture');
    first.titleShort = t('目标', 'Goals and KPIs 123'); // 18 characters: fine with "1/9 · "
    const sections = Array.from({ length: 10 }, (_, i) => ({ ...first, id: `s${i}` }));
    expect(issuesOf({ ...tpl, sections: sections.slice(0, 9) })).toEqual([]);
    expect(issuesOf({ ...tpl, sections })).toContain(
      'sections.9.titleShort.en: modal title "10/10 · Goals and KPIs 123" is longer than 24 characters',
    );
  });

  it('builds the progress title and lists the fields asked for a stage', () => {
    const tpl = minimalTemplate();
    const field = tpl.sections[0]?.fields[0];
    if (!field) throw new Error('fixture');
    field.stages = ['decline'];
    const parsed = TemplateSchema.parse(tpl);
    expect(sectionProgressTitle(parsed, 0, 'zh-CN')).toBe('1/1 · 运营目标');
    const section = parsed.sections[0];
    if (!section) throw new Error('fixture');
    expect(fieldsForStage(section, 'growth').map((f) => f.id)).toEqual(['kpis', 'channel']);
    expect(fieldsForStage(section, 'decline').map((f) => f.id)).toEqual([
      'vision',
      'kpis',
      'channel',
    ]);
  });
});
