import { isEmptyValue } from '../../fieldTypes.js';
import { fieldsForStage } from '../../template.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/**
 * The vision and the KPIs have their own rule with a better explanation, so they
 * are not reported twice.
 */
const ROLES_WITH_OWN_RULE = new Set<string>(['vision', 'kpis']);

/** Required fields the plan's stage asks for are answered. */
export const requiredFields: ReviewRule = {
  id: 'required-fields',
  severity: 'error',
  description: {
    'zh-CN': '本阶段需要填写的必填项都已填写。',
    en: 'Every required field asked for at the plan’s stage is answered.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    for (const section of template.sections) {
      for (const field of fieldsForStage(section, plan.meta.stage)) {
        if (!field.required || (field.role && ROLES_WITH_OWN_RULE.has(field.role))) continue;
        if (!isEmptyValue(plan.sections[section.id]?.[field.id])) continue;
        findings.push(
          findingAt(
            requiredFields,
            { sectionId: section.id, fieldId: field.id },
            {
              'zh-CN': `「${section.title['zh-CN']}」中的必填项「${field.label['zh-CN']}」尚未填写。`,
              en: `The required field "${field.label.en}" in "${section.title.en}" is empty.`,
            },
          ),
        );
      }
    }
    return findings;
  },
};
