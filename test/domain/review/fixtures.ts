import type { Stage } from '../../../src/domain/lifecycle.js';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { REVIEW_RULES, type ReviewRule } from '../../../src/domain/review/index.js';
import type { Template } from '../../../src/domain/template.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';

export const TODAY = '2026-03-15';

export function standardTemplate(): Template {
  const template = builtinTemplates().get('standard');
  if (!template) throw new Error('standard template missing');
  return template;
}

/** A complete plan on the standard template that every rule accepts. */
export function goodPlan(stage: Stage = 'growth'): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: '社区小店助手 2026 运营计划',
      templateId: 'standard',
      stage,
      audience: 'team',
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: 'U0OWNER1',
      language: 'zh-CN',
      timezone: 'Asia/Shanghai',
    },
    sections: {
      product: {
        description: '面向社区小店的进销存小程序。',
        targetUsers: '夫妻店店主：每天盘点耗时长。',
        competitors: '竞品 A：价格低但功能少。',
      },
      goals: {
        vision: '三年内成为华东社区小店首选经营工具。',
        shortTermGoals: '付费门店 1,000 家。',
      },
      scope: { coverage: ['whole_product'], organisation: '用户运营 2 人，内容 1 人。' },
      resources: {
        resources: [
          { id: 'r1', item: '服务器', status: 'have' },
          {
            id: 'r2',
            item: '地推人员',
            status: 'need',
            source: '兼职招聘',
            howToObtain: '2 月底前招 5 人',
          },
        ],
      },
      strategy: {
        phases: [
          {
            id: 'p1',
            name: '种子期',
            start: '2026-01-01',
            end: '2026-03-31',
            goal: '100 家',
            successCriteria: '付费 100 家',
          },
          {
            id: 'p2',
            name: '扩张期',
            start: '2026-04-01',
            end: '2026-12-31',
            goal: '1,000 家',
            successCriteria: '付费 1,000 家',
          },
        ],
        modules: [
          { id: 'm1', title: '会员', priority: 'P0', owner: 'U0A' },
          { id: 'm2', title: '地推', priority: 'P1' },
          { id: 'm3', title: '社群', priority: 'P2' },
        ],
        businessModel: '按年订阅 599 元。',
        businessModelReview: '客单价符合预期，获客成本高于预期 20%。',
        marketWatch: '每月跟踪竞品价格。',
        exitSteps: [{ id: 'x1', name: '停服公告', start: '2026-10-01', end: '2026-10-01' }],
        aftercare: '全额退还剩余订阅费。',
      },
      systems: { requirements: [{ id: 's1', title: '埋点看板', priority: 'P0' }] },
      results: {
        kpis: [
          {
            id: 'kpi-1',
            name: '付费门店',
            baseline: 120,
            target: 1000,
            unit: '家',
            direction: 'increase',
            deadline: '2026-12-31',
            owner: 'U0A',
          },
          {
            id: 'kpi-2',
            name: '投诉数',
            baseline: 40,
            target: 20,
            unit: '件/月',
            direction: 'decrease',
            deadline: '2026-06-30',
            owner: 'U0B',
          },
        ],
        nextMilestone: '3 月 31 日前付费 100 家。',
        quarterly: 'Q1 100 家，Q2 300 家，Q3 600 家，Q4 1,000 家。',
      },
      budget: {
        total: { amount: 150000.3, currency: 'CNY' },
        lines: [
          { id: 'b1', item: '地推', amount: 100000.1, currency: 'CNY', phaseId: 'p1' },
          { id: 'b2', item: '投放', amount: 50000.2, currency: 'CNY', phaseId: 'p2' },
        ],
      },
    },
  });
}

/** Returns a deep copy of `plan` with `change` applied to it. */
export function changed(plan: Plan, change: (draft: Plan) => void): Plan {
  const copy = structuredClone(plan);
  change(copy);
  return PlanSchema.parse(copy);
}

/** Reads a section's answers for editing in a test. */
export function section(plan: Plan, id: string): Record<string, unknown> {
  const values = plan.sections[id];
  if (!values) throw new Error(`no section ${id}`);
  return values as Record<string, unknown>;
}

export function findingsOf(
  rule: ReviewRule,
  plan: Plan,
  template = standardTemplate(),
  today = TODAY,
) {
  return rule.check({ plan, template, today });
}

export function ruleById(id: string): ReviewRule {
  const rule = REVIEW_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
