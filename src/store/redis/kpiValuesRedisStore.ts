import type { Cluster, Redis } from 'ioredis';
import { KpiThresholdsSchema } from '../../domain/kpi/index.js';
import { StoreError } from '../errors.js';
import {
  type CheckinAnswer,
  CheckinAnswerSchema,
  CheckinRoundSchema,
  type DigestClaim,
  DigestRefSchema,
  type KpiReading,
  type KpiValuesStore,
} from '../kpiValuesStore.js';
import {
  answerField,
  check,
  encodeAnswer,
  encodeDigest,
  encodeRoundMeta,
  parseJson,
  parseRoundMeta,
  parseRoundState,
  seriesChanges,
} from './checkinRoundCodec.js';
import {
  checkinRoundKey,
  kpiSeriesKey,
  kpiThresholdsKey,
  ROUND_TTL_MS,
  SERIES_MAX,
} from './kpiValuesKeys.js';
import { ATTACH_DIGEST_LUA, CLAIM_DIGEST_LUA, RECORD_ANSWER_LUA } from './kpiValuesLua.js';

/** Answers racing in one round retry; each attempt loses only to an answer that did land. */
const RECORD_ATTEMPTS = 20;

/** Redis implementation of `KpiValuesStore`; key layout in ./kpiValuesKeys.ts. */
export function createRedisKpiValuesStore(redis: Redis | Cluster): KpiValuesStore {
  return {
    async openRound(ws, round) {
      const valid = CheckinRoundSchema.parse(round);
      const key = checkinRoundKey(ws, valid.planId, valid.roundId);
      // HSETNX: the first replica to open the round fixes its owners and window for everyone.
      const created = await redis.hsetnx(key, 'meta', encodeRoundMeta(valid));
      if (created === 1) {
        await redis.pexpire(key, ROUND_TTL_MS);
        return valid;
      }
      const stored = await redis.hget(key, 'meta');
      return stored ? parseRoundMeta(stored, { ...valid, key }) : valid;
    },

    async getRound(ws, planId, roundId) {
      const key = checkinRoundKey(ws, planId, roundId);
      return parseRoundState(await redis.hgetall(key), { roundId, planId, key });
    },

    async recordAnswer(ws, planId, roundId, answer) {
      const valid: CheckinAnswer = CheckinAnswerSchema.parse(answer);
      const ref = { roundId, planId, key: checkinRoundKey(ws, planId, roundId) };
      for (let attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
        // The members to replace are read from the round's answers; the script writes only if no
        // answer came in between, so two answers at once cannot both keep their old values.
        const fields = await redis.hgetall(ref.key);
        const state = parseRoundState(fields, ref);
        if (!state) return null;
        const changes = seriesChanges(state, valid);
        const keys = [ref.key, ...changes.map((c) => kpiSeriesKey(ws, planId, c.kpiId))];
        const args = [
          fields.rev ?? '0',
          answerField(valid.userId),
          encodeAnswer(valid),
          String(valid.at.getTime()),
          String(SERIES_MAX),
          String(ROUND_TTL_MS),
          ...changes.flatMap((c) => [c.kpiId, c.member ?? '', c.replaced.join('\n')]),
        ];
        const revision = Number(await redis.eval(RECORD_ANSWER_LUA, keys.length, ...keys, ...args));
        if (revision === -1) return null;
        if (revision !== -2) return { revision };
      }
      throw new Error(`check-in round ${roundId} kept changing under the answer`);
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
        return { state: 'posted', digest: check(DigestRefSchema, parseJson(digest, key), { key }) };
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
      await redis.eval(ATTACH_DIGEST_LUA, 1, key, encodeDigest(digest));
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
