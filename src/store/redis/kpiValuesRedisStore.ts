import type { Cluster, Redis } from 'ioredis';
import { z } from 'zod';
import { KpiThresholdsSchema } from '../../domain/kpi/index.js';
import { StoreError } from '../errors.js';
import {
  type CheckinAnswer,
  CheckinAnswerSchema,
  CheckinRoundSchema,
  type CheckinRoundState,
  type DigestClaim,
  DigestRefSchema,
  type KpiReading,
  type KpiValuesStore,
} from '../kpiValuesStore.js';
import {
  checkinRoundKey,
  kpiSeriesKey,
  kpiThresholdsKey,
  ROUND_TTL_MS,
  SERIES_MAX,
} from './kpiValuesKeys.js';
import { CLAIM_DIGEST_LUA, RECORD_ANSWER_LUA } from './kpiValuesLua.js';

/** Redis implementation of `KpiValuesStore`; key layout in ./kpiValuesKeys.ts. */
export function createRedisKpiValuesStore(redis: Redis | Cluster): KpiValuesStore {
  return {
    async openRound(ws, round) {
      const valid = CheckinRoundSchema.parse(round);
      const key = checkinRoundKey(ws, valid.planId, valid.roundId);
      // HSETNX: the first replica to open the round fixes its owners and window for everyone.
      const created = await redis.hsetnx(key, 'meta', JSON.stringify(valid));
      if (created === 1) {
        await redis.pexpire(key, ROUND_TTL_MS);
        return valid;
      }
      const stored = await redis.hget(key, 'meta');
      return stored ? parseJson(CheckinRoundSchema, stored, key) : valid;
    },

    async getRound(ws, planId, roundId) {
      const key = checkinRoundKey(ws, planId, roundId);
      const fields = await redis.hgetall(key);
      if (!fields.meta) return null;
      const state: CheckinRoundState = {
        round: parseJson(CheckinRoundSchema, fields.meta, key),
        answers: {},
        revision: Number(fields.rev ?? 0),
      };
      for (const [field, raw] of Object.entries(fields)) {
        if (!field.startsWith('ans:')) continue;
        const answer = parseJson(CheckinAnswerSchema, raw, key);
        state.answers[answer.userId] = answer;
      }
      if (fields.digest) state.digest = parseJson(DigestRefSchema, fields.digest, key);
      return state;
    },

    async recordAnswer(ws, planId, roundId, answer) {
      const valid: CheckinAnswer = CheckinAnswerSchema.parse(answer);
      const roundKey = checkinRoundKey(ws, planId, roundId);
      const round = await redis.hget(roundKey, 'meta');
      if (!round) return null;
      const { periodKey } = parseJson(CheckinRoundSchema, round, roundKey);
      const entries = Object.entries(valid.values);
      const keys = [roundKey, ...entries.map(([kpiId]) => kpiSeriesKey(ws, planId, kpiId))];
      const args = [
        valid.userId,
        JSON.stringify(valid),
        String(valid.at.getTime()),
        String(SERIES_MAX),
        String(ROUND_TTL_MS),
        ...entries.flatMap(([kpiId, value]) => [kpiId, `${periodKey}|${value}`]),
      ];
      const revision = Number(await redis.eval(RECORD_ANSWER_LUA, keys.length, ...keys, ...args));
      return revision < 0 ? null : { revision };
    },

    async claimDigest(ws, planId, roundId, { token, nowMs, leaseMs }): Promise<DigestClaim> {
      const key = checkinRoundKey(ws, planId, roundId);
      const reply = (await redis.eval(
        CLAIM_DIGEST_LUA,
        1,
        key,
        token,
        String(nowMs),
        String(leaseMs),
      )) as string[];
      const [state, digest] = reply;
      if (state === 'posted' && digest) {
        return { state: 'posted', digest: parseJson(DigestRefSchema, digest, key) };
      }
      if (state === 'claimed') return { state: 'claimed' };
      if (state === 'busy') return { state: 'busy' };
      throw new StoreError('invalid_input', 'digest claimed for an unknown round', {
        planId,
        roundId,
      });
    },

    async attachDigest(ws, planId, roundId, digest) {
      const key = checkinRoundKey(ws, planId, roundId);
      await redis.hset(key, 'digest', JSON.stringify(DigestRefSchema.parse(digest)));
    },

    async getThresholds(ws, planId) {
      const raw = await redis.get(kpiThresholdsKey(ws, planId));
      if (raw === null) return {};
      // Unreadable thresholds fall back to the defaults: a status is still worth showing.
      try {
        const parsed = KpiThresholdsSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },

    async setThresholds(ws, planId, thresholds) {
      const valid = KpiThresholdsSchema.parse(thresholds);
      await redis.set(kpiThresholdsKey(ws, planId), JSON.stringify(valid));
    },

    async history(ws, planId, kpiId, limit) {
      const key = kpiSeriesKey(ws, planId, kpiId);
      const raw = await redis.zrevrange(key, 0, Math.max(0, limit - 1), 'WITHSCORES');
      const readings: KpiReading[] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const reading = parseMember(raw[i] ?? '', Number(raw[i + 1]));
        if (reading) readings.push(reading);
      }
      return readings;
    },
  };
}

function parseMember(member: string, at: number): KpiReading | undefined {
  const sep = member.lastIndexOf('|');
  const value = Number(member.slice(sep + 1));
  // A damaged entry is skipped: one bad point must not hide a KPI's whole history.
  if (sep <= 0 || !Number.isFinite(value) || !Number.isFinite(at)) return undefined;
  return { periodKey: member.slice(0, sep), value, at: new Date(at) };
}

function parseJson<T>(schema: z.ZodType<T>, raw: string, key: string): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreError('corrupt_record', 'check-in record is not JSON', { key });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new StoreError('corrupt_record', 'check-in record failed its schema', {
      key,
      issues: z.treeifyError(parsed.error),
    });
  }
  return parsed.data;
}
