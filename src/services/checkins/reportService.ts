import type { Kpi } from '../../domain/fieldTypes.js';
import type {
  CheckinAnswer,
  CheckinRoundState,
  Confidence,
  KpiValuesStore,
} from '../../store/kpiValuesStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import {
  loadPublishedPlan,
  type PublishedPlan,
  type PublishedPlanSource,
} from './publishedPlan.js';
import { everyoneAnswered } from './roundDigest.js';

export interface ReportServiceDeps extends PublishedPlanSource {
  values: KpiValuesStore;
}

export interface RoundRefInput {
  planId: string;
  roundId: string;
}

export type ReportAccess =
  | {
      kind: 'ok';
      state: CheckinRoundState;
      plan: PublishedPlan;
      /** The KPIs this owner answers for in this round, in plan order. */
      kpis: Kpi[];
    }
  /** The round expired, or the version it asked about is gone. */
  | { kind: 'gone' }
  /** The user is not an owner this round asked (a forwarded button, a changed owner). */
  | { kind: 'not_asked' };

/**
 * Who may report in a round: only the owners it asked, for the KPIs it asked them about. The user
 * comes from the verified request; the round reference from a button or modal is only a name.
 */
export async function reportAccess(
  deps: ReportServiceDeps,
  ws: WorkspaceKey,
  userId: string,
  ref: RoundRefInput,
): Promise<ReportAccess> {
  const state = await withStorage(() => deps.values.getRound(ws, ref.planId, ref.roundId));
  if (!state) return { kind: 'gone' };
  const asked = state.round.owners[userId];
  if (!asked || asked.length === 0) return { kind: 'not_asked' };
  const plan = await withStorage(() =>
    loadPublishedPlan(deps, ws, ref.planId, state.round.version),
  );
  if (!plan) return { kind: 'gone' };
  const kpis = plan.kpis.filter((k) => asked.includes(k.id));
  if (kpis.length === 0) return { kind: 'gone' };
  return { kind: 'ok', state, plan, kpis };
}

/** Each KPI's previous reading (before this round), for the modal's "last value". */
export async function lastValues(
  deps: ReportServiceDeps,
  ws: WorkspaceKey,
  access: Extract<ReportAccess, { kind: 'ok' }>,
): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (const kpi of access.kpis) {
    const readings = await withStorage(() =>
      deps.values.history(ws, access.plan.version.planId, kpi.id, 4),
    );
    const previous = readings.find((r) => r.periodKey !== access.state.round.periodKey);
    if (previous) last.set(kpi.id, previous.value);
  }
  return last;
}

export type ReportFollowUp =
  /** The digest is out: rewrite it with this answer. */
  | 'update_digest'
  /** This was the last missing answer before the window closed: post the digest now. */
  | 'post_digest'
  | 'none';

export type ReportOutcome =
  | { kind: 'recorded'; followUp: ReportFollowUp; title: string }
  | Exclude<ReportAccess, { kind: 'ok' }>;

/** Records an owner's answer (late ones too) and says what the digest needs next. */
export async function submitReport(
  deps: ReportServiceDeps,
  ws: WorkspaceKey,
  userId: string,
  ref: RoundRefInput,
  report: { values: Record<string, number>; comment?: string; confidence?: Confidence },
  now: Date,
): Promise<ReportOutcome> {
  const access = await reportAccess(deps, ws, userId, ref);
  if (access.kind !== 'ok') return access;
  const values: Record<string, number> = {};
  for (const kpi of access.kpis) {
    const value = report.values[kpi.id];
    if (value !== undefined) values[kpi.id] = value;
  }
  const answer: CheckinAnswer = {
    userId,
    at: now,
    values,
    ...(report.comment ? { comment: report.comment } : {}),
    ...(report.confidence ? { confidence: report.confidence } : {}),
  };
  const recorded = await withStorage(() =>
    deps.values.recordAnswer(ws, ref.planId, ref.roundId, answer),
  );
  if (!recorded) return { kind: 'gone' };
  const after = await withStorage(() => deps.values.getRound(ws, ref.planId, ref.roundId));
  const title = access.plan.version.title;
  if (!after) return { kind: 'recorded', followUp: 'none', title };
  if (after.digest) return { kind: 'recorded', followUp: 'update_digest', title };
  const open = now < after.round.closesAt;
  return {
    kind: 'recorded',
    followUp: open && everyoneAnswered(after) ? 'post_digest' : 'none',
    title,
  };
}
