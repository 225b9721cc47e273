import type { Locale } from '../../../domain/locale.js';

/** Texts of the plan-details form (`/opsplan new`, and editing a plan's details). */
export interface PlanDetailsTexts {
  titleNew: string;
  titleEdit: string;
  submitNew: string;
  submitEdit: string;
  close: string;
  intro: string;
  planTitle: string;
  planTitlePlaceholder: string;
  template: string;
  templateHint: string;
  templateFixed: (name: string) => string;
  stage: string;
  stageHint: string;
  audience: string;
  audienceHint: string;
  periodStart: string;
  periodEnd: string;
  periodHint: string;
  channel: string;
  channelHint: string;
  language: string;
  languageHint: string;
  editors: string;
  editorsHint: string;
  choose: string;
  unknownTemplate: string;
}

const en: PlanDetailsTexts = {
  titleNew: 'New operations plan',
  titleEdit: 'Plan details',
  submitNew: 'Start',
  submitEdit: 'Save',
  close: 'Cancel',
  intro:
    'A few details first. Then OpsPlan walks you through the plan one section at a time, saving as you go.',
  planTitle: 'Plan title',
  planTitlePlaceholder: 'e.g. 2026 H1 operations plan for the shop app',
  template: 'Template',
  templateHint: 'The structure of the plan. The standard 8-section plan fits most products.',
  templateFixed: (name) => `*Template:* ${name} (it cannot change once the plan exists)`,
  stage: 'Lifecycle stage of the product',
  stageHint: 'It changes what each section asks you to emphasise.',
  audience: 'Who will read it',
  audienceHint: 'It changes the tone of the advice, not the structure.',
  periodStart: 'Plan period — from',
  periodEnd: 'Plan period — to',
  periodHint: 'KPI deadlines and phases must fall within this period.',
  channel: 'Channel to publish to',
  channelHint: 'Where the finished plan is posted. You can choose it later.',
  language: 'Language of the plan',
  languageHint: 'Questions and the finished plan use this language.',
  editors: 'Editors',
  editorsHint: 'Colleagues who may edit this plan with you. Only you can change this list.',
  choose: 'Choose…',
  unknownTemplate: 'This template is no longer available; choose another one.',
};

const zhCN: PlanDetailsTexts = {
  titleNew: '新建运营计划',
  titleEdit: '计划信息',
  submitNew: '开始填写',
  submitEdit: '保存',
  close: '取消',
  intro: '先填写几项基本信息。之后 OpsPlan 会按章节逐步引导你完成计划，每一步都会自动保存。',
  planTitle: '计划标题',
  planTitlePlaceholder: '例如：2026 上半年店铺 App 运营计划',
  template: '模板',
  templateHint: '计划的结构。标准 8 章运营计划书适用于大多数产品。',
  templateFixed: (name) => `*模板：*${name}（计划创建后不可更改）`,
  stage: '产品所处的生命周期阶段',
  stageHint: '不同阶段，各章节的填写重点不同。',
  audience: '计划的读者',
  audienceHint: '影响建议的语气，不影响结构。',
  periodStart: '计划周期（开始）',
  periodEnd: '计划周期（结束）',
  periodHint: 'KPI 截止日期和各阶段日期都需在此周期内。',
  channel: '发布到的频道',
  channelHint: '计划完成后发布到这里，也可以稍后再选。',
  language: '计划语言',
  languageHint: '问题和最终的计划书都使用这种语言。',
  editors: '协作者',
  editorsHint: '可以和你一起编辑此计划的同事。只有你可以修改这个名单。',
  choose: '请选择…',
  unknownTemplate: '该模板已不可用，请选择其他模板。',
};

export const PLAN_DETAILS_TEXTS: Record<Locale, PlanDetailsTexts> = { en, 'zh-CN': zhCN };
