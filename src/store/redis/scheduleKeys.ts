import { createHash } from 'node:crypto';
import { StoreError } from '../errors.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import { workspacePrefix } from './draftKeys.js';

/**
 * Redis key layout of the durable schedule (see also src/store/README.md).
 *
 * Why buckets: the tick must find what is due across every workspace fast (10,000 plans due on
 * one tick claimed in well under 2 s), and a Lua claim may touch one Cluster slot only. A single
 * global due ZSET would be one hot slot; per-workspace due sets would need a scan of every
 * workspace per tick. So each workspace belongs to one of SCHEDULE_BUCKETS buckets (by hash of its
 * key) and all its scheduling state lives in that bucket's slot `{sched:<n>}`: a claim takes up to
 * `limit` due ids of one bucket in one script, and the buckets spread over Cluster masters.
 * Changing SCHEDULE_BUCKETS moves workspaces between buckets: it needs a migration.
 *
 *   opsplan:{sched:<n>}:due                ZSET  sid → due time (ms); while claimed, the lease end
 *   opsplan:{sched:<n>}:claims             HASH  sid → token of the current claim
 *   opsplan:{sched:<n>}:s:<sid>            HASH  ws, planId, kind, target, spec (JSON), rev, createdAt,
 *                                                lastDone (ms), attempts; one-offs: oneOff, at, periodKey,
 *                                                trigger, payload, finished (then a TTL)
 *   opsplan:{sched:<n>}:p:<ws>|<planId>    SET   sids of the plan's recurring schedules
 *   opsplan:{sched:<n>}:o:<occurrence id>  HASH  r:<step> → result JSON, l:<step> → token; TTL
 *
 * In the workspace's own slot (pacing is per workspace and channel):
 *   opsplan:{<ws>}:schedule:settings:<planId>   STRING owner settings (JSON)
 *   opsplan:{<ws>}:pace:<channel or method>     STRING next free send slot (ms); short TTL
 * And one global key per tick for node-cron's run coordinator:
 *   opsplan:{tick}:<task>:<slot ISO>            STRING replica that won the tick; TTL
 *
 * sid: `<ws>|<planId>|<kind>|<target>` (recurring) or `…|<target>@<periodKey>` (one-off). Parts are
 * checked to contain no `|`, `@`, `{`, `}` or whitespace, so ids are unambiguous and hash tags intact.
 */
export const SCHEDULE_BUCKETS = 16;

const PART = /^[^|@{}\s]{1,160}$/;

export function checkIdPart(name: string, value: string): string {
  if (!PART.test(value)) {
    throw new StoreError('invalid_input', `${name} is not a valid schedule id part`, { name });
  }
  return value;
}

export function bucketOf(ws: WorkspaceKey): number {
  return createHash('sha1').update(ws).digest().readUInt32BE(0) % SCHEDULE_BUCKETS;
}

export function bucketPrefix(bucket: number): string {
  return `opsplan:{sched:${bucket}}:`;
}

export interface BucketKeys {
  due: string;
  claims: string;
}

export function bucketKeys(bucket: number): BucketKeys {
  const prefix = bucketPrefix(bucket);
  return { due: `${prefix}due`, claims: `${prefix}claims` };
}

export interface ScheduleIdParts {
  ws: WorkspaceKey;
  planId: string;
  kind: string;
  target: string;
}

export function recurringId(parts: ScheduleIdParts): string {
  return [
    parts.ws,
    checkIdPart('planId', parts.planId),
    checkIdPart('kind', parts.kind),
    checkIdPart('target', parts.target),
  ].join('|');
}

export function oneOffId(parts: ScheduleIdParts, periodKey: string): string {
  return `${recurringId(parts)}@${checkIdPart('periodKey', periodKey)}`;
}

/** Every schedule id starts with its workspace key, which never contains `|`. */
export function workspaceOf(sid: string): WorkspaceKey {
  const end = sid.indexOf('|');
  return (end < 0 ? sid : sid.slice(0, end)) as WorkspaceKey;
}

export function scheduleKey(bucket: number, sid: string): string {
  return `${bucketPrefix(bucket)}s:${sid}`;
}

export function planSetKey(ws: WorkspaceKey, planId: string): string {
  return `${bucketPrefix(bucketOf(ws))}p:${ws}|${checkIdPart('planId', planId)}`;
}

/** One occurrence of (plan, kind, target, periodKey), shared by recurring and one-off runs. */
export function occurrenceKey(parts: ScheduleIdParts, periodKey: string): string {
  return `${bucketPrefix(bucketOf(parts.ws))}o:${oneOffId(parts, periodKey)}`;
}

export function settingsKey(ws: WorkspaceKey, planId: string): string {
  return `${workspacePrefix(ws)}schedule:settings:${checkIdPart('planId', planId)}`;
}

export function paceKey(ws: WorkspaceKey, gate: string): string {
  return `${workspacePrefix(ws)}pace:${checkIdPart('gate', gate)}`;
}

export function tickCoordinatorKey(key: string): string {
  return `opsplan:{tick}:${key}`;
}
