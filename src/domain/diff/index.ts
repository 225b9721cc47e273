export {
  CHANGE_GROUPS,
  type ChangeGroup,
  changeGroup,
  type GroupedFieldChanges,
  groupFieldChanges,
} from './changeGroups.js';
export { diffPlans, sumBudgetLines } from './diffPlans.js';
export * from './planChanges.js';
export { diffRows, rowColumns } from './rowChanges.js';
