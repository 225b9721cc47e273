import { z } from 'zod';
import { StoreError } from '../errors.js';
import {
  type CheckinAnswer,
  CheckinAnswerSchema,
  type CheckinRound,
  CheckinRoundSchema,
  type CheckinRoundState,
  type DigestRef,
  DigestRefSchema,
} from '../kpiValuesStore.js';

/**
 * What a check-in round's hash holds, and how it is read back. A round lives for ROUND_TTL_MS, so
 * every byte here is kept about 18 times per weekly plan: the record leaves out what its key and
 * field names already say (round and plan id, the answering user), keeps times as epoch ms and
 * names an owner's KPIs by their place in `kpiIds`. Reads go through the store's zod schemas and
 * still accept the older, fuller JSON (rounds written before this layout live until their TTL ends).
 */

const ANSWER_FIELD = 'ans:';

export interface RoundRef {
  roundId: string;
  planId: string;
  key: string;
}

export function encodeRoundMeta(round: CheckinRound): string {
  const { roundId: _roundId, planId: _planId, openedAt, closesAt, owners, ...rest } = round;
  const place = (kpiId: string) => {
    const index = round.kpiIds.indexOf(kpiId);
    return index < 0 ? kpiId : index;
  };
  return JSON.stringify({
    ...rest,
    openedAt: openedAt.getTime(),
    closesAt: closesAt.getTime(),
    owners: Object.fromEntries(Object.entries(owners).map(([id, kpis]) => [id, kpis.map(place)])),
  });
}

/** An owner's KPIs as stored: a place in `kpiIds`, or the id itself (older records, or not listed). */
const StoredOwners = z.record(z.string(), z.array(z.union([z.int().min(0), z.string()])));

export function parseRoundMeta(raw: string, ref: RoundRef): CheckinRound {
  const stored = parseJson(raw, ref.key);
  const kpiIds = Array.isArray(stored.kpiIds) ? stored.kpiIds : [];
  const owners = StoredOwners.safeParse(stored.owners);
  const byId = (kpi: number | string) => (typeof kpi === 'number' ? kpiIds[kpi] : kpi);
  // Older records carry their own ids; they are the key's anyway.
  return check(
    CheckinRoundSchema,
    {
      roundId: ref.roundId,
      planId: ref.planId,
      ...stored,
      ...(owners.success
        ? {
            owners: Object.fromEntries(
              Object.entries(owners.data).map(([id, kpis]) => [id, kpis.map(byId)]),
            ),
          }
        : {}),
    },
    ref,
  );
}

export function encodeDigest(digest: DigestRef): string {
  const { postedAt, ...rest } = DigestRefSchema.parse(digest);
  return JSON.stringify({ ...rest, ...(postedAt ? { postedAt: postedAt.getTime() } : {}) });
}

export function answerField(userId: string): string {
  return `${ANSWER_FIELD}${userId}`;
}

export function encodeAnswer(answer: CheckinAnswer): string {
  const { userId: _userId, at, ...rest } = answer;
  return JSON.stringify({ at: at.getTime(), ...rest });
}

function parseAnswer(field: string, raw: string, ref: RoundRef): CheckinAnswer {
  const stored = parseJson(raw, ref.key);
  // An older record names its user itself; a forged one fails the schema either way.
  return check(CheckinAnswerSchema, { userId: field.slice(ANSWER_FIELD.length), ...stored }, ref);
}

/** The round as `getRound` returns it, from the whole hash; null when it has no meta (gone). */
export function parseRoundState(
  fields: Record<string, string>,
  ref: RoundRef,
): CheckinRoundState | null {
  if (!fields.meta) return null;
  const state: CheckinRoundState = {
    round: parseRoundMeta(fields.meta, ref),
    answers: {},
    revision: Number(fields.rev ?? 0),
  };
  for (const [field, raw] of Object.entries(fields)) {
    if (!field.startsWith(ANSWER_FIELD)) continue;
    const answer = parseAnswer(field, raw, ref);
    state.answers[answer.userId] = answer;
  }
  if (fields.digest) state.digest = check(DigestRefSchema, parseJson(fields.digest, ref.key), ref);
  return state;
}

/** The KPI series member of one reported value. Exact: a replaced answer removes it by this text. */
export function seriesMember(periodKey: string, value: number): string {
  return `${periodKey}|${value}`;
}

/** How an answer changes one KPI's series: the member it adds (if any) and those it replaces. */
export interface SeriesChange {
  kpiId: string;
  member?: string;
  replaced: string[];
}

/**
 * A second answer in a round is a correction, not a second reading: each KPI it reports replaces
 * the round's earlier values for that KPI, and a KPI the owner reported before but leaves out now
 * loses the owner's earlier value (unless another answer holds the same one).
 */
export function seriesChanges(state: CheckinRoundState, answer: CheckinAnswer): SeriesChange[] {
  const { periodKey } = state.round;
  const answers = Object.values(state.answers);
  const membersOf = (kpiId: string, from: CheckinAnswer[]) =>
    from.flatMap((a) => {
      const value = a.values[kpiId];
      return value === undefined ? [] : [seriesMember(periodKey, value)];
    });
  const changes: SeriesChange[] = Object.entries(answer.values).map(([kpiId, value]) => ({
    kpiId,
    member: seriesMember(periodKey, value),
    replaced: membersOf(kpiId, answers),
  }));
  const previous = state.answers[answer.userId];
  if (!previous) return changes;
  const others = answers.filter((a) => a !== previous);
  for (const [kpiId, value] of Object.entries(previous.values)) {
    if (kpiId in answer.values) continue;
    const mine = seriesMember(periodKey, value);
    if (!membersOf(kpiId, others).includes(mine)) changes.push({ kpiId, replaced: [mine] });
  }
  return changes;
}

export function parseJson(raw: string, key: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreError('corrupt_record', 'check-in record is not JSON', { key });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StoreError('corrupt_record', 'check-in record is not an object', { key });
  }
  return json as Record<string, unknown>;
}

export function check<T>(schema: z.ZodType<T>, value: unknown, ref: Pick<RoundRef, 'key'>): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('corrupt_record', 'check-in record failed its schema', {
      key: ref.key,
      issues: z.treeifyError(parsed.error),
    });
  }
  return parsed.data;
}
