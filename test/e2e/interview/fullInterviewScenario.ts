import { expect } from 'vitest';
import type { Locale } from '../../../src/domain/locale.js';
import type { Plan } from '../../../src/domain/plan.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import type { DraftRecord, DraftStore } from '../../../src/store/draftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import type { E2eContext } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { UserInputs } from '../../support/slack/viewState.js';

/**
 * The complete-interview scenario, shared by `fullInterview.test.ts` (one Redis) and the
 * topology suites (`test/e2e/topologies/`, Cluster and Sentinel).
 */

type ModalDriver = ReturnType<typeof modalDriver>;

/** What a team types, per language — the stored draft must end up saying exactly this. */
export const ANSWERS = {
  en: {
    title: 'Growth plan 2027 <!channel>',
    description: 'A stock-keeping mini-app for neighbourhood shops.',
    targetUsers: 'Owners of small shops & kiosks',
    vision: 'Every neighbourhood shop runs on our app by 2030.',
    shortTermGoals: 'Reach 20,000 paying shops in 2027.',
    organisation: 'Ops lead, 3 city managers, support team',
    currency: 'USD',
    kpiNames: ['Paying shops', 'Monthly churn'],
    lastSection: '8/8 · Budget',
    firstTitle: '1/8 · Product',
  },
  'zh-CN': {
    title: '2027 年增长计划',
    description: '面向社区小店的进销存小程序。',
    targetUsers: '社区便利店、小卖部店主',
    vision: '到 2030 年，每一家社区小店都用我们的小程序经营。',
    shortTermGoals: '2027 年付费门店达到 2 万家。',
    organisation: '运营负责人 + 3 位城市经理 + 客服团队',
    currency: 'CNY',
    kpiNames: ['付费门店数', '月流失率'],
    lastSection: '8/8 · 预算',
    firstTitle: '1/8 · 产品描述',
  },
} as const;

/** One step's submission; `step` counts from 0 (the plan details) to 8 (the budget). */
export type SubmitStep = (
  modal: ModalDriver,
  values: UserInputs,
  step: number,
) => ReturnType<ModalDriver['submit']>;

/**
 * A complete interview of the standard template over signed HTTP, as a team in `locale` would
 * give it: every section, rows added and removed. `submitStep` replaces the plain submission of a
 * step (fault tests retry through an outage). Returns the stored draft and what was entered.
 */
