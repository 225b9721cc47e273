import {
  type ColumnChange,
  type FieldChange,
  groupFieldChanges,
  type ListFieldChange,
  type MetaChange,
  type PlanChanges,
  type RowChange,
  type ScalarFieldChange,
} from '../domain/diff/index.js';
import type { CheckInCadence, KpiDirection, Money, Resource } from '../domain/fieldTypes.js';
import { AUDIENCE_LABELS, STAGE_LABELS } from '../domain/lifecycle.js';
import type { Locale } from '../domain/locale.js';
import { findField, type Template } from '../domain/template.js';
import { channelSegment, fieldParagraphs, peopleSegments } from './blocks/fieldParagraphs.js';
import {
  bold,
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
  formatDateRange,
  formatDirection,
  formatFieldValue,
  formatMoney,
  formatQuantity,
  formatResourceStatus,
} from './formatFieldValue.js';
import { escapeMrkdwn } from './mrkdwn.js';
import {
  CHANGE_GROUP_TITLES,
  changesText,
  LANGUAGE_NAMES,
  type PlanChangesText,
} from './planChangesTexts.js';
import { colon, label, listSeparator, type RenderLabel } from './renderLabels.js';

/**
 * The paragraphs of a "what changed" post: values formatted exactly as the plan renders them (units,
 * currencies, dates, option labels, phase names), user text as `text` segments so the packer escapes
 * and splits it, and only validated ids as mentions.
 */

export interface ChangesContext {
  locale: Locale;
  template: Template;
  phaseNames: ReadonlyMap<string, string>;
}

/** Values longer than this (or with line breaks) are shown as "Before:" / "After:" lines. */
const INLINE_MAX = 160;

const words = (key: PlanChangesText, locale: Locale) => escapeMrkdwn(changesText(key, locale));
const empty = (locale: Locale): Segment[] => [markup(words('empty', locale))];
const named = (name: string, locale: Locale) => markup(`${escapeMrkdwn(name)}${colon(locale)}`);

