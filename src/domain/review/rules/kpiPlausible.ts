import { typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/** Growth beyond this multiple of the baseline within one plan period is rarely feasible. */
export const IMPLAUSIBLE_GROWTH_FACTOR = 10;

/** Targets that contradict their direction, or that need a miracle, are probably mistakes. */
export const kpiPlausible: ReviewRule = {
  id: 'kpi-plausible',
  severity: 'warning',
  description: {
    'zh-CN': `KPI 目标可行：与方向一致，且不超过基线的 ${IMPLAUSIBLE_GROWTH_FACTOR} 倍。`,
    en: `KPI targets are feasible: consistent with their direction and at most ${IMPLAUSIBLE_GROWTH_FACTOR}× the baseline.`,
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    const { period } = plan.meta;
    for (const at of typedFieldsWithRole(plan, template, 'kpis', 'kpis')) {
      for (const kpi of at.value ?? []) {
        const { baseline, target, name } = kpi;
        if (baseline === undefined || target === undefined) continue;
        const unit = kpi.unit ? ` ${kpi.unit}` : '';
        const row = { rowId: kpi.id };
        if (
          kpi.direction === 'increase' &&
          baseline > 0 &&
          target > baseline * IMPLAUSIBLE_GROWTH_FACTOR
        ) {
          const factor = Math.round((target / baseline) * 10) / 10;
          findings.push(
            findingAt(
              kpiPlausible,
              at,
              {
                'zh-CN': `KPI「${name}」要在 ${period.start} 至 ${period.end} 内从 ${baseline}${unit} 增长到 ${target}${unit}（${factor} 倍），是否可行？请说明依据或调整目标。`,
                en: `KPI "${name}" must grow from ${baseline}${unit} to ${target}${unit} (${factor}×) between ${period.start} and ${period.end}. Is that feasible? Explain what it rests on, or adjust it.`,
              },
              row,
            ),
          );
        } else if (kpi.direction === 'increase' && target < baseline) {
          findings.push(
            findingAt(
              kpiPlausible,
              at,
              {
                'zh-CN': `KPI「${name}」的方向是提升，但目标 ${target}${unit} 低于基线 ${baseline}${unit}。`,
                en: `KPI "${name}" should increase, but its target ${target}${unit} is below the baseline ${baseline}${unit}.`,
              },
              row,
            ),
          );
        } else if (kpi.direction === 'decrease' && target > baseline) {
          findings.push(
            findingAt(
              kpiPlausible,
              at,
              {
                'zh-CN': `KPI「${name}」的方向是降低，但目标 ${target}${unit} 高于基线 ${baseline}${unit}。`,
                en: `KPI "${name}" should decrease, but its target ${target}${unit} is above the baseline ${baseline}${unit}.`,
              },
              row,
            ),
          );
        }
      }
    }
    return findings;
  },
};