export async function runFullInterview(
  e2e: E2eContext,
  drafts: DraftStore<Plan>,
  locale: Locale,
  submitStep: SubmitStep = (modal, values) => modal.submit(values),
) {
  const a = ANSWERS[locale];
  const actor = {
    teamId: uniqueWorkspace(),
    userId: locale === 'en' ? 'U0LEADEN001' : 'U0LEADZH001',
  };
  e2e.slack.setUser(actor.userId, {
    locale: locale === 'en' ? 'en-US' : 'zh-CN',
    tz: 'Asia/Shanghai',
  });
  const modal = modalDriver(e2e, actor);
  let step = 0;
  const submit = (values: UserInputs) => submitStep(modal, values, step++);

  await modal.command(`new ${a.title}`);
  const details = await submit({
    'd|template': 'standard',
    'd|stage': 'growth',
    'd|audience': 'investors',
    'd|start': '2027-01-01',
    'd|end': '2027-12-31',
    'd|channel': 'C0PLANS0001',
    'd|language': locale,
  });
  expect(details.status).toBe(200);
  expect((modal.view.title as { text: string }).text).toBe(a.firstTitle);

  await submit({
    'f|description': a.description,
    'f|targetUsers': a.targetUsers,
  });
  await submit({ 'f|vision': a.vision, 'f|shortTermGoals': a.shortTermGoals });

  const coverage = modal.optionValues('f|coverage').slice(0, 2);
  await submit({
    'f|coverage': coverage,
    'f|organisation': a.organisation,
    'f|leads': ['U0CITYMGR01', 'U0CITYMGR02'],
  });

  // Resources: add a row, add another, remove it again — two rows remain.
  const resourceRow = { 'f|resources|res-1|item': 'CRM seats', 'f|resources|res-1|status': 'need' };
  await modal.click(ActionIds.rowAdd, { value: 'resources', values: resourceRow });
  await modal.click(ActionIds.rowAdd, { value: 'resources' });
  expect(modal.blockIds()).toContain('f|resources|res-3|item');
  await modal.click(ActionIds.rowRemove, { value: JSON.stringify({ f: 'resources', r: 'res-3' }) });
  expect(modal.blockIds()).not.toContain('f|resources|res-3|item');
  await submit({
    'f|resources|res-1|source': 'Budget line "tools"',
    'f|resources|res-1|howToObtain': 'Buy annual plan in January',
    'f|resources|res-2|item': 'Two city managers',
    'f|resources|res-2|status': 'have',
  });

  // Strategy: two dated phases and one prioritised module.
  await modal.click(ActionIds.rowAdd, { value: 'phases' });
  await submit({
    'f|phases|phase-1|name': 'H1 land',
    'f|phases|phase-1|start': '2027-01-01',
    'f|phases|phase-1|end': '2027-06-30',
    'f|phases|phase-1|successCriteria': '10,000 paying shops',
    'f|phases|phase-2|name': 'H2 expand',
    'f|phases|phase-2|start': '2027-07-01',
    'f|phases|phase-2|end': '2027-12-31',
    'f|modules|item-1|title': 'Referral programme',
    'f|modules|item-1|priority': 'P0',
    'f|modules|item-1|owner': 'U0CITYMGR01',
  });

  await submit({
    'f|requirements|item-1|title': 'Self-serve onboarding',
    'f|requirements|item-1|priority': 'P1',
  });

  // Results: KPI rows added and one removed; the two remaining KPIs are kpi-1 and kpi-3.
  await modal.click(ActionIds.rowAdd, { value: 'kpis' });
  await modal.click(ActionIds.rowAdd, { value: 'kpis' });
  await modal.click(ActionIds.rowRemove, { value: JSON.stringify({ f: 'kpis', r: 'kpi-2' }) });
  await submit({
    'f|kpis|kpi-1|name': a.kpiNames[0],
    'f|kpis|kpi-1|baseline': '8000',
    'f|kpis|kpi-1|target': '20000',
    'f|kpis|kpi-1|unit': 'shops',
    'f|kpis|kpi-1|direction': 'increase',
    'f|kpis|kpi-1|deadline': '2027-12-31',
    'f|kpis|kpi-1|owner': 'U0CITYMGR01',
    'f|kpis|kpi-1|cadence': 'weekly',
    'f|kpis|kpi-3|name': a.kpiNames[1],
    'f|kpis|kpi-3|baseline': '4.5',
    'f|kpis|kpi-3|target': '3',
    'f|kpis|kpi-3|unit': '%',
    'f|kpis|kpi-3|direction': 'decrease',
    'f|kpis|kpi-3|deadline': '2027-09-30',
    'f|nextMilestone': '10,000 paying shops by June',
  });

  expect((modal.view.title as { text: string }).text).toBe(a.lastSection);
  await modal.click(ActionIds.rowAdd, { value: 'lines' });
  const finish = await submit({
    'f|total': '250000',
    'f|total|cur': a.currency,
    'f|lines|line-1|item': 'Referral rewards',
    'f|lines|line-1|amount': '150000',
    'f|lines|line-1|currency': a.currency,
    'f|lines|line-2|item': 'CRM seats',
    'f|lines|line-2|amount': '100000',
    'f|lines|line-2|currency': a.currency,
  });
  expect(finish.status).toBe(200);
  expect(modal.view.callback_id).toBe('opsplan.saved');

  const [summary] = await drafts.listForUser(workspaceKey(actor), actor.userId);
  const record = summary && (await drafts.get(workspaceKey(actor), summary.id));
  return { record, coverage, a, actor };
}

/** The stored draft says exactly what was entered, and every step was saved once. */
export function expectStoredExactly(
  record: DraftRecord<Plan> | null | undefined,
  locale: Locale,
  coverage: string[],
): void {
  const a = ANSWERS[locale];
  expect(record).toBeTruthy();
  if (!record) return;
  const doc = record.doc;
  expect(doc.meta).toMatchObject({
    title: a.title,
    templateId: 'standard',
    stage: 'growth',
    audience: 'investors',
    period: { start: '2027-01-01', end: '2027-12-31' },
    channel: 'C0PLANS0001',
    language: locale,
    timezone: 'Asia/Shanghai',
  });
  expect(doc.sections).toEqual({
    product: { description: a.description, targetUsers: a.targetUsers },
    goals: { vision: a.vision, shortTermGoals: a.shortTermGoals },
    scope: { coverage, organisation: a.organisation, leads: ['U0CITYMGR01', 'U0CITYMGR02'] },
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
    results: {
      kpis: [
        {
          id: 'kpi-1',
          name: a.kpiNames[0],
          baseline: 8000,
          target: 20000,
          unit: 'shops',
          direction: 'increase',
          deadline: '2027-12-31',
          owner: 'U0CITYMGR01',
          cadence: 'weekly',
        },
        {
          id: 'kpi-3',
          name: a.kpiNames[1],
          baseline: 4.5,
          target: 3,
          unit: '%',
          direction: 'decrease',
          deadline: '2027-09-30',
        },
      ],
      nextMilestone: '10,000 paying shops by June',
    },
    budget: {
      total: { amount: 250000, currency: a.currency },
      lines: [
        { id: 'line-1', item: 'Referral rewards', amount: 150000, currency: a.currency },
        { id: 'line-2', item: 'CRM seats', amount: 100000, currency: a.currency },
      ],
    },
  });
  // Every step was saved before the next appeared: 8 sections → version 9.
  expect(record.version).toBe(9);
}
