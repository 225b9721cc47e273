import { typedFieldsWithRole } from '../../planFields.js';
import type { FieldRole } from '../../template.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

const PRIORITISED_ROLES: FieldRole[] = ['strategyModules', 'systemRequirements'];

/** Strategy modules and system requirements each carry a priority. */
export const itemsPrioritised: ReviewRule = {
  id: 'items-prioritised',
  severity: 'warning',
  description: {
    'zh-CN': '每个策略模块和系统需求都标明了优先级（P0/P1/P2）。',
    en: 'Every strategy module and system requirement has a priority (P0/P1/P2).',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    for (const role of PRIORITISED_ROLES) {
      for (const at of typedFieldsWithRole(plan, template, role, 'prioritised_items')) {
        for (const item of at.value ?? []) {
          if (item.priority) continue;
          findings.push(
            findingAt(
              itemsPrioritised,
              at,
              {
                'zh-CN': `「${item.title}」没有优先级。请标为 P0（不做就失败）、P1（本期应做）或 P2（有余力再做）。`,
                en: `"${item.title}" has no priority. Mark it P0 (the plan fails without it), P1 (should be done this period) or P2 (if time allows).`,
              },
              { rowId: item.id },
            ),
          );
        }
      }
    }
    return findings;
  },
};

/** When everything is P0, nothing is: priorities only help if they discriminate. */
export const prioritiesDiscriminate: ReviewRule = {
  id: 'priorities-discriminate',
  severity: 'tip',
  description: {
    'zh-CN': '优先级有区分度：三项以上时不全是 P0。',
    en: 'Priorities discriminate: with three or more items, not all of them are P0.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    for (const role of PRIORITISED_ROLES) {
      for (const at of typedFieldsWithRole(plan, template, role, 'prioritised_items')) {
        const items = at.value ?? [];
        if (items.length < 3 || !items.every((i) => i.priority === 'P0')) continue;
        findings.push(
          findingAt(prioritiesDiscriminate, at, {
            'zh-CN': `「${at.field.label['zh-CN']}」中 ${items.length} 项全是 P0：全部优先等于没有优先。挑出真正不做就失败的几项。`,
            en: `All ${items.length} items in "${at.field.label.en}" are P0: if everything is a priority, nothing is. Keep P0 for what the plan cannot succeed without.`,
          }),
        );
      }
    }
    return findings;
  },
};
