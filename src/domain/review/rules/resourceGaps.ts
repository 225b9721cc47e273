import { typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/** A resource we need but have no way to get turns into a blocked strategy. */
export const resourceGaps: ReviewRule = {
  id: 'resource-gaps',
  severity: 'warning',
  description: {
    'zh-CN': '每个资源缺口（需要）都写明了来源和获取方式。',
    en: 'Every resource gap (need) has a source and a way to obtain it.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    for (const at of typedFieldsWithRole(plan, template, 'resources', 'resources')) {
      for (const resource of at.value ?? []) {
        if (resource.status !== 'need') continue;
        const noSource = !resource.source?.trim();
        const noWay = !resource.howToObtain?.trim();
        if (!noSource && !noWay) continue;
        const missing = {
          'zh-CN': [noSource && '来源', noWay && '获取方式'].filter(Boolean).join('和'),
          en: [noSource && 'source', noWay && 'way to obtain it'].filter(Boolean).join(' and no '),
        };
        findings.push(
          findingAt(
            resourceGaps,
            at,
            {
              'zh-CN': `缺口资源「${resource.item}」没有写${missing['zh-CN']}：谁提供、何时、如何获得？`,
              en: `The resource gap "${resource.item}" has no ${missing.en}: who provides it, when, and how?`,
            },
            { rowId: resource.id },
          ),
        );
      }
    }
    return findings;
  },
};
