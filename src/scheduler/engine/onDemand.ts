// The key's format lives with the schedule domain, which also reads it back for the digest.
export { onDemandPeriodKey } from '../../domain/schedule/onDemandPeriod.js';
