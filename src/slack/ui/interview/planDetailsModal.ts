import type { KnownBlock, ModalView } from '@slack/types';
import { AUDIENCE_LABELS, AUDIENCES, STAGE_LABELS, STAGES } from '../../../domain/lifecycle.js';
import type { Locale } from '../../../domain/locale.js';
import { PLAN_TITLE_MAX, type PlanMeta } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { CallbackIds } from '../ids.js';
import { contextBlock, mrkdwnSection, option, plain } from './blockParts.js';
import {
  channelElement,
  dateElement,
  inputBlock,
  selectElement,
  textElement,
  usersElement,
} from './inputElements.js';
import { PLAN_DETAILS_TEXTS } from './planDetailsTexts.js';

/** Block ids of the plan-details form; parse errors are keyed by these. */
export const PlanDetailsBlockIds = {
  notice: 'd|notice',
  intro: 'd|intro',
  title: 'd|title',
  template: 'd|template',
  stage: 'd|stage',
  audience: 'd|audience',
  periodStart: 'd|start',
  periodEnd: 'd|end',
  channel: 'd|channel',
  language: 'd|language',
  editors: 'd|editors',
} as const;

export type PlanDetailsMode = 'new' | 'edit';

export interface BuildPlanDetailsArgs {
  locale: Locale;
  templates: readonly Template[];
  initial?: Partial<PlanMeta> & { templateId?: string };
  mode: PlanDetailsMode;
  planId?: string;
  /** Only the owner sees the editors picker. */
  canManageEditors: boolean;
  /** Shown on top, e.g. why the form came back; plain text, escaped here. */
  notice?: string;
}

/** Each language named in itself, so a reader finds their own. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文（简体）', en: 'English' };

/** private_metadata of the form: the mode and, when editing, which plan. Nothing about who. */
export function encodePlanDetailsMetadata(mode: PlanDetailsMode, planId?: string): string {
  return JSON.stringify(planId ? { m: mode, p: planId } : { m: mode });
}

export function buildPlanDetailsModal(args: BuildPlanDetailsArgs): ModalView {
  const { locale, initial = {}, mode } = args;
  const t = PLAN_DETAILS_TEXTS[locale];
  const ids = PlanDetailsBlockIds;
  const blocks: KnownBlock[] = [];
  if (args.notice) blocks.push(mrkdwnSection(ids.notice, `:warning: ${escapeMrkdwn(args.notice)}`));
  if (mode === 'new') blocks.push(contextBlock(ids.intro, t.intro));
  blocks.push(
    inputBlock(
      ids.title,
      t.planTitle,
      textElement(initial.title, { max: PLAN_TITLE_MAX, placeholder: t.planTitlePlaceholder }),
      { optional: false },
    ),
  );
  const templateOptions = args.templates.map((tpl) => option(tpl.id, tpl.name[locale]));
  if (mode === 'new') {
    const chosen = initial.templateId ?? args.templates.find((tpl) => tpl.id === 'standard')?.id;
    blocks.push(
      inputBlock(ids.template, t.template, selectElement(templateOptions, chosen, t.choose), {
        optional: false,
        hint: t.templateHint,
      }),
    );
  } else {
    const current = args.templates.find((tpl) => tpl.id === initial.templateId);
    const name = current?.name[locale] ?? initial.templateId ?? '–';
    blocks.push(contextBlock(ids.template, t.templateFixed(escapeMrkdwn(name))));
  }
  const stageOptions = STAGES.map((s) => option(s, STAGE_LABELS[s][locale]));
  const audienceOptions = AUDIENCES.map((a) => option(a, AUDIENCE_LABELS[a][locale]));
  const languageOptions = (['zh-CN', 'en'] as const).map((l) => option(l, LANGUAGE_NAMES[l]));
  blocks.push(
    inputBlock(ids.stage, t.stage, selectElement(stageOptions, initial.stage, t.choose), {
      optional: false,
      hint: t.stageHint,
    }),
    inputBlock(
      ids.audience,
      t.audience,
      selectElement(audienceOptions, initial.audience, t.choose),
      {
        optional: false,
        hint: t.audienceHint,
      },
    ),
    inputBlock(ids.periodStart, t.periodStart, dateElement(initial.period?.start), {
      optional: false,
    }),
    inputBlock(ids.periodEnd, t.periodEnd, dateElement(initial.period?.end), {
      optional: false,
      hint: t.periodHint,
    }),
    inputBlock(ids.channel, t.channel, channelElement(initial.channel), {
      optional: true,
      hint: t.channelHint,
    }),
    inputBlock(
      ids.language,
      t.language,
      selectElement(languageOptions, initial.language ?? locale),
      { optional: false, hint: t.languageHint },
    ),
  );
  if (args.canManageEditors) {
    blocks.push(
      inputBlock(ids.editors, t.editors, usersElement(initial.editors ?? []), {
        optional: true,
        hint: t.editorsHint,
      }),
    );
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.planDetails,
    title: plain(mode === 'new' ? t.titleNew : t.titleEdit, 24),
    submit: plain(mode === 'new' ? t.submitNew : t.submitEdit, 24),
    close: plain(t.close, 24),
    private_metadata: encodePlanDetailsMetadata(mode, args.planId),
    blocks,
  };
}
