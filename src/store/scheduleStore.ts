import { z } from 'zod';
import { IsoDateSchema, RowIdSchema } from '../domain/fieldTypes.js';
import { TimeZoneSchema } from '../domain/plan.js';
import { ScheduleRuleSchema, type ScheduleSpec } from '../domain/schedule/index.js';
import type { WorkspaceKey } from './workspaceKey.js';

/**
 * The durable schedule of published plans: what recurs (a revision schedule and one check-in
 * schedule per KPI), what is due when, who is running it (claims with leases), and which steps of
 * each occurrence are done. Key layout and sharding: ./redis/scheduleKeys.ts.
 */

/** One schedule's changes to its default; absent fields keep the plan-wide setting or default. */
export const ScheduleOverrideSchema = z.strictObject({
  rule: ScheduleRuleSchema.optional(),
  timezone: TimeZoneSchema.optional(),
  skipWeekends: z.boolean().optional(),
  paused: z.boolean().optional(),
  snoozeUntil: IsoDateSchema.optional(),
});
export type ScheduleOverride = z.infer<typeof ScheduleOverrideSchema>;

/**
 * What the owner chose in the settings modal. Precedence when computing a spec:
 * per-KPI override → `checkIns` (or `revision`) → plan-wide fields → lifecycle default.
 */
