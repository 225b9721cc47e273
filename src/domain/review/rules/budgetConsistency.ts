import { isEmptyValue } from '../../fieldTypes.js';
import { fieldsWithRole, typedFieldsWithRole } from '../../planFields.js';
import { findingAt, formatAmount } from '../finding.js';
import type { ReviewContext, ReviewRule } from '../types.js';

function budgetOf({ plan, template }: ReviewContext) {
  const totals = typedFieldsWithRole(plan, template, 'budgetTotal', 'money');
  const lineFields = typedFieldsWithRole(plan, template, 'budget', 'budget_lines');
  const lines = lineFields.flatMap((f) => f.value ?? []);
  const total = totals.find((f) => f.value !== undefined);
  const currencies = [...new Set(lines.map((l) => l.currency))];
  return { totals, total, lineFields, lines, currencies };
}

/** A total without lines cannot be checked or managed. */
export const budgetItemised: ReviewRule = {
  id: 'budget-itemised',
  severity: 'warning',
  description: {
    'zh-CN': '预算有明细：声明了总额时，也列出了各项支出。',
    en: 'The budget is itemised: a declared total comes with the lines it is made of.',
  },
  check(context) {
    const { total, lineFields, lines } = budgetOf(context);
    const anchor = lineFields[0];
    if (!total?.value || !anchor || lines.length > 0) return [];
    return [
      findingAt(budgetItemised, anchor, {
        'zh-CN': `预算总额 ${formatAmount(total.value.amount)['zh-CN']} ${total.value.currency} 没有明细：列出每一项花在哪里。`,
        en: `The total budget of ${formatAmount(total.value.amount).en} ${total.value.currency} has no lines: list where each part goes.`,
      }),
    ];
  },
};

/** The declared total equals the sum of its lines (compared only when all share its currency). */
export const budgetTotalMatches: ReviewRule = {
  id: 'budget-total-matches',
  severity: 'error',
  description: {
    'zh-CN': '声明的预算总额等于各项明细之和。',
    en: 'The declared total budget equals the sum of the budget lines.',
  },
  check(context) {
    const { total, lines, currencies } = budgetOf(context);
    if (!total?.value || lines.length === 0) return [];
    const { amount, currency } = total.value;
    if (currencies.length !== 1 || currencies[0] !== currency) return [];
    // Sum in cents so 0.1 + 0.2 style float noise never reports a false mismatch.
    const sumCents = lines.reduce((sum, l) => sum + Math.round(l.amount * 100), 0);
    if (sumCents === Math.round(amount * 100)) return [];
    const sum = formatAmount(sumCents / 100);
    const declared = formatAmount(amount);
    return [
      findingAt(budgetTotalMatches, total, {
        'zh-CN': `预算总额 ${declared['zh-CN']} ${currency} 与明细合计 ${sum['zh-CN']} ${currency} 不一致。`,
        en: `The total budget of ${declared.en} ${currency} does not match the sum of its lines, ${sum.en} ${currency}.`,
      }),
    ];
  },
};

/** Several currencies cannot be added up unless the plan says how they convert. */
export const budgetSingleCurrency: ReviewRule = {
  id: 'budget-single-currency',
  severity: 'warning',
  description: {
    'zh-CN': '预算使用单一币种，或在说明中解释了多币种的换算口径。',
    en: 'The budget uses one currency, or its notes explain how several currencies convert.',
  },
  check(context) {
    const { total, lineFields, currencies } = budgetOf(context);
    const all = new Set([...currencies, ...(total?.value ? [total.value.currency] : [])]);
    const anchor = lineFields[0];
    if (all.size < 2 || !anchor) return [];
    const notes = fieldsWithRole(context.plan, context.template, 'budgetNotes');
    if (notes.some((n) => !isEmptyValue(n.value))) return [];
    const list = [...all].sort().join(', ');
    return [
      findingAt(budgetSingleCurrency, notes[0] ?? anchor, {
        'zh-CN': `预算使用了多种币种（${list}），总额无法核对。请统一币种，或在花费说明中写明汇率口径。`,
        en: `The budget mixes currencies (${list}), so its total cannot be checked. Use one currency or explain the exchange rates in the notes.`,
      }),
    ];
  },
};

/** Money that belongs to no phase cannot be planned or released in time. */
export const budgetMappedToPhases: ReviewRule = {
  id: 'budget-mapped-to-phases',
  severity: 'warning',
  description: {
    'zh-CN': '每项预算都对应到计划中的某个阶段。',
    en: 'Every budget line is mapped to one of the plan’s phases.',
  },
  check({ plan, template }) {
    const phaseFields = typedFieldsWithRole(plan, template, 'phases', 'phases');
    if (phaseFields.length === 0) return [];
    const phaseIds = new Set(phaseFields.flatMap((f) => (f.value ?? []).map((p) => p.id)));
    return typedFieldsWithRole(plan, template, 'budget', 'budget_lines').flatMap((at) =>
      (at.value ?? [])
        .filter((line) => line.phaseId === undefined || !phaseIds.has(line.phaseId))
        .map((line) =>
          findingAt(
            budgetMappedToPhases,
            at,
            line.phaseId === undefined
              ? {
                  'zh-CN': `预算项「${line.item}」没有对应的阶段：写明它在哪个阶段花出去。`,
                  en: `Budget line "${line.item}" is not mapped to a phase: say in which phase it is spent.`,
                }
              : {
                  'zh-CN': `预算项「${line.item}」对应的阶段「${line.phaseId}」不存在。`,
                  en: `Budget line "${line.item}" points at phase "${line.phaseId}", which does not exist.`,
                },
            { rowId: line.id },
          ),
        ),
    );
  },
};
