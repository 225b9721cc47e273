import type { KpiThresholds } from '../../domain/kpi/index.js';
import type { Locale } from '../../domain/locale.js';
import { onDemandPeriodTime } from '../../domain/schedule/onDemandPeriod.js';
import { dateTime } from '../../slack/ui/browse/timeText.js';
import type { DigestInput, DigestNote, DigestRow } from '../../slack/ui/schedule/digestMessage.js';
import type { CheckinRoundState, KpiReading } from '../../store/kpiValuesStore.js';
import { assessKpi } from './kpiAssessment.js';
import type { PublishedPlan } from './publishedPlan.js';

/** Who was asked and has not answered, in the order they were asked. */
export function missingOwners(state: CheckinRoundState): string[] {
  return Object.keys(state.round.owners).filter((userId) => !(userId in state.answers));
}

export function everyoneAnswered(state: CheckinRoundState): boolean {
  return Object.keys(state.round.owners).length > 0 && missingOwners(state).length === 0;
}

/**
 * The digest's content for a round: each KPI's answer this round against the version the round
 * asked about, paced at the round's start; the trend against the reading before this round.
 */
export function roundDigestInput(input: {
  state: CheckinRoundState;
  plan: PublishedPlan;
  /** Each KPI's recent readings, newest first (this round's included or not). */
  histories: ReadonlyMap<string, readonly KpiReading[]>;
  timeZone: string;
  thresholds?: Partial<KpiThresholds>;
  updatedAt?: string;
  locale: Locale;
}): DigestInput {
  const { state, plan } = input;
  const { round } = state;
  const answered = new Map<string, number>();
  for (const answer of Object.values(state.answers)) {
    for (const [kpiId, value] of Object.entries(answer.values)) answered.set(kpiId, value);
  }
  const clock = {
    planStart: plan.plan.meta.period.start,
    planEnd: plan.plan.meta.period.end,
    at: round.openedAt,
    timeZone: input.timeZone,
  };
  const rows: DigestRow[] = [];
  for (const kpiId of round.kpiIds) {
    const kpi = plan.kpis.find((k) => k.id === kpiId);
    if (!kpi) continue;
    const previous = input.histories
      .get(kpiId)
      ?.find((r) => r.periodKey !== round.periodKey && r.at < round.openedAt);
    const row = assessKpi(kpi, answered.get(kpiId), previous?.value, clock, input.thresholds);
    rows.push({ row, ...(kpi.owner ? { ownerId: kpi.owner } : {}) });
  }
  const notes: DigestNote[] = Object.values(state.answers)
    .filter((a) => a.comment || a.confidence)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((a) => ({
      userId: a.userId,
      ...(a.comment ? { comment: a.comment } : {}),
      ...(a.confidence ? { confidence: a.confidence } : {}),
    }));
  const askedAt = onDemandPeriodTime(round.periodKey);
  return {
    title: plan.version.title,
    periodKey: round.periodKey,
    ...(askedAt ? { askedAt: dateTime(askedAt, input.locale, input.timeZone) } : {}),
    rows,
    askedOwners: Object.keys(round.owners),
    missingOwners: missingOwners(state),
    notes,
    ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
    locale: input.locale,
  };
}
