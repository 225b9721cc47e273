import { describe, expect, it } from 'vitest';
import {
  budgetItemised,
  budgetMappedToPhases,
  budgetSingleCurrency,
  budgetTotalMatches,
} from '../../../src/domain/review/rules/budgetConsistency.js';
import { changed, findingsOf, goodPlan, section } from './fixtures.js';

function withBudget(budget: Record<string, unknown>) {
  return changed(goodPlan(), (p) => {
    Object.assign(section(p, 'budget'), budget);
  });
}

const line = (id: string, amount: number, currency = 'CNY', phaseId: string | null = 'p1') => ({
  id,
  item: `项目 ${id}`,
  amount,
  currency,
  ...(phaseId ? { phaseId } : {}),
});

describe('budget-itemised', () => {
  it('does not fire when the total has lines', () => {
    expect(findingsOf(budgetItemised, goodPlan())).toEqual([]);
  });

  it('fires on a total without lines', () => {
    const findings = findingsOf(budgetItemised, withBudget({ lines: [] }));
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', sectionId: 'budget', fieldId: 'lines' }),
    ]);
    expect(findings[0]?.message.en).toBe(
      'The total budget of 150,000.3 CNY has no lines: list where each part goes.',
    );
  });
});

describe('budget-total-matches', () => {
  it('does not fire when the lines add up to the total, despite float rounding', () => {
    // 100000.1 + 50000.2 is 150000.30000000002 in floating point.
    expect(findingsOf(budgetTotalMatches, goodPlan())).toEqual([]);
  });

  it('fires when the total differs from the sum of the lines', () => {
    const plan = withBudget({ total: { amount: 200000, currency: 'CNY' } });
    const findings = findingsOf(budgetTotalMatches, plan);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', sectionId: 'budget', fieldId: 'total' }),
    ]);
    expect(findings[0]?.message.en).toBe(
      'The total budget of 200,000 CNY does not match the sum of its lines, 150,000.3 CNY.',
    );
  });

  it('does not compare across currencies (the currency rule covers that)', () => {
    const plan = withBudget({
      lines: [line('b1', 1, 'USD')],
      total: { amount: 7, currency: 'CNY' },
    });
    expect(findingsOf(budgetTotalMatches, plan)).toEqual([]);
  });
});

describe('budget-single-currency', () => {
  it('does not fire on a single-currency budget', () => {
    expect(findingsOf(budgetSingleCurrency, goodPlan())).toEqual([]);
  });

  it('fires on mixed currencies without an explanation', () => {
    const plan = withBudget({ lines: [line('b1', 100), line('b2', 10, 'USD')] });
    const findings = findingsOf(budgetSingleCurrency, plan);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', fieldId: 'notes' })]);
    expect(findings[0]?.message.en).toContain('(CNY, USD)');
  });

  it('fires when the total is in another currency than the lines', () => {
    const plan = withBudget({ total: { amount: 10, currency: 'USD' } });
    expect(findingsOf(budgetSingleCurrency, plan)).toHaveLength(1);
  });

  it('does not fire when the notes explain the exchange rates', () => {
    const plan = withBudget({
      lines: [line('b1', 100), line('b2', 10, 'USD')],
      notes: '按 1 USD = 7.2 CNY 折算。',
    });
    expect(findingsOf(budgetSingleCurrency, plan)).toEqual([]);
  });
});

describe('budget-mapped-to-phases', () => {
  it('does not fire when every line names an existing phase', () => {
    expect(findingsOf(budgetMappedToPhases, goodPlan())).toEqual([]);
  });

  it('fires on a line without a phase and on one naming a missing phase', () => {
    const plan = withBudget({
      lines: [line('b1', 1, 'CNY', null), line('b2', 1, 'CNY', 'p9'), line('b3', 1)],
    });
    const findings = findingsOf(budgetMappedToPhases, plan);
    expect(findings.map((f) => [f.rowId, f.severity])).toEqual([
      ['b1', 'warning'],
      ['b2', 'warning'],
    ]);
    expect(findings[1]?.message.en).toBe(
      'Budget line "项目 b2" points at phase "p9", which does not exist.',
    );
  });
});
