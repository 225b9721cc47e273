import type { ActionsBlock, Button, KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import { findSection, MODAL_TITLE_MAX, type Template } from '../../../domain/template.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { ActionIds, CallbackIds } from '../ids.js';
import { SectionBlockIds } from './blockIds.js';
import { clip, contextBlock, mrkdwnSection, plain } from './blockParts.js';
import { savedScalarInputs, scalarFieldBlocks } from './fieldInputs.js';
import { listFieldBlocks, savedRowInputs } from './listFieldBlocks.js';
import { defaultCurrency, isListField, planPhases, savedRowIds } from './planContext.js';
import { layoutSection, sectionProgress } from './sectionLayout.js';
import { encodeSectionMetadata, initialSectionRows } from './sectionMetadata.js';
import { SECTION_TEXTS } from './sectionTexts.js';
import { type InputValue, prefillInputs } from './viewStateValues.js';

export interface SectionNotice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface BuildSectionModalArgs {
  template: Template;
  plan: Plan;
  sectionId: string;
  /** The language of the surrounding chrome; field texts follow the plan's language. */
  locale: Locale;
  /** The draft version this step edits (compare-and-set on save). */
  version: number;
  planId: string;
  /** The current rows of each list (after Add / Remove); default: the saved rows. */
  rows?: Record<string, string[]>;
  /** Typed input to show instead of the saved values (see `stateToPrefill`). */
  values?: Record<string, unknown>;
  /** Shown above the fields; plain text from the caller, escaped here. */
  notice?: SectionNotice;
}

const NOTICE_ICON = { info: ':information_source:', warning: ':warning:', error: ':x:' } as const;

/** The modal title "3/8 · 运营资源", clipped as a last resort (templates are checked to fit). */
export function sectionModalTitle(template: Template, plan: Plan, sectionId: string): string {
  const section = findSection(template, sectionId);
  const progress = sectionProgress(template, plan.meta.stage, sectionId);
  const short = section?.titleShort[plan.meta.language] ?? sectionId;
  return clip(`${progress.index}/${progress.total} · ${short}`, MODAL_TITLE_MAX);
}

/** One interview step: every field the plan's stage asks in this section, pre-filled. */
export function buildSectionModal(args: BuildSectionModalArgs): ModalView {
  const { template, plan, sectionId } = args;
  const section = findSection(template, sectionId);
  if (!section) throw new Error(`template "${template.id}" has no section "${sectionId}"`);
  const language = plan.meta.language;
  const texts = SECTION_TEXTS[args.locale];
  const rows = args.rows ?? initialSectionRows(template, plan, sectionId);
  const layout = layoutSection(template, plan, sectionId, rows);
  const progress = sectionProgress(template, plan.meta.stage, sectionId);
  const saved = plan.sections[sectionId] ?? {};

  const inputs: Record<string, InputValue> = {};
  for (const field of layout.fields) {
    Object.assign(
      inputs,
      isListField(field)
        ? savedRowInputs(field.id, saved[field.id])
        : savedScalarInputs(field, saved[field.id]),
    );
  }
  Object.assign(inputs, prefillInputs(args.values));

  const intro = section.intro?.[language];
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      SectionBlockIds.intro,
      `*${escapeMrkdwn(section.title[language])}*${intro ? `\n${escapeMrkdwn(intro)}` : ''}`,
    ),
  ];
  const guidance = section.guidance[plan.meta.stage]?.[language];
  if (guidance)
    blocks.push(contextBlock(SectionBlockIds.guidance, `:bulb: ${escapeMrkdwn(guidance)}`));
  if (args.notice) {
    blocks.push(
      mrkdwnSection(
        SectionBlockIds.notice,
        `${NOTICE_ICON[args.notice.kind]} ${escapeMrkdwn(args.notice.text)}`,
      ),
    );
  }
  const currency = defaultCurrency(language);
  const phases = planPhases(plan, template);
  const listCount = layout.lists.size;
  for (const field of layout.fields) {
    const list = layout.lists.get(field.id);
    if (!list) {
      blocks.push(...scalarFieldBlocks(field, language, inputs, currency));
      continue;
    }
    const savedIds = new Set(savedRowIds(plan, sectionId, field.id));
    blocks.push(
      ...listFieldBlocks(
        list,
        { locale: language, inputs, currency, phases, savedIds, sharedSpace: listCount > 1 },
        layout.planHasPhases,
      ),
    );
  }
  blocks.push(footer(args.locale, progress.previousId !== undefined));

  const metadataRows = Object.fromEntries([...layout.lists].map(([id, l]) => [id, l.rowIds]));
  return {
    type: 'modal',
    callback_id: CallbackIds.section,
    notify_on_close: true,
    title: plain(sectionModalTitle(template, plan, sectionId), MODAL_TITLE_MAX),
    submit: plain(progress.nextId ? texts.saveNext : texts.saveFinish, 24),
    close: plain(texts.close, 24),
    private_metadata: encodeSectionMetadata({
      p: args.planId,
      s: sectionId,
      v: args.version,
      r: metadataRows,
    }),
    blocks,
  };
}

function footer(locale: Locale, hasPrevious: boolean): ActionsBlock {
  const texts = SECTION_TEXTS[locale];
  const back: Button = {
    type: 'button',
    action_id: ActionIds.sectionBack,
    text: plain(texts.back, 75),
  };
  const saveClose: Button = {
    type: 'button',
    action_id: ActionIds.sectionSaveClose,
    text: plain(texts.saveClose, 75),
  };
  return {
    type: 'actions',
    block_id: SectionBlockIds.footer,
    elements: hasPrevious ? [back, saveClose] : [saveClose],
  };
}
