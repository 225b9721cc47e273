import type { Template } from '../../../../../src/domain/template.js';
import { allTypesTemplate } from '../../../../render/support/fixtureTemplates.js';
import type { UserInputs } from '../../../../support/slack/viewState.js';
import { templateById } from './interviewFixtures.js';

const allTypes = allTypesTemplate();
const standard = templateById('standard');

/** Each case: the step, what the user typed, the block the error must be on, and its text per language. */
export const ERROR_CASES: Array<{
  name: string;
  template: Template;
  sectionId: string;
  inputs: UserInputs;
  block: string;
  en: RegExp;
  zh: RegExp;
}> = [
  {
    name: 'a required field left empty',
    template: standard,
    sectionId: 'product',
    inputs: { 'f|description': '   ', 'f|targetUsers': 'Shop owners' },
    block: 'f|description',
    en: /required/,
    zh: /必填/,
  },
  {
    name: 'a number that is not a number',
    template: allTypes,
    sectionId: 'product',
    inputs: { 'f|users': 'twelve' },
    block: 'f|users',
    en: /Enter a number/,
    zh: /请输入数字/,
  },
  {
    name: 'a KPI target that is not a number',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|name': 'Paying shops', 'f|kpis|kpi-1|target': '2k' },
    block: 'f|kpis|kpi-1|target',
    en: /Enter a number/,
    zh: /请输入数字/,
  },
  {
    name: 'a KPI with a target but no name',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|target': '2000' },
    block: 'f|kpis|kpi-1|name',
    en: /Fill in “KPI name”/,
    zh: /「KPI 名称」/,
  },
  {
    name: 'a KPI deadline outside the plan period',
    template: allTypes,
    sectionId: 'goals',
    inputs: { 'f|kpis|kpi-1|name': 'Paying shops', 'f|kpis|kpi-1|deadline': '2027-03-01' },
    block: 'f|kpis|kpi-1|deadline',
    en: /outside the plan period \(Jan 1, 2026 to Dec 31, 2026\)/,
    zh: /不在计划周期内（2026-01-01 至 2026-12-31）/,
  },
  {
    name: 'a phase that ends before it starts',
    template: allTypes,
    sectionId: 'strategy',
    inputs: {
      'f|phases|phase-1|name': 'Pilot',
      'f|phases|phase-1|start': '2026-05-01',
      'f|phases|phase-1|end': '2026-04-01',
    },
    block: 'f|phases|phase-1|end',
    en: /end date is before the start date/,
    zh: /结束日期早于开始日期/,
  },
  {
    name: 'a phase starting before the plan period',
    template: allTypes,
    sectionId: 'strategy',
    inputs: { 'f|phases|phase-1|name': 'Pilot', 'f|phases|phase-1|start': '2025-12-01' },
    block: 'f|phases|phase-1|start',
    en: /outside the plan period/,
    zh: /不在计划周期内/,
  },
  {
    name: 'a negative budget amount',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|lines|line-1|item': 'Ads', 'f|lines|line-1|amount': '-5' },
    block: 'f|lines|line-1|amount',
    en: /cannot be negative/,
    zh: /不能为负数/,
  },
  {
    name: 'a budget line without an amount',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|lines|line-1|item': 'Ads' },
    block: 'f|lines|line-1|amount',
    en: /Fill in “Amount”/,
    zh: /「金额」/,
  },
  {
    name: 'an amount without a currency',
    template: allTypes,
    sectionId: 'budget',
    inputs: { 'f|total': '100', 'f|total|cur': { selected_option: null } },
    block: 'f|total|cur',
    en: /Pick a currency/,
    zh: /选择币种/,
  },
  {
    name: 'a date range with only a start',
    template: allTypes,
    sectionId: 'scope',
    inputs: { 'f|window': '2026-03-01' },
    block: 'f|window|end',
    en: /both the start and the end/,
    zh: /同时选择开始日期和结束日期/,
  },
  {
    name: 'a date range that ends before it starts',
    template: allTypes,
    sectionId: 'scope',
    inputs: { 'f|window': '2026-03-01', 'f|window|end': '2026-02-01' },
    block: 'f|window|end',
    en: /before the start date/,
    zh: /早于开始日期/,
  },
  {
    name: 'a required list with only blank rows',
    template: standard,
    sectionId: 'results',
    inputs: { 'f|nextMilestone': 'Beta in March' },
    block: 'f|kpis|kpi-1|name',
    en: /Add at least one row here — this step needs KPIs/,
    zh: /请至少填写一行——本步骤需要填写 KPI/,
  },
  {
    name: 'a text longer than its column allows (replayed past Slack’s own limit)',
    template: allTypes,
    sectionId: 'resources',
    inputs: { 'f|list|res-1|item': 'x'.repeat(151) },
    block: 'f|list|res-1|item',
    en: /150 characters or fewer/,
    zh: /150 个字符以内/,
  },
];
