import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { RunCoordinator } from 'node-cron';
import type { Plan } from '../../domain/plan.js';
import { nextOccurrence } from '../../domain/schedule/index.js';
import type { Template } from '../../domain/template.js';
import type { AppLogger } from '../../logging/logger.js';
import { createRedisScheduleStore } from '../../store/redis/scheduleRedisStore.js';
import type { RedisConnection } from '../../store/redisConnection.js';
import type { PlanScheduleSettings, ScheduleStore } from '../../store/scheduleStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import type { ScheduledJob } from '../schedulerClock.js';
import { createClaimLoop } from './claimLoop.js';
import { type ClaimRunnerSettings, runClaim } from './claimRunner.js';
import type { JobHandler, JobKind } from './contract.js';
import { onDemandPeriodKey } from './onDemand.js';
import { createPacedSender } from './pacedSender.js';
import { PLAN_TARGET, planSchedules } from './planSchedules.js';
import { createRedisRunCoordinator } from './runCoordinator.js';

export interface SchedulerEngineDeps {
  redis: RedisConnection;
  /** For background sends only: `rejectRateLimitedCalls: true`, `retryConfig: { retries: 0 }`. */
  client: WebClient;
  logger: AppLogger;
  handlers: readonly JobHandler[];
  /** Identifies this replica in claims and logs; default a random id. */
  replicaId?: string;
  settings?: Partial<SchedulerEngineSettings>;
}

export interface SchedulerEngineSettings extends ClaimRunnerSettings {
  /** Schedules claimed (and leases renewed or given back) per script call. */
  batchSize: number;
  /** Jobs running at once; a job waiting for a Slack gate does not count meanwhile. */
  maxConcurrentJobs: number;
  /** Claims held at once, queued or running; beyond it claiming pauses until some end. */
  maxClaimsHeld: number;
  /** Jobs of one workspace running at once. */
  maxJobsPerWorkspace: number;
  /** Minimum gap between two posts to one channel, across all replicas. */
  channelIntervalMs: number;
}

export const DEFAULT_ENGINE_SETTINGS: SchedulerEngineSettings = {
  // Short, and renewed every third of it while a job runs: a dead replica's schedule is taken over
  // within seconds, so even a schedule firing every 2 s has no occurrence skipped by catch-up
  // (at most one late, one on time). Only an event loop stalled this long loses a live claim, and
  // then done steps are still not repeated.
  leaseMs: 4_000,
  graceMs: 12 * 60 * 60 * 1000,
  onTimeMs: 60_000,
  retryDelayMs: 30_000,
  maxAttempts: 5,
  oneOffTtlMs: 30 * 24 * 60 * 60 * 1000,
  batchSize: 200,
  maxConcurrentJobs: 32,
  // A whole 10,000-plan tick claimed at once by one replica. A held claim costs ≈ 0.25–0.6 KB of
  // heap (measured; more when every claim is another workspace) and two Redis operations per
  // renewal (every third of a lease, 200 per script call): at the cap ≤ 6 MB and ≈ 15k operations/s
  // inside Redis while it lasts. Past it, due schedules stay in Redis for this replica's next batch
  // or another replica, so memory stays flat however many plans are due.
  maxClaimsHeld: 10_000,
  // Slack paces a workspace's sends (a post per 200 ms, a DM open per 1.2 s), so more of its jobs
  // at once would only wait on its gates; four keep its gates busy while one job is slow.
  maxJobsPerWorkspace: 4,
  channelIntervalMs: 1200,
};

export interface SyncInput {
  plan: Plan;
  template: Template;
  /** Default: the settings stored for the plan. */
  settings?: PlanScheduleSettings;
  /** Default: the current time. */
  now?: Date;
}

export type TriggerResult =
  /** Queued and started on this replica (it runs off the request path). */
  | { state: 'started'; targets: string[] }
  /** The same command ran within the last minute (or that job is running): nothing was queued. */
  | { state: 'duplicate' }
  /** The plan has no schedule of that kind (never published, or no KPI). */
  | { state: 'no_schedule' };

export interface SchedulerEngine {
  /** Give to the scheduler clock; `run(now)` claims what is due and runs it. */
  tickJob: ScheduledJob;
  /** node-cron's distributed run coordinator (`setRunCoordinator` / `runCoordinator`). */
  runCoordinator: RunCoordinator;
  /** After every publish and settings change: makes the stored schedules match the plan. */
  syncPlanSchedules(ws: WorkspaceKey, planId: string, input: SyncInput): Promise<void>;
  /** Removes every schedule of a plan (e.g. when it is archived). */
  removePlanSchedules(ws: WorkspaceKey, planId: string): Promise<void>;
  /**
   * `/opsplan remind <plan> now` (revision_reminder) and `/opsplan checkin <plan> now`
   * (kpi_checkin; every KPI unless `target`); also "post this round's digest now". The job's
   * period is `now-<UTC minute>`; if a deferred job of that same period waits for later, it is
   * moved to now instead. Authorization is the caller's.
   */
  triggerNow(
    ws: WorkspaceKey,
    planId: string,
    kind: JobKind,
    target?: string,
    now?: Date,
  ): Promise<TriggerResult>;
  getSettings(ws: WorkspaceKey, planId: string): Promise<PlanScheduleSettings>;
  /** Stores the settings; call `syncPlanSchedules` next so the schedules follow them. */
  saveSettings(ws: WorkspaceKey, planId: string, settings: PlanScheduleSettings): Promise<void>;
  readonly store: ScheduleStore;
  /**
   * Stops claiming, gives claims still queued back (due at once, for another replica) and waits
   * for jobs already running to finish.
   */
  stop(): Promise<void>;
}

