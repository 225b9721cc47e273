import type { Kpi } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import { formatDate, formatQuantity } from '../../../render/formatFieldValue.js';

/**
 * KPI numbers as people read them. Reported and planned values are shown exactly; the expected value
 * is a point on a line, so it is rounded to what a reader can use.
 */

export function kpiQuantity(
  kpi: Pick<Kpi, 'unit'>,
  value: number | undefined,
  locale: Locale,
): string | undefined {
  return value === undefined ? undefined : formatQuantity(value, kpi.unit, locale);
}

export function expectedQuantity(
  kpi: Pick<Kpi, 'unit'>,
  value: number | undefined,
  locale: Locale,
): string | undefined {
  if (value === undefined) return undefined;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : 4;
  const factor = 10 ** digits;
  return formatQuantity(Math.round(value * factor) / factor, kpi.unit, locale);
}

export function kpiDeadline(kpi: Pick<Kpi, 'deadline'>, locale: Locale): string | undefined {
  return kpi.deadline ? formatDate(kpi.deadline, locale) : undefined;
}
