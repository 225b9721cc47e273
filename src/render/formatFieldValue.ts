import {
  type BudgetLine,
  type CheckInCadence,
  type DateRange,
  type FieldValue,
  isEmptyValue,
  type Kpi,
  type KpiDirection,
  type Money,
  type Phase,
  type PrioritisedItem,
  type Resource,
  VALUE_SCHEMAS,
} from '../domain/fieldTypes.js';
import type { Locale, LocalizedText } from '../domain/locale.js';
import type { TemplateField } from '../domain/template.js';
import { listSeparator } from './renderLabels.js';

/**
 * Field values turned into display form, shared by the Markdown and Block Kit renderers. Everything
 * returned is plain, unescaped text: each renderer escapes for its own format. Slack ids are kept as ids
 * so each renderer decides how to show them (a mention in Slack, `@U…` text in Markdown).
 */
export type FormattedValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'users'; ids: string[] }
  | { kind: 'channel'; id: string }
  | { kind: 'kpis'; rows: Kpi[] }
  | { kind: 'phases'; rows: Phase[] }
  | { kind: 'budget_lines'; rows: BudgetLine[] }
  | { kind: 'resources'; rows: Resource[] }
  | { kind: 'prioritised_items'; rows: PrioritisedItem[] };

// Shortest round-trip digits: 0.3 stays 0.3, 1e15 + 0.5 keeps its half. Nothing the user typed is rounded.
const EXACT = { maximumFractionDigits: 20 } as const;

// Building an Intl formatter costs far more than using one; a plan renders hundreds of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, currency?: string): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      currency ? { style: 'currency', currency, ...EXACT } : EXACT,
    );
    numberFormats.set(key, format);
  }
  return format;
}

const englishDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** zh-CN `¥1,200,000.00`, en `CN¥1,200,000.00`; minor units are shown, extra decimals are not cut. */
export function formatMoney(money: Money, locale: Locale): string {
  try {
    return numberFormat(locale, money.currency).format(money.amount);
  } catch {
    // A well-formed but unknown ISO code: still show the amount and the code.
    return `${formatNumber(money.amount, locale)} ${money.currency}`;
  }
}

export function formatPercent(value: number, locale: Locale): string {
  return `${formatNumber(value, locale)}%`;
}

/** A number with its unit: `12%`, `3,000 orders`, `3,000 单`. */
export function formatQuantity(value: number, unit: string | undefined, locale: Locale): string {
  const number = formatNumber(value, locale);
  const trimmed = unit?.trim() ?? '';
  if (trimmed === '') return number;
  if (trimmed === '%' || trimmed === '％') return `${number}${trimmed}`;
  return `${number} ${trimmed}`;
}

/** zh-CN keeps ISO `2026-01-01` (how Chinese business documents write dates); en reads `Jan 1, 2026`. */
export function formatDate(isoDate: string, locale: Locale): string {
  if (locale === 'zh-CN') return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return englishDate.format(date);
}

export function formatDateRange(range: DateRange, locale: Locale): string {
  return `${formatDate(range.start, locale)} – ${formatDate(range.end, locale)}`;
}

const DIRECTIONS: Record<KpiDirection, LocalizedText> = {
  increase: { 'zh-CN': '提升', en: 'increase' },
  decrease: { 'zh-CN': '降低', en: 'decrease' },
  stay_above: { 'zh-CN': '保持不低于', en: 'stay above' },
  stay_below: { 'zh-CN': '保持不高于', en: 'stay below' },
};

const CADENCES: Record<CheckInCadence, LocalizedText> = {
  daily: { 'zh-CN': '每日', en: 'daily' },
  weekly: { 'zh-CN': '每周', en: 'weekly' },
  biweekly: { 'zh-CN': '每两周', en: 'every two weeks' },
  monthly: { 'zh-CN': '每月', en: 'monthly' },
  quarterly: { 'zh-CN': '每季度', en: 'quarterly' },
};

const RESOURCE_STATUS: Record<Resource['status'], LocalizedText> = {
  have: { 'zh-CN': '已有', en: 'have' },
  need: { 'zh-CN': '待获取', en: 'need' },
};

export function formatDirection(direction: KpiDirection, locale: Locale): string {
  return DIRECTIONS[direction][locale];
}

export function formatCadence(cadence: CheckInCadence, locale: Locale): string {
  return CADENCES[cadence][locale];
}

export function formatResourceStatus(status: Resource['status'], locale: Locale): string {
  return RESOURCE_STATUS[status][locale];
}

/** The option's label in the plan's language; an unknown value is shown as stored. */
export function formatOption(field: TemplateField, value: string, locale: Locale): string {
  return field.options?.find((option) => option.value === value)?.label[locale] ?? value;
}

/** Shown when a stored value does not have its field's type, so nothing is silently hidden. */
function asText(value: FieldValue): FormattedValue {
  return { kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) };
}

export function formatFieldValue(
  field: TemplateField,
  value: FieldValue | undefined,
  locale: Locale,
): FormattedValue {
  if (value === undefined || isEmptyValue(value)) return { kind: 'empty' };
  const parsed = VALUE_SCHEMAS[field.type].safeParse(value);
  if (!parsed.success) return asText(value);
  const data: unknown = parsed.data;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return { kind: 'text', text: data as string };
    case 'number':
      return { kind: 'text', text: formatNumber(data as number, locale) };
    case 'money':
      return { kind: 'text', text: formatMoney(data as Money, locale) };
    case 'percent':
      return { kind: 'text', text: formatPercent(data as number, locale) };
    case 'date':
      return { kind: 'text', text: formatDate(data as string, locale) };
    case 'date_range':
      return { kind: 'text', text: formatDateRange(data as DateRange, locale) };
    case 'single_select':
      return { kind: 'text', text: formatOption(field, data as string, locale) };
    case 'multi_select':
      return {
        kind: 'text',
        text: (data as string[])
          .map((v) => formatOption(field, v, locale))
          .join(listSeparator(locale)),
      };
    case 'user':
      return { kind: 'users', ids: [data as string] };
    case 'users':
      return { kind: 'users', ids: data as string[] };
    case 'channel':
      return { kind: 'channel', id: data as string };
    case 'kpis':
      return { kind: 'kpis', rows: data as Kpi[] };
    case 'phases':
      return { kind: 'phases', rows: data as Phase[] };
    case 'budget_lines':
      return { kind: 'budget_lines', rows: data as BudgetLine[] };
    case 'resources':
      return { kind: 'resources', rows: data as Resource[] };
    case 'prioritised_items':
      return { kind: 'prioritised_items', rows: data as PrioritisedItem[] };
  }
}

/** Sum per currency, in first-seen order; rounded to 15 significant digits to drop float noise. */
export function budgetTotals(lines: readonly BudgetLine[]): Money[] {
  const totals = new Map<string, number>();
  for (const line of lines)
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount);
  return [...totals].map(([currency, amount]) => ({
    currency,
    amount: Number(amount.toPrecision(15)),
  }));
}
