import { z } from 'zod';
import { NUMBER_ABS_MAX, RowIdSchema, SlackUserIdSchema } from '../domain/fieldTypes.js';
import type { KpiThresholds } from '../domain/kpi/index.js';
import type { WorkspaceKey } from './workspaceKey.js';

/**
 * KPI check-in data: what each round asked, who answered what, where its digest was posted, and the
 * values themselves as a bounded time series per KPI. Authorization is the caller's job.
 *
 * The series holds only (time, round period, value) so that it stays compact (well under 50 KB per
 * plan-year for 10 weekly KPIs); comments and confidence live with the round, which expires.
 */

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** A reported KPI value as Slack's number_input and the plan's own numbers allow. */
export const KpiValueSchema = z
  .number()
  .refine(Number.isFinite, { error: 'not a finite number' })
  .refine((n) => Math.abs(n) <= NUMBER_ABS_MAX, { error: 'number too large' });

export const CHECKIN_COMMENT_MAX = 500;

/** Round ids and period keys end up inside Redis keys and button values: a safe, short alphabet. */
export const ROUND_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:+~-]{0,119}$/;
const RoundKeySchema = z.string().regex(ROUND_KEY_PATTERN, { error: 'not a round key' });

export const CheckinRoundSchema = z.strictObject({
  roundId: RoundKeySchema,
  planId: z.string().min(1).max(64),
  /** The published version the round asks about (targets, deadlines, owners). */
  version: z.int().min(1),
  periodKey: RoundKeySchema,
  openedAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  /** Every KPI of the round, in plan order, owned or not. */
  kpiIds: z.array(RowIdSchema).max(50),
  /** Who is asked, and for which KPIs. */
  owners: z.record(SlackUserIdSchema, z.array(RowIdSchema).max(50)),
  trigger: z.enum(['schedule', 'on_demand']),
});
export type CheckinRound = z.infer<typeof CheckinRoundSchema>;

export const CheckinAnswerSchema = z.strictObject({
  userId: SlackUserIdSchema,
  at: z.coerce.date(),
  values: z.record(RowIdSchema, KpiValueSchema),
  comment: z.string().max(CHECKIN_COMMENT_MAX).optional(),
  confidence: ConfidenceSchema.optional(),
});
export type CheckinAnswer = z.infer<typeof CheckinAnswerSchema>;

export const DigestRefSchema = z.strictObject({
  channel: z.string().min(1),
  ts: z.string().min(1),
  /** When it was posted (the job's clock): answers after it are late and say so. */
  postedAt: z.coerce.date().optional(),
  /** The round revision the message shows; an update is only needed when answers moved past it. */
  revision: z.int().min(0).optional(),
});
export type DigestRef = z.infer<typeof DigestRefSchema>;

export interface CheckinRoundState {
  round: CheckinRound;
  /** By user id. */
  answers: Record<string, CheckinAnswer>;
  digest?: DigestRef;
  /** Grows with every answer: a digest rendered from an older revision is stale. */
  revision: number;
}

export interface KpiReading {
  value: number;
  at: Date;
  /** The period of the round it was reported in. */
  periodKey: string;
}

export type DigestClaim =
  | { state: 'claimed' }
  | { state: 'posted'; digest: DigestRef }
  /** Another replica is posting it right now (its lease is live). */
  | { state: 'busy' };

export interface KpiValuesStore {
  /** Creates the round once; a second open (another replica, a re-run) returns the first one. */
  openRound(ws: WorkspaceKey, round: CheckinRound): Promise<CheckinRound>;
  getRound(ws: WorkspaceKey, planId: string, roundId: string): Promise<CheckinRoundState | null>;
  /**
   * Stores an owner's answer and appends its values to each KPI's series (a second answer in the
   * same round replaces the first, in the series too). Null when the round is unknown or expired.
   */
  recordAnswer(
    ws: WorkspaceKey,
    planId: string,
    roundId: string,
    answer: CheckinAnswer,
  ): Promise<{ revision: number } | null>;
  /** Exactly one caller may post a round's digest; a lease lets another finish if it dies. */
  claimDigest(
    ws: WorkspaceKey,
    planId: string,
    roundId: string,
    claim: { token: string; nowMs: number; leaseMs: number },
  ): Promise<DigestClaim>;
  attachDigest(ws: WorkspaceKey, planId: string, roundId: string, digest: DigestRef): Promise<void>;
  /** A KPI's readings, newest first. */
  history(ws: WorkspaceKey, planId: string, kpiId: string, limit: number): Promise<KpiReading[]>;
  /** The owner's status thresholds for the plan's KPIs; empty means the defaults. */
  getThresholds(ws: WorkspaceKey, planId: string): Promise<Partial<KpiThresholds>>;
  setThresholds(ws: WorkspaceKey, planId: string, thresholds: KpiThresholds): Promise<void>;
}
