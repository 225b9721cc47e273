import { isWithin } from '../../dates.js';
import { typedFieldsWithRole } from '../../planFields.js';
import { findingAt } from '../finding.js';
import type { Finding, ReviewRule } from '../types.js';

/**
 * A KPI can only be tracked when it has a numeric target, a unit, a deadline
 * inside the plan period and an owner (who receives the check-ins).
 */
export const kpiQuantified: ReviewRule = {
  id: 'kpi-quantified',
  severity: 'error',
  description: {
    'zh-CN': '每个 KPI 都已量化：数值目标、单位、计划周期内的截止日期和负责人。',
    en: 'Every KPI is quantified: a numeric target, a unit, a deadline inside the plan period and an owner.',
  },
  check({ plan, template }) {
    const findings: Finding[] = [];
    const { period } = plan.meta;
    for (const at of typedFieldsWithRole(plan, template, 'kpis', 'kpis')) {
      for (const kpi of at.value ?? []) {
        const row = { rowId: kpi.id };
        const name = kpi.name;
        if (kpi.target === undefined) {
          findings.push(
            findingAt(
              kpiQuantified,
              at,
              {
                'zh-CN': `KPI「${name}」没有数值目标，无法跟踪。`,
                en: `KPI "${name}" has no numeric target, so it cannot be tracked.`,
              },
              row,
            ),
          );
        }
        if (!kpi.unit?.trim()) {
          findings.push(
            findingAt(
              kpiQuantified,
              at,
              {
                'zh-CN': `KPI「${name}」没有单位（如 %、人、元、单）。`,
                en: `KPI "${name}" has no unit (e.g. %, users, CNY, orders).`,
              },
              { ...row, severity: 'warning' },
            ),
          );
        }
        if (kpi.deadline === undefined) {
          findings.push(
            findingAt(
              kpiQuantified,
              at,
              {
                'zh-CN': `KPI「${name}」没有截止日期。`,
                en: `KPI "${name}" has no deadline.`,
              },
              row,
            ),
          );
        } else if (!isWithin(kpi.deadline, period)) {
          findings.push(
            findingAt(
              kpiQuantified,
              at,
              {
                'zh-CN': `KPI「${name}」的截止日期 ${kpi.deadline} 不在计划周期 ${period.start} 至 ${period.end} 内。`,
                en: `KPI "${name}" is due ${kpi.deadline}, outside the plan period ${period.start} to ${period.end}.`,
              },
              row,
            ),
          );
        }
        if (kpi.owner === undefined) {
          findings.push(
            findingAt(
              kpiQuantified,
              at,
              {
                'zh-CN': `KPI「${name}」没有负责人，没人会收到打卡提醒。`,
                en: `KPI "${name}" has no owner, so nobody will be asked to check in.`,
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