/** `old → new` on one line, or Before / After on their own lines when either side is long. */
function beforeAfter(
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

function valueSegments(value: FormattedValue, locale: Locale): Segment[] {
  switch (value.kind) {
    case 'empty':
      return empty(locale);
    case 'text':
      return [text(value.text.trim())];
    case 'users':
      return peopleSegments(value.ids, locale);
    case 'channel':
      return [channelSegment(value.id)];
    default:
      // Only reached for a list whose other version was stored with the wrong type.
      return [text(JSON.stringify(value.rows))];
  }
}

function metaSide(change: MetaChange, side: 'before' | 'after', locale: Locale): Segment[] {
  switch (change.key) {
    case 'title':
    case 'timezone':
      return [text(change[side])];
    case 'stage':
      return [text(STAGE_LABELS[change[side]][locale])];
    case 'audience':
      return [text(AUDIENCE_LABELS[change[side]][locale])];
    case 'period':
      return [text(formatDateRange(change[side], locale))];
    case 'owner':
      return peopleSegments([change[side]], locale);
    case 'channel': {
      const channel = change[side];
      return channel ? [channelSegment(channel)] : empty(locale);
    }
    case 'language':
      return [text(LANGUAGE_NAMES[change[side]][locale])];
    case 'editors':
      return change[side].length > 0 ? peopleSegments(change[side], locale) : empty(locale);
  }
}

function metaParagraph(change: MetaChange, locale: Locale): Paragraph {
  const name =
    change.key === 'title' || change.key === 'language'
      ? changesText(change.key, locale)
      : label(change.key, locale);
  const head = [bold(name), markup('\n')];
  if (change.key !== 'editors') {
    return [
      ...head,
      ...beforeAfter(metaSide(change, 'before', locale), metaSide(change, 'after', locale), locale),
    ];
  }
  // Who joined and who left reads better than two lists of up to 50 people.
  const joined = change.after.filter((id) => !change.before.includes(id));
  const left = change.before.filter((id) => !change.after.includes(id));
  const parts: Segment[] = [];
  if (joined.length > 0) {
    parts.push(
      named(changesText('editorsAdded', locale), locale),
      ...peopleSegments(joined, locale),
    );
  }
  if (left.length > 0) {
    if (parts.length > 0) parts.push(markup('\n'));
    parts.push(
      named(changesText('editorsRemoved', locale), locale),
      ...peopleSegments(left, locale),
    );
  }
  return [...head, ...parts];
}

function fieldLabel(change: FieldChange, context: ChangesContext): string {
  return (
    findField(context.template, change.sectionId, change.fieldId)?.label[context.locale] ??
    change.fieldId
  );
}

function scalarParagraph(change: ScalarFieldChange, context: ChangesContext): Paragraph {
  const { locale } = context;
  const field = findField(context.template, change.sectionId, change.fieldId);
  const format = (value: ScalarFieldChange['before']): FormattedValue =>
    field
      ? formatFieldValue(field, value, locale)
      : value === undefined
        ? { kind: 'empty' }
        : { kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) };
  const [before, after] = [format(change.before), format(change.after)];
  const head = [bold(fieldLabel(change, context)), markup('\n')];
  if (before.kind === 'empty') {
    return [...head, named(changesText('added', locale), locale), ...valueSegments(after, locale)];
  }
  if (after.kind === 'empty') {
    return [
      ...head,
      named(changesText('removed', locale), locale),
      ...valueSegments(before, locale),
    ];
  }
  return [
    ...head,
    ...beforeAfter(valueSegments(before, locale), valueSegments(after, locale), locale),
  ];
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

type Row = Record<string, unknown>;

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

function rowParagraph(
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

function changeParagraphs(change: FieldChange, context: ChangesContext): Paragraph[] {
  if (change.kind === 'scalar') return [scalarParagraph(change, context)];
  const rows = change.rows as RowChange<Row & { id: string }>[];
  return [
    [bold(fieldLabel(change, context))],
    ...rows.map((row) => rowParagraph(change.type, row, context)),
  ];
}

function totals(list: Money[], locale: Locale): Segment[] {
  if (list.length === 0) return empty(locale);
  return [text(list.map((money) => formatMoney(money, locale)).join(listSeparator(locale)))];
}

/**
 * The body, one paragraph list per reader group (Goals, KPIs, Phases, Strategy, Budget, Other), each
 * led by the group's title; the budget lines' total closes Budget, plan details open Other.
 */
export function changeGroupParagraphs(
  changes: PlanChanges,
  context: ChangesContext,
): Paragraph[][] {
  const { locale } = context;
  const titled = (group: keyof typeof CHANGE_GROUP_TITLES, paragraphs: Paragraph[]) => ({
    group,
    paragraphs: [[markup(`*${escapeMrkdwn(CHANGE_GROUP_TITLES[group][locale])}*`)], ...paragraphs],
  });
  const groups = groupFieldChanges(changes).map(({ group, fields }) =>
    titled(
      group,
      fields.flatMap((field) => changeParagraphs(field, context)),
    ),
  );
  if (changes.budgetTotal) {
    const { before, after } = changes.budgetTotal;
    const total: Paragraph = [
      bold(changesText('budgetLinesTotal', locale)),
      markup('\n'),
      ...beforeAfter(totals(before, locale), totals(after, locale), locale),
    ];
    const budget = groups.find((g) => g.group === 'budget');
    if (budget) budget.paragraphs.push(total);
    else
      groups.splice(groups.filter((g) => g.group !== 'other').length, 0, titled('budget', [total]));
  }
  if (changes.meta.length > 0) {
    const meta: Paragraph[] = [
      [bold(changesText('planDetails', locale))],
      ...changes.meta.map((change) => metaParagraph(change, locale)),
    ];
    const other = groups.find((g) => g.group === 'other');
    if (other) other.paragraphs.splice(1, 0, ...meta);
    else groups.push(titled('other', meta));
  }
  return groups.map((g) => g.paragraphs);
}
