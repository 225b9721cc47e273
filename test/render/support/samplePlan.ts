import { type Plan, PlanSchema } from '../../../src/domain/plan.js';

/** A small, hand-written plan for `allTypesTemplate`, for exact expectations. */
export function samplePlan(language: 'zh-CN' | 'en' = 'zh-CN'): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: '2026 年度运营计划',
      templateId: 'all-types',
      stage: 'growth',
      audience: 'investors',
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: 'U0123ABCD',
      editors: ['U0456EFGH', 'W0789IJKL'],
      channel: 'C0123OPS',
      language,
      timezone: 'Asia/Shanghai',
    },
    sections: {
      product: {
        summary: '面向中小商家的 SaaS 收银系统。',
        details: '第一段：我们做什么。\n\n第二段：为什么做。',
        users: 12000,
        price: { amount: 1200000, currency: 'CNY' },
        share: 12.5,
      },
      goals: {
        vision: '成为华东地区中小商家首选的收银系统。',
        shortTerm: '本年度付费商家从 800 家增长到 2000 家。',
        kpis: [
          {
            id: 'kpi-1',
            name: '付费商家数',
            baseline: 800,
            target: 2000,
            unit: '家',
            direction: 'increase',
            deadline: '2026-12-31',
            owner: 'U0123ABCD',
            cadence: 'monthly',
          },
          {
            id: 'kpi-2',
            name: '月流失率',
            baseline: 4,
            target: 2,
            unit: '%',
            direction: 'stay_below',
            deadline: '2026-06-30',
          },
        ],
      },
      scope: {
        area: 'a',
        modules: ['a', 'c'],
        lead: 'U0456EFGH',
        team: ['U0123ABCD', 'U0456EFGH'],
        room: 'C0999ROOM',
        launch: '2026-03-01',
        window: { start: '2026-03-01', end: '2026-05-31' },
      },
      strategy: {
        phases: [
          {
            id: 'phase-1',
            name: '试运营',
            start: '2026-01-01',
            end: '2026-03-31',
            goal: '跑通付费流程',
            successCriteria: '100 家付费',
          },
        ],
        modules: [{ id: 'item-1', title: '会员积分', priority: 'P0', owner: 'U0456EFGH' }],
      },
      resources: {
        list: [
          { id: 'res-1', item: '销售团队', status: 'need', source: '招聘', howToObtain: '猎头' },
        ],
      },
      budget: {
        lines: [
          {
            id: 'line-1',
            item: '广告投放',
            category: '市场',
            amount: 300000,
            currency: 'CNY',
            phaseId: 'phase-1',
          },
          { id: 'line-2', item: '展会', amount: 200000.5, currency: 'CNY' },
          { id: 'line-3', item: 'Cloud', amount: 5000, currency: 'USD' },
        ],
      },
    },
  });
}
