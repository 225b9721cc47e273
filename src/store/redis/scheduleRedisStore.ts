import { z } from 'zod';
import type { RedisConnection } from '../redisConnection.js';
import type {
  ClaimAt,
  ClaimRef,
  OneOffInput,
  PlanScheduleSettings,
  RecurringScheduleInput,
  ScheduleOccurrenceRef,
  ScheduleStore,
  StepBegin,
  StoredSchedule,
} from '../scheduleStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import {
  decodeSchedule,
  decodeSettings,
  decodeStepResult,
  encodeSettings,
  encodeStepResult,
} from './scheduleCodec.js';
import {
  bucketKeys,
  bucketOf,
  checkIdPart,
  occurrenceKey,
  oneOffId,
  paceKey,
  planSetKey,
  recurringId,
  SCHEDULE_BUCKETS,
  scheduleKey,
  settingsKey,
  tickCoordinatorKey,
  workspaceOf,
} from './scheduleKeys.js';
import { registerScheduleScripts } from './scheduleScripts.js';

/** Step records outlive any grace window: a taking-over replica must still find them. */
const OCCURRENCE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const StringList = z.array(z.string());
const PositionList = z.array(z.number().int().nonnegative());
const StepReply = z.union([
  z.tuple([z.literal('lost')]),
  z.tuple([z.literal('done'), z.string()]),
  z.tuple([z.literal('acquired'), z.string()]),
]);

const arg = (date: Date | undefined) => (date === undefined ? '' : String(+date));
const leaseArgs = (held: readonly ClaimAt[]) => held.flatMap((c) => [c.sid, c.token, +c.at]);

