import type { Plan } from '../plan.js';
import { typedFieldsWithRole } from '../planFields.js';
import type { Template } from '../template.js';

/**
 * The date of a decline plan's last exit step: the latest dated exit phase, or
 * the exit timing (a date, or the end of a date range). Undefined when the plan
 * dates none; free-text answers carry no date we could trust.
 */
export function lastExitMilestone(plan: Plan, template: Template): string | undefined {
  const dates: string[] = [];
  for (const { value } of typedFieldsWithRole(plan, template, 'exitSteps', 'phases')) {
    for (const phase of value ?? []) {
      if (phase.end) dates.push(phase.end);
      else if (phase.start) dates.push(phase.start);
    }
  }
  for (const { value } of typedFieldsWithRole(plan, template, 'exitTiming', 'date')) {
    if (value) dates.push(value);
  }
  for (const { value } of typedFieldsWithRole(plan, template, 'exitTiming', 'date_range')) {
    if (value) dates.push(value.end);
  }
  return dates.sort().at(-1);
}