export function createSchedulerEngine(deps: SchedulerEngineDeps): SchedulerEngine {
  const settings = { ...DEFAULT_ENGINE_SETTINGS, ...deps.settings };
  const replicaId = deps.replicaId ?? randomUUID().slice(0, 8);
  const logger = deps.logger.child({ component: 'scheduler-engine', replica: replicaId });
  const store = createRedisScheduleStore(deps.redis);
  const sender = createPacedSender({
    client: deps.client,
    store,
    logger,
    channelIntervalMs: settings.channelIntervalMs,
  });
  const handlers = new Map(deps.handlers.map((h) => [h.kind, h]));
  const loop = createClaimLoop({
    store,
    logger,
    replicaId,
    leaseMs: settings.leaseMs,
    batchSize: settings.batchSize,
    maxConcurrentJobs: settings.maxConcurrentJobs,
    maxClaimsHeld: settings.maxClaimsHeld,
    maxJobsPerWorkspace: settings.maxJobsPerWorkspace,
    run: (claim, now, waitForGate) =>
      runClaim({ store, sender, logger, handlers, settings }, claim, now, waitForGate),
  });
  let stopped = false;
  const background = new Set<Promise<unknown>>();

  const tickJob: ScheduledJob = {
    name: 'scheduler-engine',
    async run(now) {
      if (stopped) return;
      const started = Date.now();
      const { claimed } = await loop.pass(now);
      if (claimed > 0) {
        logger.log('debug', 'scheduler tick', { claimed, ms: Date.now() - started });
      }
    },
  };

  return {
    tickJob,
    runCoordinator: createRedisRunCoordinator(store, replicaId),
    store,

    async syncPlanSchedules(ws, planId, input) {
      const now = input.now ?? new Date();
      const chosen = input.settings ?? (await store.getSettings(ws, planId));
      const wanted = planSchedules(input.plan, input.template, chosen);
      const existing = await store.listPlanSchedules(ws, planId);
      const keep = new Set(wanted.map((s) => `${s.kind}|${s.target}`));
      for (const old of existing) {
        if (!keep.has(`${old.kind}|${old.target}`)) {
          await store.removeSchedule(ws, planId, old.kind, old.target);
        }
      }
      for (const schedule of wanted) {
        const next = nextOccurrence(schedule.spec, now);
        await store.upsertSchedule(ws, planId, schedule, now, next?.at);
      }
      logger.log('info', 'plan schedules synced', { ws, planId, schedules: wanted.length });
    },

    async removePlanSchedules(ws, planId) {
      for (const old of await store.listPlanSchedules(ws, planId)) {
        await store.removeSchedule(ws, planId, old.kind, old.target);
      }
    },

    async triggerNow(ws, planId, kind, target, now = new Date()) {
      let targets: string[];
      if (target !== undefined) targets = [target];
      else if (kind === 'revision_reminder') targets = [PLAN_TARGET];
      else {
        const schedules = await store.listPlanSchedules(ws, planId);
        targets = schedules.filter((s) => s.kind === kind).map((s) => s.target);
      }
      if (targets.length === 0) return { state: 'no_schedule' };
      const periodKey = onDemandPeriodKey(now);
      const added: string[] = [];
      for (const t of targets) {
        const job = { kind, target: t, periodKey, at: now, trigger: 'on_demand' as const };
        // An existing job of the same period waiting for later (a check-in round's deferred digest,
        // when the round itself was started on demand this minute) is run now instead.
        if (
          (await store.addOneOff(ws, planId, job, now)) ||
          (await store.pullForward(ws, planId, job, now))
        ) {
          added.push(t);
        }
      }
      if (added.length === 0) return { state: 'duplicate' };
      if (!stopped) {
        // Off the request path: the command answers at once, the sends follow at Slack's pace.
        const pass = loop.pass(now).catch((error: unknown) => {
          logger.log('error', 'on-demand run failed', { err: String(error) });
        });
        background.add(pass);
        void pass.finally(() => background.delete(pass));
      }
      return { state: 'started', targets: added };
    },

    getSettings: (ws, planId) => store.getSettings(ws, planId),
    saveSettings: (ws, planId, value) => store.saveSettings(ws, planId, value),

    async stop() {
      stopped = true;
      await loop.stop();
      await Promise.allSettled([...background]);
    },
  };
}
