import type { WorkspaceKey } from '../workspaceKey.js';
import { workspacePrefix } from './draftKeys.js';

/**
 * Redis key layout of KPI check-ins (same workspace hash tag as drafts and published plans, so a
 * script may touch a round and its KPIs' series together, in one Cluster slot).
 *
 *   opsplan:{<ws>}:plan:<id>:checkin:<roundId>   HASH  meta → round JSON (HSETNX, first open wins);
 *                                                      ans:<userId> → answer JSON; rev → counter;
 *                                                      digestClaim → "<leaseUntilMs>:<token>" until
 *                                                      digest → {channel, ts, postedAt, revision}
 *                                                      replaces it. Compact JSON: checkinRoundCodec.ts
 *                                                      (older rounds also hold val:<kpiId> → series
 *                                                      member). TTL: ROUND_TTL_MS.
 *   opsplan:{<ws>}:plan:<id>:kpi:<kpiId>         ZSET  "<periodKey>|<value>" scored by report time
 *                                                      (ms); capped at SERIES_MAX newest; no TTL.
 *   opsplan:{<ws>}:plan:<id>:kpi-thresholds      STRING the owner's status thresholds (JSON); no TTL.
 */

/** Late answers are accepted as long as the round exists: about a quarter, then it expires. */
export const ROUND_TTL_MS = 120 * 24 * 60 * 60 * 1000;
/** About ten years of weekly check-ins per KPI. */
export const SERIES_MAX = 520;

export function checkinRoundKey(ws: WorkspaceKey, planId: string, roundId: string): string {
  return `${workspacePrefix(ws)}plan:${planId}:checkin:${roundId}`;
}

export function kpiSeriesKey(ws: WorkspaceKey, planId: string, kpiId: string): string {
  return `${workspacePrefix(ws)}plan:${planId}:kpi:${kpiId}`;
}

export function kpiThresholdsKey(ws: WorkspaceKey, planId: string): string {
  return `${workspacePrefix(ws)}plan:${planId}:kpi-thresholds`;
}
