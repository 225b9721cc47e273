import type { BudgetLine, Kpi, Phase, PrioritisedItem, Resource } from '../../domain/fieldTypes.js';
import type { Locale } from '../../domain/locale.js';
import {
  budgetTotals,
  type FormattedValue,
  formatCadence,
  formatDate,
  formatDirection,
  formatMoney,
  formatNumber,
  formatResourceStatus,
} from '../formatFieldValue.js';
import {
  escapeMarkdownBlock,
  escapeMarkdownCell,
  escapeMarkdownInline,
} from '../markdownEscape.js';
import { isSlackChannelId, isSlackUserId } from '../mrkdwn.js';
import { label, listSeparator, type RenderLabel } from '../renderLabels.js';

/** Slack ids as plain text: no Slack markup in a file meant to be read anywhere. */
export function userText(id: string): string {
  return isSlackUserId(id) ? `@${id}` : escapeMarkdownInline(id);
}

export function channelText(id: string): string {
  return isSlackChannelId(id) ? `#${id}` : escapeMarkdownInline(id);
}

const cell = (value: string | undefined) => (value ? escapeMarkdownCell(value) : '');

/** A GFM table; `cells` are raw values, escaped here so no answer can add a column or end a row. */
function table(
  headers: readonly RenderLabel[],
  rows: readonly (readonly string[])[],
  locale: Locale,
) {
  const head = `| ${headers.map((h) => escapeMarkdownCell(label(h, locale))).join(' | ')} |`;
  const rule = `|${headers.map(() => ' --- |').join('')}`;
  const body = rows.map((row) => `| ${row.join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

function kpiTable(rows: readonly Kpi[], locale: Locale): string {
  const headers: RenderLabel[] = [
    'name',
    'baseline',
    'target',
    'unit',
    'direction',
    'deadline',
    'owner',
    'cadence',
  ];
  return table(
    headers,
    rows.map((kpi) => [
      cell(kpi.name),
      kpi.baseline === undefined ? '' : cell(formatNumber(kpi.baseline, locale)),
      kpi.target === undefined ? '' : cell(formatNumber(kpi.target, locale)),
      cell(kpi.unit),
      cell(formatDirection(kpi.direction, locale)),
      kpi.deadline ? cell(formatDate(kpi.deadline, locale)) : '',
      kpi.owner ? userText(kpi.owner) : '',
      kpi.cadence ? cell(formatCadence(kpi.cadence, locale)) : '',
    ]),
    locale,
  );
}

function phaseTable(rows: readonly Phase[], locale: Locale): string {
  const withTasks = rows.some((phase) => phase.tasks?.trim());
  const headers: RenderLabel[] = ['phase', 'start', 'end', 'goal', 'successCriteria'];
  if (withTasks) headers.push('tasks');
  return table(
    headers,
    rows.map((phase) => {
      const row = [
        cell(phase.name),
        phase.start ? cell(formatDate(phase.start, locale)) : '',
        phase.end ? cell(formatDate(phase.end, locale)) : '',
        cell(phase.goal),
        cell(phase.successCriteria),
      ];
      if (withTasks) row.push(cell(phase.tasks));
      return row;
    }),
    locale,
  );
}

function budgetTable(
  rows: readonly BudgetLine[],
  locale: Locale,
  phases: ReadonlyMap<string, string>,
) {
  const body = rows.map((line) => [
    cell(line.item),
    cell(line.category),
    cell(formatMoney(line, locale)),
    line.phaseId ? cell(phases.get(line.phaseId) ?? line.phaseId) : '',
  ]);
  const totals = budgetTotals(rows).map((money) => [
    `**${escapeMarkdownCell(label('total', locale))}**`,
    '',
    `**${cell(formatMoney(money, locale))}**`,
    '',
  ]);
  return table(['item', 'category', 'amount', 'phase'], [...body, ...totals], locale);
}

function resourceTable(rows: readonly Resource[], locale: Locale): string {
  return table(
    ['item', 'status', 'source', 'howToObtain'],
    rows.map((r) => [
      cell(r.item),
      cell(formatResourceStatus(r.status, locale)),
      cell(r.source),
      cell(r.howToObtain),
    ]),
    locale,
  );
}

function itemTable(rows: readonly PrioritisedItem[], locale: Locale): string {
  return table(
    ['priority', 'item', 'owner', 'notes'],
    rows.map((item) => [
      item.priority ?? '',
      cell(item.title),
      item.owner ? userText(item.owner) : '',
      cell(item.notes),
    ]),
    locale,
  );
}

/** A field's value as Markdown: paragraphs for text, a line for people, a table for each list. */
export function fieldMarkdown(
  value: FormattedValue,
  locale: Locale,
  phases: ReadonlyMap<string, string>,
): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
      return escapeMarkdownBlock(value.text);
    case 'users':
      return value.ids.map(userText).join(listSeparator(locale));
    case 'channel':
      return channelText(value.id);
    case 'kpis':
      return kpiTable(value.rows, locale);
    case 'phases':
      return phaseTable(value.rows, locale);
    case 'budget_lines':
      return budgetTable(value.rows, locale, phases);
    case 'resources':
      return resourceTable(value.rows, locale);
    case 'prioritised_items':
      return itemTable(value.rows, locale);
  }
}
