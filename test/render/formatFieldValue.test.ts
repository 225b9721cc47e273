import { describe, expect, it } from 'vitest';
import type { TemplateField } from '../../src/domain/template.js';
import {
  budgetTotals,
  formatDate,
  formatDateRange,
  formatFieldValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
} from '../../src/render/formatFieldValue.js';
import { allTypesTemplate } from './support/fixtureTemplates.js';

const template = allTypesTemplate();
function field(sectionId: string, fieldId: string): TemplateField {
  const found = template.sections
    .find((s) => s.id === sectionId)
    ?.fields.find((f) => f.id === fieldId);
  if (!found) throw new Error(`no field ${sectionId}.${fieldId}`);
  return found;
}

describe('value formatting per locale', () => {
  it('formats money with the currency symbol and minor units', () => {
    expect(formatMoney({ amount: 1200000, currency: 'CNY' }, 'zh-CN')).toBe('¥1,200,000.00');
    expect(formatMoney({ amount: 1200000, currency: 'CNY' }, 'en')).toBe('CN¥1,200,000.00');
    expect(formatMoney({ amount: 5000, currency: 'USD' }, 'en')).toBe('$5,000.00');
    expect(formatMoney({ amount: 5000, currency: 'USD' }, 'zh-CN')).toBe('US$5,000.00');
  });

  it('never rounds away what the user typed', () => {
    expect(formatMoney({ amount: 1234.567, currency: 'CNY' }, 'zh-CN')).toBe('¥1,234.567');
    expect(formatMoney({ amount: 1200000.5, currency: 'JPY' }, 'en')).toBe('¥1,200,000.5');
    expect(formatNumber(0.3, 'en')).toBe('0.3');
    expect(formatNumber(-1234567.25, 'zh-CN')).toBe('-1,234,567.25');
  });

  it('shows an unknown currency code next to the amount', () => {
    expect(formatMoney({ amount: 10, currency: 'ZZZ' }, 'en')).toMatch(/10(\.00)?\s?ZZZ|ZZZ\s?10/);
  });

  it('formats percentages and quantities with units', () => {
    expect(formatPercent(12.5, 'zh-CN')).toBe('12.5%');
    expect(formatQuantity(3000, '单', 'zh-CN')).toBe('3,000 单');
    expect(formatQuantity(4, '%', 'en')).toBe('4%');
    expect(formatQuantity(4, undefined, 'en')).toBe('4');
  });

  it('keeps ISO dates in Chinese and spells them out in English', () => {
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026-01-01');
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDateRange({ start: '2026-01-01', end: '2026-03-31' }, 'en')).toBe(
      'Jan 1, 2026 – Mar 31, 2026',
    );
  });

  it('shows select options by their label in the chosen language', () => {
    expect(formatFieldValue(field('scope', 'area'), 'b', 'zh-CN')).toEqual({
      kind: 'text',
      text: '选项乙',
    });
    expect(formatFieldValue(field('scope', 'modules'), ['a', 'c'], 'en')).toEqual({
      kind: 'text',
      text: 'Option A, Option C',
    });
  });

  it('keeps people and channels as ids for each renderer to present', () => {
    expect(formatFieldValue(field('scope', 'lead'), 'U0123ABCD', 'en')).toEqual({
      kind: 'users',
      ids: ['U0123ABCD'],
    });
    expect(formatFieldValue(field('scope', 'room'), 'C0123ABCD', 'en')).toEqual({
      kind: 'channel',
      id: 'C0123ABCD',
    });
  });

  it('treats blank answers as unanswered and shows mistyped ones as text', () => {
    expect(formatFieldValue(field('product', 'summary'), '   ', 'en')).toEqual({ kind: 'empty' });
    expect(formatFieldValue(field('product', 'users'), undefined, 'en')).toEqual({ kind: 'empty' });
    expect(formatFieldValue(field('scope', 'lead'), '<!channel>', 'en')).toEqual({
      kind: 'text',
      text: '<!channel>',
    });
    expect(formatFieldValue(field('product', 'users'), 'many', 'en')).toEqual({
      kind: 'text',
      text: 'many',
    });
  });

  it('totals budget lines per currency without float noise', () => {
    const line = (id: string, amount: number, currency: string) => ({
      id,
      item: id,
      amount,
      currency,
    });
    expect(
      budgetTotals([line('a', 0.1, 'CNY'), line('b', 5, 'USD'), line('c', 0.2, 'CNY')]),
    ).toEqual([
      { currency: 'CNY', amount: 0.3 },
      { currency: 'USD', amount: 5 },
    ]);
  });
});
