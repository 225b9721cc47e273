export type { JobContext, JobHandler, JobKind, JobTools } from './contract.js';
export {
  createSchedulerEngine,
  DEFAULT_ENGINE_SETTINGS,
  type SchedulerEngine,
  type SchedulerEngineDeps,
  type SchedulerEngineSettings,
  type SyncInput,
  type TriggerResult,
} from './createSchedulerEngine.js';
export { onDemandPeriodKey } from './onDemand.js';
export { PLAN_TARGET, planKpis, planSchedules } from './planSchedules.js';
