import { isEmptyValue } from '../../fieldTypes.js';
import { fieldsWithRole, typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { ReviewRule } from '../types.js';

/**
 * The team must know what comes next: a written next milestone, or at least a
 * phase that has not ended yet.
 */
export const nextMilestone: ReviewRule = {
  id: 'next-milestone',
  severity: 'warning',
  description: {
    'zh-CN': '下一个里程碑可以识别：写明了下一个里程碑，或至少有一个尚未结束的阶段。',
    en: 'The next milestone is identifiable: it is written down, or at least one phase has not ended yet.',
  },
  check({ plan, template, today }) {
    const written = fieldsWithRole(plan, template, 'nextMilestone');
    const phaseFields = typedFieldsWithRole(plan, template, 'phases', 'phases');
    const anchor = written[0] ?? phaseFields[0];
    if (!anchor) return [];
    if (written.some((f) => !isEmptyValue(f.value))) return [];
    const phases = phaseFields.flatMap((f) => f.value ?? []);
    if (phases.some((p) => p.end !== undefined && p.end >= today)) return [];
    const allPast = phases.length > 0 && phases.every((p) => p.end !== undefined);
    return [
      findingAt(
        nextMilestone,
        anchor,
        allPast
          ? {
              'zh-CN': `所有阶段都已在 ${today} 之前结束，且没有写下一个里程碑。请补充下一步要达成什么。`,
              en: `Every phase ended before ${today} and no next milestone is written. Say what must be achieved next.`,
            }
          : {
              'zh-CN': '看不出下一个里程碑：请写明下一个里程碑的日期和必须达成的结果。',
              en: 'The next milestone cannot be identified: give its date and the results it must achieve.',
            },
      ),
    ];
  },
};
