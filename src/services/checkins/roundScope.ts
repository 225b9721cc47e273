import type { Kpi } from '../../domain/fieldTypes.js';
import type { Plan } from '../../domain/plan.js';
import type { Template } from '../../domain/template.js';
import { planSchedules } from '../../scheduler/engine/index.js';
import type { PlanScheduleSettings } from '../../store/scheduleStore.js';

/**
 * Which KPIs one check-in round covers.
 *
 * The engine schedules a check-in per KPI (each may override its cadence), but an owner should get
 * ONE DM per round and the channel ONE digest. So a round is every KPI whose check-in schedule is
 * the same as the triggering KPI's: they fire at the same instants. The first of them in plan order
 * leads the round; the others' jobs find they are covered and do nothing. An on-demand run asks
 * every KPI at once, so its round is the whole plan, led by the first KPI.
 */
export type RoundScope =
  | { kind: 'lead'; roundId: string; kpis: Kpi[] }
  /** Another KPI's job runs this round. */
  | { kind: 'covered'; by: string }
  /** The KPI is no longer in the plan (or the template is gone). */
  | { kind: 'unknown_kpi' };

export function roundScope(input: {
  plan: Plan;
  template: Template;
  kpis: readonly Kpi[];
  settings: PlanScheduleSettings;
  target: string;
  periodKey: string;
  trigger: 'schedule' | 'on_demand';
}): RoundScope {
  const { kpis, target, periodKey } = input;
  if (!kpis.some((k) => k.id === target)) return { kind: 'unknown_kpi' };
  let members: Kpi[];
  if (input.trigger === 'on_demand') {
    members = [...kpis];
  } else {
    const specs = new Map(
      planSchedules(input.plan, input.template, input.settings)
        .filter((s) => s.kind === 'kpi_checkin')
        .map((s) => [s.target, JSON.stringify(s.spec)]),
    );
    const mine = specs.get(target);
    members = kpis.filter((k) => specs.get(k.id) === mine);
  }
  const leader = members[0];
  if (!leader) return { kind: 'unknown_kpi' };
  if (leader.id !== target) return { kind: 'covered', by: leader.id };
  return { kind: 'lead', roundId: `${periodKey}~${leader.id}`, kpis: members };
}

/** Owners and the KPIs each is asked about, in plan order; KPIs without an owner ask nobody. */
export function ownersOf(kpis: readonly Kpi[]): Record<string, string[]> {
  const owners: Record<string, string[]> = {};
  for (const kpi of kpis) {
    if (!kpi.owner) continue;
    owners[kpi.owner] ??= [];
    owners[kpi.owner]?.push(kpi.id);
  }
  return owners;
}
