import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderPlanBlocks } from '../../src/render/planBlocks.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';
import { allTypesTemplate } from './support/fixtureTemplates.js';
import { textObjects } from './support/renderedText.js';
import { samplePlan } from './support/samplePlan.js';

const template = allTypesTemplate();

const texts = (blocks: readonly KnownBlock[]) => textObjects(blocks).map((t) => t.text);

describe('renderPlanBlocks: the summary message', () => {
  const { summary } = renderPlanBlocks(samplePlan(), template, {
    review: {
      findings: [
        {
          ruleId: 'r',
          severity: 'warning',
          sectionId: 'goals',
          fieldId: 'kpis',
          message: { 'zh-CN': '警告', en: 'warning' },
        },
      ],
    },
  });
  const shown = texts(summary.blocks);

  it('is a valid message led by the plan title', () => {
    expect(validateMessagePayload(summary)).toEqual([]);
    expect(summary.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '2026 年度运营计划' },
    });
    expect(summary.text).toBe('2026 年度运营计划 — 发展期 · 2026-01-01 – 2026-12-31');
  });

  it('shows stage, period and the owner as a mention', () => {
    expect(shown).toContain('*阶段*\n发展期');
    expect(shown).toContain('*计划周期*\n2026-01-01 – 2026-12-31');
    expect(shown).toContain('*负责人*\n<@U0123ABCD>');
    expect(shown).toContain('*频道*\n<#C0123OPS>');
  });

  it('quotes the vision and short-term goals', () => {
    expect(shown).toContain('*标签 vision*\n成为华东地区中小商家首选的收银系统。');
    expect(shown).toContain('*标签 shortTerm*\n本年度付费商家从 800 家增长到 2000 家。');
  });

  it('gives a KPI overview with baselines, targets and deadlines', () => {
    const overview = shown.find((t) => t.startsWith('*KPI 概览*'));
    expect(overview).toContain(
      '• 付费商家数 — 800 家 → 2,000 家 · 提升 · 截止日期：2026-12-31 · 跟进频率：每月 · 负责人：<@U0123ABCD>',
    );
    expect(overview).toContain('• 月流失率 — 4% → 2% · 保持不高于 · 截止日期：2026-06-30');
  });

  it('totals the budget per currency and counts the review findings', () => {
    expect(shown).toContain(
      '*预算合计*：¥500,000.50、US$5,000.00\n*评审结果*：0 错误 · 1 警告 · 0 建议',
    );
  });

  it('quotes only the start of a very long vision and points to the thread', () => {
    const plan = samplePlan('en');
    const goals = plan.sections.goals ?? {};
    const sentence = 'We will become the first choice for small merchants. ';
    goals.vision = sentence.repeat(50);
    const rendered = renderPlanBlocks(plan, template);
    const quoted = texts(rendered.summary.blocks).find((t) => t.startsWith('*Label vision*'));
    expect(quoted).toMatch(/merchants\. … _\(full text in the thread\)_$/);
    expect(quoted?.length).toBeLessThan(1400);
    const thread = rendered.sections.flatMap((m) => texts(m.blocks)).join('\n');
    expect(thread.split('first choice').length - 1).toBe(50);
  });
});

describe('renderPlanBlocks: the threaded section messages', () => {
  const { sections } = renderPlanBlocks(samplePlan(), template);

  it('posts one valid message per template section, in order, titled by the section', () => {
    expect(sections.map((m) => m.sectionId)).toEqual(template.sections.map((s) => s.id));
    for (const [index, message] of sections.entries()) {
      expect(validateMessagePayload(message)).toEqual([]);
      const title = template.sections[index]?.title['zh-CN'];
      expect(message.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: title },
      });
      expect(message.text).toBe(`2026 年度运营计划 · ${title}`);
    }
  });

  it('labels each answer and mentions people only from user fields', () => {
    const scope = texts(sections[2]?.blocks ?? []);
    expect(scope).toContain('*标签 lead*\n<@U0456EFGH>');
    expect(scope).toContain('*标签 team*\n<@U0123ABCD>、<@U0456EFGH>');
    expect(scope).toContain('*标签 room*\n<#C0999ROOM>');
    expect(scope).toContain('*标签 modules*\n选项甲、选项丙');
    const product = texts(sections[0]?.blocks ?? []);
    expect(product).toContain('*标签 details*\n第一段：我们做什么。\n\n第二段：为什么做。');
  });

  it('names the phase each budget line is spent in and totals per currency', () => {
    const budget = texts(sections[5]?.blocks ?? []).join('\n');
    expect(budget).toContain('• 广告投放 (市场)：¥300,000.00 · 阶段：试运营');
    expect(budget).toContain('*合计*：¥500,000.50、US$5,000.00');
  });

  it('marks a section nobody answered', () => {
    const plan = samplePlan();
    delete plan.sections.resources;
    const message = renderPlanBlocks(plan, template).sections.find(
      (m) => m.sectionId === 'resources',
    );
    expect(message && texts(message.blocks)).toContain('（本章节尚未填写）');
  });

  it('renders in the locale asked for', () => {
    const rendered = renderPlanBlocks(samplePlan(), template, { locale: 'en' });
    expect(texts(rendered.summary.blocks)).toContain('*Stage*\nGrowth');
    expect(rendered.sections[0]?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Section product' },
    });
  });
});

describe('renderPlanBlocks: ids the schema accepts but Slack never issues', () => {
  it('stays within limits and mentions nobody for absurdly long ids', () => {
    const plan = samplePlan();
    const long = (n: number) => `U${String(n).padStart(3, '0')}${'X'.repeat(2500)}`;
    plan.meta.owner = long(0);
    plan.meta.editors = Array.from({ length: 50 }, (_, i) => long(i + 1));
    const scope = plan.sections.scope ?? {};
    scope.team = plan.meta.editors;
    const rendered = renderPlanBlocks(plan, template);
    for (const message of [rendered.summary, ...rendered.sections]) {
      expect(validateMessagePayload(message)).toEqual([]);
      for (const shown of texts(message.blocks)) expect(shown).not.toMatch(/<@U\d{3}X/);
    }
    const all = [rendered.summary, ...rendered.sections].flatMap((m) => texts(m.blocks)).join('');
    expect(all).toContain(long(50));
  });
});
