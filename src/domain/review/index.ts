export { type ReviewOptions, reviewPlan, summarise } from './reviewPlan.js';
export { REVIEW_RULES } from './rules/index.js';
export type {
  Finding,
  FindingLocation,
  ReviewContext,
  ReviewResult,
  ReviewRule,
  ReviewSummary,
  Severity,
} from './types.js';
export { SEVERITIES } from './types.js';
