import {
  type FieldChange,
  groupFieldChanges,
  type MetaChange,
  type PlanChanges,
  type RowChange,
  type ScalarFieldChange,
} from '../domain/diff/index.js';
import type { Money } from '../domain/fieldTypes.js';
import { AUDIENCE_LABELS, STAGE_LABELS } from '../domain/lifecycle.js';
import type { Locale } from '../domain/locale.js';
import { findField } from '../domain/template.js';
import { channelSegment, peopleSegments } from './blocks/fieldParagraphs.js';
import { bold, markup, type Paragraph, type Segment, text } from './blocks/mrkdwnPacker.js';
import {
  type FormattedValue,
  formatDateRange,
  formatFieldValue,
  formatMoney,
} from './formatFieldValue.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { CHANGE_GROUP_TITLES, changesText, LANGUAGE_NAMES } from './planChangesTexts.js';
import {
  beforeAfter,
  type ChangesContext,
  empty,
  named,
  type Row,
  rowParagraph,
} from './planChangesValues.js';
import { label, listSeparator } from './renderLabels.js';

/** The paragraphs of a "what changed" post: scalar fields, plan details and rows, by reader group. */

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
