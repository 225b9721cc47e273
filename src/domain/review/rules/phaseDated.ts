import { isWithin } from '../../dates.js';
import { typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/** Every phase has dates, in order, inside the plan period. */
export const phaseDated: ReviewRule = {
  id: 'phase-dated',
  severity: 'error',
  description: {
    'zh-CN': '每个阶段都有起止日期，结束不早于开始，且在计划周期内。',
    en: 'Every phase has a start and an end, ends no earlier than it starts, and lies inside the plan period.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    const { period } = plan.meta;
    for (const at of typedFieldsWithRole(plan, template, 'phases', 'phases')) {
      for (const phase of at.value ?? []) {
        const row = { rowId: phase.id };
        if (phase.start === undefined || phase.end === undefined) {
          findings.push(
            findingAt(
              phaseDated,
              at,
              {
                'zh-CN': `阶段「${phase.name}」缺少开始或结束日期。`,
                en: `Phase "${phase.name}" has no start or no end date.`,
              },
              row,
            ),
          );
          continue;
        }
        if (phase.end < phase.start) {
          findings.push(
            findingAt(
              phaseDated,
              at,
              {
                'zh-CN': `阶段「${phase.name}」的结束日期 ${phase.end} 早于开始日期 ${phase.start}。`,
                en: `Phase "${phase.name}" ends ${phase.end}, before it starts ${phase.start}.`,
              },
              row,
            ),
          );
          continue;
        }
        if (!isWithin(phase.start, period) || !isWithin(phase.end, period)) {
          findings.push(
            findingAt(
              phaseDated,
              at,
              {
                'zh-CN': `阶段「${phase.name}」（${phase.start} 至 ${phase.end}）超出计划周期 ${period.start} 至 ${period.end}。`,
                en: `Phase "${phase.name}" (${phase.start} to ${phase.end}) runs outside the plan period ${period.start} to ${period.end}.`,
              },
              { ...row, severity: 'warning' },
            ),
          );
        }
      }
    }
    return findings;
  },
};
