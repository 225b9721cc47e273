import { isEmptyValue } from '../../fieldTypes.js';
import { fieldsWithRole, typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/** "A vision alone is a slogan; KPIs alone are arbitrary": a plan needs both. */
export const visionAndKpis: ReviewRule = {
  id: 'vision-and-kpis',
  severity: 'error',
  description: {
    'zh-CN': '计划同时有长期愿景和短期 KPI：只有愿景是口号，只有 KPI 是拍脑袋。',
    en: 'The plan has both a long-term vision and short-term KPIs: a vision alone is a slogan; KPIs alone are arbitrary.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    const visions = fieldsWithRole(plan, template, 'vision');
    const kpiFields = typedFieldsWithRole(plan, template, 'kpis', 'kpis');
    const [firstVision] = visions;
    if (firstVision && visions.every((f) => isEmptyValue(f.value))) {
      findings.push(
        findingAt(visionAndKpis, firstVision, {
          'zh-CN': '缺少长期愿景：只有 KPI 没有愿景，指标就是拍脑袋定的。写下为谁、做成什么。',
          en: 'No long-term vision: KPIs without a vision are arbitrary. Say for whom and what you will become.',
        }),
      );
    }
    const [firstKpis] = kpiFields;
    if (firstKpis && kpiFields.every((f) => !f.value || f.value.length === 0)) {
      findings.push(
        findingAt(visionAndKpis, firstKpis, {
          'zh-CN': '缺少 KPI：只有愿景没有 KPI，愿景就是口号。至少加一个可量化的短期指标。',
          en: 'No KPIs: a vision without KPIs is a slogan. Add at least one quantified short-term KPI.',
        }),
      );
    }
    return findings;
  },
};
