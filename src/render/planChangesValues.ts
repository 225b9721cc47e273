import type { ColumnChange, ListFieldChange, RowChange } from '../domain/diff/index.js';
import type { CheckInCadence, KpiDirection, Money, Resource } from '../domain/fieldTypes.js';
import type { Locale } from '../domain/locale.js';
import type { Template } from '../domain/template.js';
import { fieldParagraphs, peopleSegments } from './blocks/fieldParagraphs.js';
import {
  markup,
  type Paragraph,
  paragraphLength,
  type Segment,
  text,
} from './blocks/mrkdwnPacker.js';
import {
  type FormattedValue,
  formatCadence,
  formatDate,
  formatDirection,
  formatMoney,
  formatQuantity,
  formatResourceStatus,
} from './formatFieldValue.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { changesText, type PlanChangesText } from './planChangesTexts.js';
import { colon, label, type RenderLabel } from './renderLabels.js';

/**
 * How one changed value or row of a "what changed" post reads: values formatted exactly as the plan
 * renders them (units, currencies, dates, phase names), user text as `text` segments so the packer
 * escapes and splits it, only validated ids as mentions.
 */

export interface ChangesContext {
  locale: Locale;
  template: Template;
  phaseNames: ReadonlyMap<string, string>;
}

/** Values longer than this (or with line breaks) are shown as "Before:" / "After:" lines. */
const INLINE_MAX = 160;

const words = (key: PlanChangesText, locale: Locale) => escapeMrkdwn(changesText(key, locale));
export const empty = (locale: Locale): Segment[] => [markup(words('empty', locale))];
export const named = (name: string, locale: Locale) =>
  markup(`${escapeMrkdwn(name)}${colon(locale)}`);

/** `old → new` on one line, or Before / After on their own lines when either side is long. */
export function beforeAfter(
  before: Segment[],
  after: Segment[],
  locale: Locale,
  { newLine = false } = {},
): Segment[] {
  const multiline = [...before, ...after].some((s) => s.kind === 'text' && s.text.includes('\n'));
  if (!multiline && paragraphLength([...before, ...after]) <= INLINE_MAX) {
    return [...before, markup(' → '), ...after];
  }
  const line = (key: PlanChangesText, lead: string) =>
    markup(`${lead}${words(key, locale)}${colon(locale)}`);
  return [line('before', newLine ? '\n' : ''), ...before, line('after', '\n'), ...after];
}

const OWN_COLUMN_TEXTS: Partial<Record<string, PlanChangesText>> = {
  currency: 'currency',
  title: 'itemTitle',
};

function columnName(column: string, locale: Locale): string {
  const own = OWN_COLUMN_TEXTS[column];
  if (own) return changesText(own, locale);
  return label((column === 'phaseId' ? 'phase' : column) as RenderLabel, locale);
}

export type Row = Record<string, unknown>;

/** One column's value as the plan shows it; `row` gives the unit or currency it is read with. */
function columnSegments(
  column: string,
  value: unknown,
  row: Row,
  context: ChangesContext,
): Segment[] {
  const { locale } = context;
  if (value === undefined || (typeof value === 'string' && value.trim() === ''))
    return empty(locale);
  switch (column) {
    case 'baseline':
    case 'target':
      return [text(formatQuantity(value as number, row.unit as string | undefined, locale))];
    case 'amount':
      return [text(formatMoney({ amount: value, currency: row.currency } as Money, locale))];
    case 'deadline':
    case 'start':
    case 'end':
      return [text(formatDate(value as string, locale))];
    case 'direction':
      return [text(formatDirection(value as KpiDirection, locale))];
    case 'cadence':
      return [text(formatCadence(value as CheckInCadence, locale))];
    case 'status':
      return [text(formatResourceStatus(value as Resource['status'], locale))];
    case 'owner':
      return peopleSegments([value as string], locale);
    case 'phaseId':
      return [text(context.phaseNames.get(value as string) ?? (value as string))];
    default:
      return [text(String(value).trim())];
  }
}

function rowName(row: Row & { id: string }): string {
  const name = row.name ?? row.item ?? row.title;
  return (typeof name === 'string' ? name : row.id).trim();
}

export function rowParagraph(
  type: ListFieldChange['type'],
  row: RowChange<Row & { id: string }>,
  context: ChangesContext,
): Paragraph {
  const { locale } = context;
  const marker = (key: PlanChangesText) => markup(`• *${words(key, locale)}*${colon(locale)}`);
  if (row.change === 'removed') return [marker('removed'), text(rowName(row.before))];
  if (row.change === 'added') {
    // The new row exactly as the plan shows it, its bullet replaced by the marker.
    const value = { kind: type, rows: [row.after] } as unknown as FormattedValue;
    const shown = fieldParagraphs('', value, { locale, phaseNames: context.phaseNames })[1] ?? [];
    const rest = shown[0]?.kind === 'markup' && shown[0].text === '• ' ? shown.slice(1) : shown;
    return [marker('added'), ...rest];
  }
  const columns = row.columns as ColumnChange<Row>[];
  return [
    marker('changed'),
    text(rowName(row.after)),
    ...columns.flatMap(({ column, before, after }) => [
      markup(`\n      ${escapeMrkdwn(columnName(column, locale))}${colon(locale)}`),
      ...beforeAfter(
        columnSegments(column, before, row.before, context),
        columnSegments(column, after, row.after, context),
        locale,
        { newLine: true },
      ),
    ]),
  ];
}
