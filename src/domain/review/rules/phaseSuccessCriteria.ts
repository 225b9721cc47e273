import { typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/** Without success criteria nobody can say whether a phase was reached. */
export const phaseSuccessCriteria: ReviewRule = {
  id: 'phase-success-criteria',
  severity: 'warning',
  description: {
    'zh-CN': '每个阶段都有可判断的成功标准。',
    en: 'Every phase has success criteria that tell whether it was reached.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    for (const at of typedFieldsWithRole(plan, template, 'phases', 'phases')) {
      for (const phase of at.value ?? []) {
        if (phase.successCriteria?.trim()) continue;
        findings.push(
          findingAt(
            phaseSuccessCriteria,
            at,
            {
              'zh-CN': `阶段「${phase.name}」没有成功标准，无法判断是否达成。写一个可检验的结果，如“注册转化率 ≥ 25%”。`,
              en: `Phase "${phase.name}" has no success criteria, so nobody can tell whether it was reached. Give a checkable result, e.g. "sign-up conversion ≥ 25%".`,
            },
            { rowId: phase.id },
          ),
        );
      }
    }
    return findings;
  },
};
