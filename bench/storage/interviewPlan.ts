import { type Plan, PlanSchema } from '../../src/domain/plan.js';

/**
 * A plan of the size teams actually write: the answers of the end-to-end interview
 * (test/e2e/interview/fullInterviewScenario.ts), 10 KPIs instead of 2 so it matches the check-ins.
 * Built here because that scenario file imports vitest and cannot run outside it.
 */
export function interviewPlan(seed: number): Plan {
  const kpis = Array.from({ length: 10 }, (_, i) => ({
    id: `kpi-${i + 1}`,
    name: `Paying shops ${i + 1}`,
    baseline: 8000 + i,
    target: 20000 + i,
    unit: 'shops',
    direction: 'increase' as const,
    deadline: '2027-12-31',
    owner: 'U0CITYMGR01',
    cadence: 'weekly' as const,
  }));
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: `Growth plan 2027 #${seed}`,
      templateId: 'standard',
      stage: 'growth',
      audience: 'investors',
      period: { start: '2027-01-01', end: '2027-12-31' },
      owner: 'U0LEADEN001',
      editors: [],
      channel: 'C0PLANS0001',
      language: 'en',
      timezone: 'Asia/Shanghai',
    },
    sections: {
      product: {
        description: 'A stock-keeping mini-app for neighbourhood shops.',
        targetUsers: 'Owners of small shops & kiosks',
      },
      goals: {
        vision: 'Every neighbourhood shop runs on our app by 2030.',
        shortTermGoals: 'Reach 20,000 paying shops in 2027.',
      },
      scope: {
        organisation: 'Ops lead, 3 city managers, support team',
        leads: ['U0CITYMGR01', 'U0CITYMGR02'],
      },
      resources: {
        resources: [
          {
            id: 'res-1',
            item: 'CRM seats',
            status: 'need',
            source: 'Budget line "tools"',
            howToObtain: 'Buy annual plan in January',
          },
          { id: 'res-2', item: 'Two city managers', status: 'have' },
        ],
      },
      strategy: {
        phases: [
          {
            id: 'phase-1',
            name: 'H1 land',
            start: '2027-01-01',
            end: '2027-06-30',
            successCriteria: '10,000 paying shops',
          },
          { id: 'phase-2', name: 'H2 expand', start: '2027-07-01', end: '2027-12-31' },
        ],
        modules: [
          { id: 'item-1', title: 'Referral programme', priority: 'P0', owner: 'U0CITYMGR01' },
        ],
      },
      systems: { requirements: [{ id: 'item-1', title: 'Self-serve onboarding', priority: 'P1' }] },
      results: { kpis, nextMilestone: '10,000 paying shops by June' },
      budget: {
        total: { amount: 250000, currency: 'USD' },
        lines: [
          { id: 'line-1', item: 'Referral rewards', amount: 150000, currency: 'USD' },
          { id: 'line-2', item: 'CRM seats', amount: 100000, currency: 'USD' },
        ],
      },
    },
  });
}
