import type { LocalizedText } from '../locale.js';
import type { RoleField } from '../planFields.js';
import type { Finding, ReviewRule, Severity } from './types.js';

/** A finding of `rule` about `at` (a field, optionally one of its rows). */
export function findingAt(
  rule: Pick<ReviewRule, 'id' | 'severity'>,
  at: Pick<RoleField<unknown>, 'sectionId' | 'fieldId'>,
  message: LocalizedText,
  options: { rowId?: string; severity?: Severity } = {},
): Finding {
  return {
    ruleId: rule.id,
    severity: options.severity ?? rule.severity,
    sectionId: at.sectionId,
    fieldId: at.fieldId,
    ...(options.rowId === undefined ? {} : { rowId: options.rowId }),
    message,
  };
}

/** A number as people write it in each language (thousands separators, no float noise). */
export function formatAmount(amount: number): LocalizedText {
  const format = (locale: string) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  return { 'zh-CN': format('zh-CN'), en: format('en') };
}
