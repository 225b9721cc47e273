import type { KnownBlock, ModalView } from '@slack/types';
import type { Kpi } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import { truncatePlain } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn, mrkdwnText } from '../../../render/mrkdwn.js';
import {
  CHECKIN_COMMENT_MAX,
  CONFIDENCES,
  type Confidence,
} from '../../../store/kpiValuesStore.js';
import { CallbackIds, INPUT_ACTION_ID } from '../ids.js';
import { checkinTexts } from './checkinTexts.js';
import { encodeRoundRef, type RoundRef } from './checkinValues.js';
import { kpiDeadline, kpiQuantity } from './kpiFormatting.js';

export const COMMENT_BLOCK = 'checkin_comment';
export const CONFIDENCE_BLOCK = 'checkin_confidence';
const KPI_BLOCK_PREFIX = 'kpi.';

export function kpiBlockId(kpiId: string): string {
  return `${KPI_BLOCK_PREFIX}${kpiId}`;
}

export function kpiIdOfBlock(blockId: string): string | undefined {
  return blockId.startsWith(KPI_BLOCK_PREFIX) ? blockId.slice(KPI_BLOCK_PREFIX.length) : undefined;
}

export interface ReportModalKpi {
  kpi: Kpi;
  /** The owner's previous reading, to compare against. */
  lastValue?: number;
  /** What this owner already answered in this round (a second Report edits it). */
  current?: number;
}

export interface ReportModalInput {
  ref: RoundRef;
  title: string;
  kpis: readonly ReportModalKpi[];
  comment?: string;
  confidence?: Confidence;
  locale: Locale;
}

const LABEL_MAX = 2000;
const HINT_MAX = 2000;

/** One typed number input per KPI the owner holds, then an optional comment and confidence. */
export function reportModal(input: ReportModalInput): ModalView {
  const t = checkinTexts(input.locale).modal;
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(t.intro({ title: escapeMrkdwn(input.title) })) },
  ];
  for (const item of input.kpis) blocks.push(kpiInput(item, input.locale));
  blocks.push({
    type: 'input',
    block_id: COMMENT_BLOCK,
    optional: true,
    label: { type: 'plain_text', text: t.comment },
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION_ID,
      multiline: true,
      max_length: CHECKIN_COMMENT_MAX,
      placeholder: { type: 'plain_text', text: t.commentPlaceholder },
      ...(input.comment ? { initial_value: input.comment } : {}),
    },
  });
  const options = CONFIDENCES.map((level) => ({
    text: { type: 'plain_text' as const, text: t.confidenceLabels[level] },
    value: level,
  }));
  const initial = options.find((o) => o.value === input.confidence);
  blocks.push({
    type: 'input',
    block_id: CONFIDENCE_BLOCK,
    optional: true,
    label: { type: 'plain_text', text: t.confidence },
    element: {
      type: 'static_select',
      action_id: INPUT_ACTION_ID,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  });
  return {
    type: 'modal',
    callback_id: CallbackIds.checkinReport,
    private_metadata: encodeRoundRef(input.ref),
    title: { type: 'plain_text', text: t.title },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: t.close },
    blocks,
  };
}

function kpiInput({ kpi, lastValue, current }: ReportModalKpi, locale: Locale): KnownBlock {
  const t = checkinTexts(locale).modal;
  const facts = [
    `${t.target}: ${kpiQuantity(kpi, kpi.target, locale) ?? t.none}`,
    `${t.deadline}: ${kpiDeadline(kpi, locale) ?? t.none}`,
    `${t.last}: ${kpiQuantity(kpi, lastValue, locale) ?? t.none}`,
  ];
  return {
    type: 'input',
    block_id: kpiBlockId(kpi.id),
    label: { type: 'plain_text', text: truncatePlain(kpi.name, LABEL_MAX) },
    hint: {
      type: 'plain_text',
      text: truncatePlain(`${facts.join(' · ')}. ${t.valueHint}`, HINT_MAX),
    },
    element: {
      type: 'number_input',
      action_id: INPUT_ACTION_ID,
      is_decimal_allowed: true,
      ...(current !== undefined ? { initial_value: String(current) } : {}),
    },
  };
}