export function createRedisScheduleStore(redis: RedisConnection): ScheduleStore {
  const scripts = registerScheduleScripts(redis);

  const stepKeys = (claim: ClaimRef, occurrence: ScheduleOccurrenceRef) => {
    return [bucketKeys(claim.bucket).claims, occurrenceKey(occurrence, occurrence.periodKey)];
  };

  const readSchedule = async (bucket: number, sid: string): Promise<StoredSchedule | null> => {
    const hash = await redis.hgetall(scheduleKey(bucket, sid));
    return Object.keys(hash).length === 0 ? null : decodeSchedule(sid, hash);
  };

  return {
    buckets: SCHEDULE_BUCKETS,

    async upsertSchedule(ws, planId, schedule: RecurringScheduleInput, now, nextDue) {
      const bucket = bucketOf(ws);
      const sid = recurringId({ ws, planId, kind: schedule.kind, target: schedule.target });
      const { due, claims } = bucketKeys(bucket);
      const reply = await scripts.opsplanScheduleUpsert(
        [due, claims, scheduleKey(bucket, sid), planSetKey(ws, planId)],
        [
          sid,
          ws,
          planId,
          schedule.kind,
          schedule.target,
          JSON.stringify(schedule.spec),
          +now,
          arg(nextDue),
        ],
      );
      return z.enum(['created', 'updated', 'unchanged']).parse(reply);
    },

    async removeSchedule(ws, planId, kind, target) {
      const bucket = bucketOf(ws);
      const sid = recurringId({ ws, planId, kind, target });
      const { due, claims } = bucketKeys(bucket);
      await scripts.opsplanScheduleRemove(
        [due, claims, scheduleKey(bucket, sid), planSetKey(ws, planId)],
        [sid],
      );
    },

    async listPlanSchedules(ws, planId) {
      const bucket = bucketOf(ws);
      const sids = StringList.parse(await redis.smembers(planSetKey(ws, planId))).sort();
      const records = await Promise.all(sids.map((sid) => readSchedule(bucket, sid)));
      return records.filter((r): r is StoredSchedule => r !== null);
    },

    async addOneOff(ws, planId, job: OneOffInput, now) {
      const bucket = bucketOf(ws);
      const sid = oneOffId({ ws, planId, kind: job.kind, target: job.target }, job.periodKey);
      const reply = await scripts.opsplanScheduleAddOneOff(
        [bucketKeys(bucket).due, scheduleKey(bucket, sid)],
        [
          sid,
          ws,
          planId,
          job.kind,
          job.target,
          job.periodKey,
          +job.at,
          job.trigger,
          job.payload === undefined ? '' : JSON.stringify(job.payload),
          +now,
        ],
      );
      return reply === 1;
    },

    async dueBuckets(now) {
      const buckets = [...Array(SCHEDULE_BUCKETS).keys()];
      const heads = await Promise.all(
        buckets.map((b) => redis.zrangebyscore(bucketKeys(b).due, '-inf', +now, 'LIMIT', 0, 1)),
      );
      return buckets.filter((b) => (heads[b]?.length ?? 0) > 0);
    },

    async pullForward(ws, planId, job, now) {
      const bucket = bucketOf(ws);
      const sid = oneOffId({ ws, planId, kind: job.kind, target: job.target }, job.periodKey);
      const { due, claims } = bucketKeys(bucket);
      const reply = await scripts.opsplanSchedulePullForward(
        [due, claims, scheduleKey(bucket, sid)],
        [sid, +now],
      );
      return reply === 1;
    },

    async claimDue(bucket, now, leaseMs, limit, token) {
      const { due, claims } = bucketKeys(bucket);
      const reply = await scripts.opsplanScheduleClaim(
        [due, claims],
        [+now, leaseMs, limit, token],
      );
      return StringList.parse(reply);
    },

    workspaceOf,

    read: readSchedule,

    async renewClaim(claim, until) {
      const { due, claims } = bucketKeys(claim.bucket);
      return (
        (await scripts.opsplanScheduleRenew([due, claims], [claim.sid, claim.token, +until])) === 1
      );
    },

    async renewClaims<C extends ClaimAt>(bucket: number, held: readonly C[]): Promise<C[]> {
      if (held.length === 0) return [];
      const { due, claims } = bucketKeys(bucket);
      const reply = await scripts.opsplanScheduleRenewMany([due, claims], leaseArgs(held));
      return PositionList.parse(reply).map((i) => {
        const claim = held[i];
        if (claim === undefined) throw new RangeError(`renew answered position ${i}`);
        return claim;
      });
    },

    async releaseClaims(bucket, held) {
      if (held.length === 0) return 0;
      const { due, claims } = bucketKeys(bucket);
      const reply = await scripts.opsplanScheduleReleaseMany([due, claims], leaseArgs(held));
      return z.number().int().nonnegative().parse(reply);
    },

    async markRunning(claim, occurrence) {
      const reply = await scripts.opsplanScheduleMarkRunning(
        [bucketKeys(claim.bucket).claims, scheduleKey(claim.bucket, claim.sid)],
        [
          claim.sid,
          claim.token,
          JSON.stringify({ periodKey: occurrence.periodKey, at: +occurrence.at }),
        ],
      );
      return reply === 1;
    },

    async completeClaim(claim, outcome) {
      const { due, claims } = bucketKeys(claim.bucket);
      const reply = await scripts.opsplanScheduleComplete(
        [due, claims, scheduleKey(claim.bucket, claim.sid)],
        [
          claim.sid,
          claim.token,
          arg(outcome.lastDone),
          arg(outcome.nextDue),
          outcome.revRead,
          +outcome.now,
          outcome.attempts === undefined ? '' : String(outcome.attempts),
          outcome.finishedTtlMs === undefined ? '' : String(outcome.finishedTtlMs),
        ],
      );
      return z.enum(['ok', 'lost', 'gone']).parse(reply);
    },

    async beginStep(claim, occurrence, step): Promise<StepBegin> {
      checkIdPart('step', step);
      const reply = StepReply.parse(
        await scripts.opsplanScheduleBeginStep(stepKeys(claim, occurrence), [
          claim.sid,
          claim.token,
          step,
          OCCURRENCE_TTL_MS,
        ]),
      );
      if (reply[0] === 'lost') return { state: 'lost' };
      if (reply[0] === 'done') return { state: 'done', result: decodeStepResult(reply[1]) };
      return reply[1] === '' ? { state: 'acquired' } : { state: 'acquired', retakenFrom: reply[1] };
    },

    async completeStep(claim, occurrence, step, result) {
      await scripts.opsplanScheduleCompleteStep(
        [occurrenceKey(occurrence, occurrence.periodKey)],
        [step, claim.token, encodeStepResult(result), OCCURRENCE_TTL_MS],
      );
    },

    async releaseStep(claim, occurrence, step) {
      await scripts.opsplanScheduleReleaseStep(
        [occurrenceKey(occurrence, occurrence.periodKey)],
        [step, claim.token],
      );
    },

    async getSettings(ws, planId) {
      return decodeSettings(await redis.get(settingsKey(ws, planId)), { ws, planId });
    },

    async saveSettings(ws: WorkspaceKey, planId: string, settings: PlanScheduleSettings) {
      await redis.set(settingsKey(ws, planId), encodeSettings(settings));
    },

    async reserveSlot(ws, gate, intervalMs) {
      const reply = await scripts.opsplanPaceReserve([paceKey(ws, gate)], [Date.now(), intervalMs]);
      return z.number().int().nonnegative().parse(reply);
    },

    async acquireGate(ws, gate, holdMs) {
      const reply = await scripts.opsplanPaceAcquire([paceKey(ws, gate)], [Date.now(), holdMs]);
      const [waitMs, held] = z
        .tuple([z.number().int().nonnegative(), z.number().int()])
        .parse(reply);
      return { waitMs, held: held === 1 };
    },

    async releaseGate(ws, gate, freeAt) {
      await scripts.opsplanPaceRelease([paceKey(ws, gate)], [Date.now(), +freeAt]);
    },

    async blockGateUntil(ws, gate, until) {
      await scripts.opsplanPaceBlock([paceKey(ws, gate)], [Date.now(), +until]);
    },

    async acquireTick(key, ttlMs, owner) {
      return (await redis.set(tickCoordinatorKey(key), owner, 'PX', ttlMs, 'NX')) === 'OK';
    },
  };
}