export const PlanScheduleSettingsSchema = z.strictObject({
  /** Default: the plan's timezone (itself the owner's Slack tz, else DEFAULT_TIMEZONE). */
  timezone: TimeZoneSchema.optional(),
  skipWeekends: z.boolean().optional(),
  paused: z.boolean().optional(),
  snoozeUntil: IsoDateSchema.optional(),
  revision: ScheduleOverrideSchema.optional(),
  checkIns: ScheduleOverrideSchema.optional(),
  kpis: z.record(RowIdSchema, ScheduleOverrideSchema).optional(),
  /** How long a check-in round stays open before its digest (hours). */
  checkInWindowHours: z
    .int()
    .min(1)
    .max(24 * 14)
    .optional(),
  updatedBy: z.string().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type PlanScheduleSettings = z.infer<typeof PlanScheduleSettingsSchema>;

export const DEFAULT_CHECK_IN_WINDOW_HOURS = 24;

export interface RecurringScheduleInput {
  kind: string;
  target: string;
  spec: ScheduleSpec;
}

/** A schedule record as read back for a claimed id. */
export type StoredSchedule =
  | {
      type: 'recurring';
      sid: string;
      ws: WorkspaceKey;
      planId: string;
      kind: string;
      target: string;
      spec: ScheduleSpec;
      rev: string;
      createdAt: Date;
      lastDone?: Date;
      /** The occurrence a claim was running when it ended without completing. */
      running?: { periodKey: string; at: Date };
      attempts: number;
    }
  | {
      type: 'one_off';
      sid: string;
      ws: WorkspaceKey;
      planId: string;
      kind: string;
      target: string;
      periodKey: string;
      at: Date;
      trigger: 'schedule' | 'on_demand';
      payload: unknown;
      rev: string;
      createdAt: Date;
      attempts: number;
      finished: boolean;
    };

export interface ClaimRef {
  bucket: number;
  sid: string;
  token: string;
}

/** A held claim and when it should end (renewal) or be due again (release), on the caller's clock. */
export interface ClaimAt {
  sid: string;
  token: string;
  at: Date;
}

export interface OneOffInput {
  kind: string;
  target: string;
  periodKey: string;
  at: Date;
  trigger: 'schedule' | 'on_demand';
  payload?: unknown;
}

export type StepBegin =
  | { state: 'lost' }
  | { state: 'done'; result: unknown }
  /** `retakenFrom`: a previous claim started this step and never recorded it (outcome unknown). */
  | { state: 'acquired'; retakenFrom?: string };

export interface ScheduleOccurrenceRef {
  ws: WorkspaceKey;
  planId: string;
  kind: string;
  target: string;
  periodKey: string;
}

export interface ScheduleStore {
  readonly buckets: number;
  upsertSchedule(
    ws: WorkspaceKey,
    planId: string,
    schedule: RecurringScheduleInput,
    now: Date,
    nextDue: Date | undefined,
  ): Promise<'created' | 'updated' | 'unchanged'>;
  removeSchedule(ws: WorkspaceKey, planId: string, kind: string, target: string): Promise<void>;
  /** The plan's recurring schedules. */
  listPlanSchedules(ws: WorkspaceKey, planId: string): Promise<StoredSchedule[]>;
  /** Adds a one-off job; false when one with the same (plan, kind, target, periodKey) exists. */
  addOneOff(ws: WorkspaceKey, planId: string, job: OneOffInput, now: Date): Promise<boolean>;
  /**
   * Makes an existing one-off waiting for a later time due now; false when there is none, or it
   * is running, finished or already due.
   */
  pullForward(
    ws: WorkspaceKey,
    planId: string,
    job: Pick<OneOffInput, 'kind' | 'target' | 'periodKey'>,
    now: Date,
  ): Promise<boolean>;

  /** Buckets with something due at `now` (one round trip: the commands are pipelined). */
  dueBuckets(now: Date): Promise<number[]>;
  claimDue(
    bucket: number,
    now: Date,
    leaseMs: number,
    limit: number,
    token: string,
  ): Promise<string[]>;
  /** The workspace a schedule id belongs to (ids start with it), without reading the record. */
  workspaceOf(sid: string): WorkspaceKey;
  read(bucket: number, sid: string): Promise<StoredSchedule | null>;
  renewClaim(claim: ClaimRef, until: Date): Promise<boolean>;
  /**
   * Extends many claims of one bucket in one round trip, each to its `at`; returns those of them
   * the caller no longer holds. Keep batches to a few hundred (one script runs them all).
   */
  renewClaims<C extends ClaimAt>(bucket: number, claims: readonly C[]): Promise<C[]>;
  /**
   * Gives claims of one bucket back unrun: each is due again at its `at` and free for any replica.
   * Claims the caller no longer holds are left alone. Returns how many were released.
   */
  releaseClaims(bucket: number, claims: readonly ClaimAt[]): Promise<number>;
  /** Notes the occurrence being run (cleared when the claim completes); false if the claim is lost. */
  markRunning(claim: ClaimRef, occurrence: { periodKey: string; at: Date }): Promise<boolean>;
  completeClaim(
    claim: ClaimRef,
    outcome: {
      lastDone?: Date;
      nextDue?: Date;
      revRead: string;
      now: Date;
      /** Failed attempts so far (absent: the run succeeded, the count resets). */
      attempts?: number;
      /** One-offs: mark finished and keep the record this long (a repeated defer stays a no-op). */
      finishedTtlMs?: number;
    },
  ): Promise<'ok' | 'lost' | 'gone'>;

  beginStep(claim: ClaimRef, occurrence: ScheduleOccurrenceRef, step: string): Promise<StepBegin>;
  completeStep(
    claim: ClaimRef,
    occurrence: ScheduleOccurrenceRef,
    step: string,
    result: unknown,
  ): Promise<void>;
  releaseStep(claim: ClaimRef, occurrence: ScheduleOccurrenceRef, step: string): Promise<void>;

  getSettings(ws: WorkspaceKey, planId: string): Promise<PlanScheduleSettings>;
  saveSettings(ws: WorkspaceKey, planId: string, settings: PlanScheduleSettings): Promise<void>;

  /** Reserves the next send slot of a rate gate shared by all replicas; returns the wait (ms). */
  reserveSlot(ws: WorkspaceKey, gate: string, intervalMs: number): Promise<number>;
  /** Pushes a rate gate back (Retry-After). */
  blockGateUntil(ws: WorkspaceKey, gate: string, until: Date): Promise<void>;
  /**
   * Takes a channel gate (a lock held while one post is in flight): `waitMs` 0 when taken, else
   * how long until it frees (`held`: another post is in flight and may release it sooner). The
   * hold expires after `holdMs` if its holder never releases it.
   */
  acquireGate(
    ws: WorkspaceKey,
    gate: string,
    holdMs: number,
  ): Promise<{ waitMs: number; held: boolean }>;
  /** Releases a channel gate; it is free again at `freeAt`. */
  releaseGate(ws: WorkspaceKey, gate: string, freeAt: Date): Promise<void>;
  /** node-cron's run coordinator: true for the first caller of `key` within `ttlMs`. */
  acquireTick(key: string, ttlMs: number, owner: string): Promise<boolean>;
}
