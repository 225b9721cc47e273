import type { BudgetLine, Kpi, Phase, PrioritisedItem, Resource } from '../../domain/fieldTypes.js';
import type { Locale } from '../../domain/locale.js';
import {
  budgetTotals,
  type FormattedValue,
  formatCadence,
  formatDate,
  formatDirection,
  formatMoney,
  formatQuantity,
  formatResourceStatus,
} from '../formatFieldValue.js';
import { escapeMrkdwn, isSlackChannelId, isSlackUserId } from '../mrkdwn.js';
import { colon, label, listSeparator, type RenderLabel } from '../renderLabels.js';
import { bold, markup, type Paragraph, type Segment, text } from './mrkdwnPacker.js';

export interface FieldRenderContext {
  locale: Locale;
  /** Phase names by id, so a budget line shows the phase it is spent in. */
  phaseNames: ReadonlyMap<string, string>;
}

/** `label: value` in our own words, escaped: a fixed label and a value we formatted. */
function detail(key: RenderLabel, value: string, locale: Locale): Segment {
  return markup(`${escapeMrkdwn(label(key, locale))}${colon(locale)}${value}`);
}

const SEP = markup(' · ');

/** A mention for a validated user id; anything else is plain escaped text (splittable, pings nobody). */
export function personSegment(id: string): Segment {
  return isSlackUserId(id) ? markup(`<@${id}>`) : text(id);
}

export function channelSegment(id: string): Segment {
  return isSlackChannelId(id) ? markup(`<#${id}>`) : text(id);
}

export function peopleSegments(ids: readonly string[], locale: Locale): Segment[] {
  return ids.flatMap((id, index) =>
    index === 0 ? [personSegment(id)] : [markup(listSeparator(locale)), personSegment(id)],
  );
}
const BULLET = markup('• ');

function kpiParagraph(kpi: Kpi, locale: Locale): Paragraph {
  const unit = kpi.unit ?? '';
  const parts: Segment[] = [BULLET, text(kpi.name.trim()), markup(' — ')];
  // Numbers and dates are ours; the unit is user text and is escaped with them.
  const baseline = kpi.baseline === undefined ? '—' : formatQuantity(kpi.baseline, unit, locale);
  const target = kpi.target === undefined ? '—' : formatQuantity(kpi.target, unit, locale);
  parts.push(
    text(`${baseline} → ${target}`),
    SEP,
    markup(escapeMrkdwn(formatDirection(kpi.direction, locale))),
  );
  if (kpi.deadline)
    parts.push(SEP, detail('deadline', escapeMrkdwn(formatDate(kpi.deadline, locale)), locale));
  if (kpi.cadence)
    parts.push(SEP, detail('cadence', escapeMrkdwn(formatCadence(kpi.cadence, locale)), locale));
  if (kpi.owner) parts.push(SEP, detail('owner', '', locale), personSegment(kpi.owner));
  return parts;
}

function labelled(key: RenderLabel, value: string | undefined, locale: Locale) {
  if (!value || value.trim() === '') return [];
  return [markup(`\n${escapeMrkdwn(label(key, locale))}${colon(locale)}`), text(value.trim())];
}

function phaseParagraph(phase: Phase, locale: Locale): Paragraph {
  const parts: Segment[] = [BULLET, text(phase.name.trim())];
  if (phase.start || phase.end) {
    const start = phase.start ? formatDate(phase.start, locale) : '?';
    const end = phase.end ? formatDate(phase.end, locale) : '?';
    parts.push(markup(escapeMrkdwn(` (${start} – ${end})`)));
  }
  parts.push(
    ...labelled('goal', phase.goal, locale),
    ...labelled('successCriteria', phase.successCriteria, locale),
    ...labelled('tasks', phase.tasks, locale),
  );
  return parts;
}

function budgetParagraph(line: BudgetLine, context: FieldRenderContext): Paragraph {
  const { locale } = context;
  const parts: Segment[] = [BULLET, text(line.item.trim())];
  if (line.category?.trim()) parts.push(markup(' ('), text(line.category.trim()), markup(')'));
  parts.push(markup(`${colon(locale)}${escapeMrkdwn(formatMoney(line, locale))}`));
  const phase = line.phaseId ? (context.phaseNames.get(line.phaseId) ?? line.phaseId) : undefined;
  if (phase) parts.push(SEP, detail('phase', '', locale), text(phase));
  return parts;
}

function resourceParagraph(resource: Resource, locale: Locale): Paragraph {
  return [
    BULLET,
    text(resource.item.trim()),
    markup(escapeMrkdwn(` [${formatResourceStatus(resource.status, locale)}]`)),
    ...labelled('source', resource.source, locale),
    ...labelled('howToObtain', resource.howToObtain, locale),
  ];
}

function itemParagraph(item: PrioritisedItem, locale: Locale): Paragraph {
  const parts: Segment[] = [BULLET];
  if (item.priority) parts.push(markup(`*${item.priority}* `));
  parts.push(text(item.title.trim()));
  if (item.owner) parts.push(SEP, detail('owner', '', locale), personSegment(item.owner));
  parts.push(...labelled('notes', item.notes, locale));
  return parts;
}

/**
 * A field as Slack paragraphs: its bold label with the start of the answer, then one paragraph per row
 * of a structured list (so a long list packs into blocks row by row).
 */
export function fieldParagraphs(
  fieldLabel: string,
  value: FormattedValue,
  context: FieldRenderContext,
): Paragraph[] {
  const { locale } = context;
  const heading = [bold(fieldLabel), markup('\n')];
  switch (value.kind) {
    case 'empty':
      return [];
    case 'text':
      return [[...heading, text(value.text.trim())]];
    case 'users':
      return [[...heading, ...peopleSegments(value.ids, locale)]];
    case 'channel':
      return [[...heading, channelSegment(value.id)]];
    case 'kpis':
      return [[bold(fieldLabel)], ...value.rows.map((row) => kpiParagraph(row, locale))];
    case 'phases':
      return [[bold(fieldLabel)], ...value.rows.map((row) => phaseParagraph(row, locale))];
    case 'resources':
      return [[bold(fieldLabel)], ...value.rows.map((row) => resourceParagraph(row, locale))];
    case 'prioritised_items':
      return [[bold(fieldLabel)], ...value.rows.map((row) => itemParagraph(row, locale))];
    case 'budget_lines': {
      const totals = budgetTotals(value.rows)
        .map((money) => formatMoney(money, locale))
        .join(listSeparator(locale));
      return [
        [bold(fieldLabel)],
        ...value.rows.map((row) => budgetParagraph(row, context)),
        [bold(label('total', locale)), markup(`${colon(locale)}${escapeMrkdwn(totals)}`)],
      ];
    }
  }
}
