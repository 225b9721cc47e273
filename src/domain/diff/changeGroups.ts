import type { FieldRole } from '../template.js';
import type { FieldChange, PlanChanges } from './planChanges.js';

/** How a change list is grouped for readers, in this order. */
export const CHANGE_GROUPS = ['goals', 'kpis', 'phases', 'strategy', 'budget', 'other'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

const GOAL_ROLES: readonly FieldRole[] = ['vision', 'shortTermGoals', 'nextMilestone'];
const STRATEGY_ROLES: readonly FieldRole[] = [
  'strategyModules',
  'systemRequirements',
  'businessModel',
  'businessModelReview',
  'scope',
];
const BUDGET_ROLES: readonly FieldRole[] = ['budget', 'budgetTotal', 'budgetNotes'];

/** The group a field change belongs to: by role first (what it means), else by its type. */
export function changeGroup(change: FieldChange): ChangeGroup {
  const role = change.role;
  if (role && GOAL_ROLES.includes(role)) return 'goals';
  if (role === 'kpis' || change.type === 'kpis') return 'kpis';
  if (role === 'phases' || change.type === 'phases') return 'phases';
  if (role && BUDGET_ROLES.includes(role)) return 'budget';
  if (change.type === 'budget_lines') return 'budget';
  if ((role && STRATEGY_ROLES.includes(role)) || change.type === 'prioritised_items') {
    return 'strategy';
  }
  return 'other';
}

export interface GroupedFieldChanges {
  group: ChangeGroup;
  fields: FieldChange[];
}

/** Field changes by group, groups in `CHANGE_GROUPS` order, template order kept inside each. */
export function groupFieldChanges(changes: PlanChanges): GroupedFieldChanges[] {
  return CHANGE_GROUPS.map((group) => ({
    group,
    fields: changes.fields.filter((change) => changeGroup(change) === group),
  })).filter((entry) => entry.fields.length > 0);
}
