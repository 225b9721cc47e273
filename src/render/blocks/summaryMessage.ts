import type { KnownBlock } from '@slack/types';
import { AUDIENCE_LABELS, STAGE_LABELS } from '../../domain/lifecycle.js';
import type { Locale } from '../../domain/locale.js';
import type { Plan } from '../../domain/plan.js';
import type { Template } from '../../domain/template.js';
import { budgetTotals, formatDateRange, formatMoney } from '../formatFieldValue.js';
import { escapeMrkdwn, MRKDWN_ESCAPE_WEIGHTS } from '../mrkdwn.js';
import { fieldsByRole, type RenderedField, type RenderedSection } from '../planContent.js';
import { colon, label, listSeparator } from '../renderLabels.js';
import { formatReviewCounts, type RenderableReview } from '../reviewSummary.js';
import { splitText } from '../textChunks.js';
import {
  contextBlock,
  fieldsBlock,
  HEADER_TEXT_MAX,
  headerBlock,
  MESSAGE_BLOCKS_MAX,
  SECTION_FIELD_MAX,
  sectionBlock,
  truncatePlain,
} from './blockBuilders.js';
import {
  channelSegment,
  fieldParagraphs,
  peopleSegments,
  personSegment,
} from './fieldParagraphs.js';
import {
  bold,
  markup,
  type Paragraph,
  packParagraphs,
  paragraphLength,
  renderParagraph,
  type Segment,
  text,
} from './mrkdwnPacker.js';

/** How much of the vision and of the short-term goals the summary quotes; the thread has the rest. */
const EXCERPT_MAX = 1200;

export interface SummaryMessage {
  text: string;
  blocks: KnownBlock[];
}

type Fact = Paragraph;

function fact(name: string, value: Segment[]): Fact {
  return [bold(name), markup('\n'), ...value];
}

function facts(plan: Plan, template: Template, locale: Locale): Fact[] {
  const { meta } = plan;
  const list = [
    fact(label('stage', locale), [text(STAGE_LABELS[meta.stage][locale])]),
    fact(label('period', locale), [text(formatDateRange(meta.period, locale))]),
    fact(label('owner', locale), [personSegment(meta.owner)]),
    fact(label('audience', locale), [text(AUDIENCE_LABELS[meta.audience][locale])]),
  ];
  if (meta.editors.length > 0) {
    list.push(fact(label('editors', locale), peopleSegments(meta.editors, locale)));
  }
  if (meta.channel) list.push(fact(label('channel', locale), [channelSegment(meta.channel)]));
  list.push(fact(label('template', locale), [text(template.name[locale])]));
  return list;
}

/**
 * The facts as a two-column fields block; a fact too long for a field (2000 characters, e.g. a very long
 * editor list) is shown as ordinary section text instead, where it can be split.
 */
function factBlocks(list: readonly Fact[]): KnownBlock[] {
  const short = list.filter((f) => paragraphLength(f) <= SECTION_FIELD_MAX);
  const long = list.filter((f) => paragraphLength(f) > SECTION_FIELD_MAX);
  return [
    fieldsBlock(short.map(renderParagraph)),
    ...long.flatMap((f) => packParagraphs([f]).map(sectionBlock)),
  ];
}

/** The start of a long answer, cut at a paragraph/sentence/word boundary, marked when cut. */
function excerptParagraph(field: RenderedField, locale: Locale): Paragraph {
  if (field.value.kind !== 'text') return [];
  const pieces = splitText(field.value.text.trim(), {
    maxLength: EXCERPT_MAX,
    heavyUnits: MRKDWN_ESCAPE_WEIGHTS,
  });
  const first = (pieces[0] ?? '').trimEnd();
  const more =
    pieces.length > 1 ? [markup(` … _${escapeMrkdwn(label('fullTextInThread', locale))}_`)] : [];
  return [bold(field.label), markup('\n'), text(first), ...more];
}

function kpiOverview(sections: readonly RenderedSection[], locale: Locale): Paragraph[] {
  const kpiFields = sections.flatMap((s) => s.fields.filter((f) => f.value.kind === 'kpis'));
  if (kpiFields.length === 0) return [];
  const context = { locale, phaseNames: new Map<string, string>() };
  // Each KPI list renders as in its section, under one "KPI overview" heading.
  const rows = kpiFields.flatMap((f) => fieldParagraphs(f.label, f.value, context).slice(1));
  return [[bold(label('kpiOverview', locale))], ...rows];
}

function budgetTotal(sections: readonly RenderedSection[], locale: Locale): Paragraph[] {
  const lines = sections.flatMap((s) =>
    s.fields.flatMap((f) => (f.value.kind === 'budget_lines' ? f.value.rows : [])),
  );
  const totals = budgetTotals(lines).map((money) => formatMoney(money, locale));
  if (totals.length === 0) {
    // No itemised budget: fall back to a stated total, if the template has one.
    const stated = fieldsByRole(sections, 'budgetTotal').flatMap((f) =>
      f.value.kind === 'text' ? [f.value.text] : [],
    );
    totals.push(...stated);
  }
  if (totals.length === 0) return [];
  const shown = escapeMrkdwn(totals.join(listSeparator(locale)));
  return [[bold(label('budgetTotal', locale)), markup(`${colon(locale)}${shown}`)]];
}

export function summaryMessage(
  plan: Plan,
  template: Template,
  sections: readonly RenderedSection[],
  locale: Locale,
  review: RenderableReview | undefined,
): SummaryMessage {
  const title = plan.meta.title.trim();
  // Each group starts its own block, so the vision, goals, KPIs and totals read as separate parts.
  const groups: Paragraph[][] = [];
  if (title.length > HEADER_TEXT_MAX) groups.push([[text(title)]]);
  for (const role of ['vision', 'shortTermGoals'] as const) {
    for (const field of fieldsByRole(sections, role))
      groups.push([excerptParagraph(field, locale)]);
  }
  groups.push(kpiOverview(sections, locale));
  const totals = budgetTotal(sections, locale);
  if (review) {
    const counts = escapeMrkdwn(formatReviewCounts(review, locale));
    totals.push([bold(label('review', locale)), markup(`${colon(locale)}${counts}`)]);
  }
  groups.push(totals);

  const blocks: KnownBlock[] = [headerBlock(title), ...factBlocks(facts(plan, template, locale))];
  const body = groups.flatMap((group) => packParagraphs(group).map(sectionBlock));
  // A template could give many fields the vision role; the summary stays one message, the thread has all.
  const room = MESSAGE_BLOCKS_MAX - blocks.length - 1;
  blocks.push(...body.slice(0, room));
  blocks.push(contextBlock(escapeMrkdwn(label('fullPlanInThread', locale))));

  const stage = STAGE_LABELS[plan.meta.stage][locale];
  const period = formatDateRange(plan.meta.period, locale);
  const fallback = `${truncatePlain(title, 300)} — ${stage} · ${period}`;
  return { text: escapeMrkdwn(fallback), blocks };
}
