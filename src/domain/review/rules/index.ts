import type { ReviewRule } from '../types.js';
import {
  budgetItemised,
  budgetMappedToPhases,
  budgetSingleCurrency,
  budgetTotalMatches,
} from './budgetConsistency.js';
import { itemsPrioritised, prioritiesDiscriminate } from './itemsPrioritised.js';
import { kpiPlausible } from './kpiPlausible.js';
import { kpiQuantified } from './kpiQuantified.js';
import { nextMilestone } from './nextMilestone.js';
import { phaseDated } from './phaseDated.js';
import { phaseSuccessCriteria } from './phaseSuccessCriteria.js';
import { requiredFields } from './requiredFields.js';
import { resourceGaps } from './resourceGaps.js';
import {
  declineAftercare,
  declineExit,
  growthBusinessModelReview,
  maturityCompetitors,
  maturityMarketWatch,
  maturityQuarterly,
  startupBusinessModel,
} from './stageFit.js';
import { visionAndKpis } from './visionAndKpis.js';

/** Every review rule, in the order a reader would fix things. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  requiredFields,
  visionAndKpis,
  kpiQuantified,
  kpiPlausible,
  phaseDated,
  phaseSuccessCriteria,
  nextMilestone,
  itemsPrioritised,
  prioritiesDiscriminate,
  resourceGaps,
  budgetItemised,
  budgetTotalMatches,
  budgetSingleCurrency,
  budgetMappedToPhases,
  startupBusinessModel,
  growthBusinessModelReview,
  maturityQuarterly,
  maturityCompetitors,
  maturityMarketWatch,
  declineExit,
  declineAftercare,
];
