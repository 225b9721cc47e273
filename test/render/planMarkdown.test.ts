import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';
import { allTypesTemplate } from './support/fixtureTemplates.js';
import { samplePlan } from './support/samplePlan.js';

const template = allTypesTemplate();

function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  expect(start).toBeGreaterThan(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('renderPlanMarkdown', () => {
  it('opens with the title and the metadata in the plan language, ids as plain text', () => {
    const markdown = renderPlanMarkdown(samplePlan(), template);
    expect(markdown.startsWith('# 2026 年度运营计划\n\n')).toBe(true);
    expect(markdown).toContain('- **阶段**：发展期');
    expect(markdown).toContain('- **读者**：投资人');
    expect(markdown).toContain('- **计划周期**：2026-01-01 – 2026-12-31');
    expect(markdown).toContain('- **负责人**：@U0123ABCD');
    expect(markdown).toContain('- **编辑**：@U0456EFGH、@W0789IJKL');
    expect(markdown).toContain('- **频道**：#C0123OPS');
    expect(markdown).not.toMatch(/<@|<#|<!/);
  });

  it('shows every section with its field labels and formatted values', () => {
    const markdown = renderPlanMarkdown(samplePlan(), template);
    for (const section of template.sections)
      expect(markdown).toContain(`## ${section.title['zh-CN']}`);
    expect(markdown).toContain('### 标签 summary\n\n面向中小商家的 SaaS 收银系统。');
    expect(markdown).toContain('第一段：我们做什么。\n\n第二段：为什么做。');
    expect(markdown).toContain('### 标签 users\n\n12,000');
    expect(markdown).toContain('### 标签 price\n\n¥1,200,000.00');
    expect(markdown).toContain('### 标签 share\n\n12.5%');
    expect(markdown).toContain('### 标签 modules\n\n选项甲、选项丙');
    expect(markdown).toContain('### 标签 lead\n\n@U0456EFGH');
    expect(markdown).toContain('### 标签 room\n\n#C0999ROOM');
    expect(markdown).toContain('### 标签 window\n\n2026-03-01 – 2026-05-31');
  });

  it('renders KPIs as a table with baseline, target, unit, direction, deadline and owner', () => {
    const rows = tableAfter(renderPlanMarkdown(samplePlan(), template), '标签 kpis');
    expect(rows[0]).toBe('| 名称 | 基线 | 目标 | 单位 | 方向 | 截止日期 | 负责人 | 跟进频率 |');
    expect(rows[2]).toBe(
      '| 付费商家数 | 800 | 2,000 | 家 | 提升 | 2026-12-31 | @U0123ABCD | 每月 |',
    );
    expect(rows[3]).toBe('| 月流失率 | 4 | 2 | % | 保持不高于 | 2026-06-30 |  |  |');
  });

  it('totals the budget per currency and names each line’s phase', () => {
    const rows = tableAfter(renderPlanMarkdown(samplePlan(), template), '标签 lines');
    expect(rows).toContain('| 广告投放 | 市场 | ¥300,000.00 | 试运营 |');
    expect(rows).toContain('| 展会 |  | ¥200,000.50 |  |');
    expect(rows).toContain('| **合计** |  | **¥500,000.50** |  |');
    expect(rows).toContain('| **合计** |  | **US$5,000.00** |  |');
  });

  it('renders phases, resources and prioritised items as tables', () => {
    const markdown = renderPlanMarkdown(samplePlan(), template);
    expect(tableAfter(markdown, '标签 phases')).toContain(
      '| 试运营 | 2026-01-01 | 2026-03-31 | 跑通付费流程 | 100 家付费 |',
    );
    expect(tableAfter(markdown, '标签 list')).toContain('| 销售团队 | 待获取 | 招聘 | 猎头 |');
    expect(markdown).toContain('| P0 | 会员积分 | @U0456EFGH |  |');
  });

  it('renders in English when asked, with English dates and labels', () => {
    const markdown = renderPlanMarkdown(samplePlan('en'), template);
    expect(markdown).toContain('- **Stage**: Growth');
    expect(markdown).toContain('- **Plan period**: Jan 1, 2026 – Dec 31, 2026');
    expect(markdown).toContain('### Label price\n\nCN¥1,200,000.00');
    expect(markdown).toContain('## Section goals');
  });

  it('marks a section nobody answered instead of leaving it blank', () => {
    const plan = samplePlan();
    delete plan.sections.resources;
    expect(renderPlanMarkdown(plan, template)).toContain(
      '## 章节 resources\n\n_（本章节尚未填写）_',
    );
  });

  it('adds the review summary and each finding where it points', () => {
    const review = {
      findings: [
        {
          ruleId: 'kpi-owner',
          severity: 'warning' as const,
          sectionId: 'goals',
          fieldId: 'kpis',
          message: { 'zh-CN': 'KPI 缺少负责人', en: 'a KPI has no owner' },
        },
        {
          ruleId: 'vision',
          severity: 'error' as const,
          sectionId: 'goals',
          fieldId: 'vision',
          message: { 'zh-CN': '缺少愿景', en: 'no vision' },
        },
      ],
    };
    const markdown = renderPlanMarkdown(samplePlan(), template, { review });
    expect(markdown).toContain('## 评审结果\n\n1 错误 · 1 警告 · 0 建议');
    // Errors first, each with where it points.
    expect(markdown).toContain(
      '- ⛔ 缺少愿景 (章节 goals › 标签 vision)\n- ⚠️ KPI 缺少负责人 (章节 goals › 标签 kpis)',
    );
  });
});
