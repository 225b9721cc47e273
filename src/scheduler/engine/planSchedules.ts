import type { Kpi } from '../../domain/fieldTypes.js';
import type { Plan } from '../../domain/plan.js';
import { typedFieldsWithRole } from '../../domain/planFields.js';
import {
  checkInScheduleFor,
  defaultRevisionSchedule,
  lastExitMilestone,
  type ScheduleSpec,
  ScheduleSpecSchema,
} from '../../domain/schedule/index.js';
import type { Template } from '../../domain/template.js';
import type { PlanScheduleSettings, ScheduleOverride } from '../../store/scheduleStore.js';
import type { JobKind } from './contract.js';

/** The target of a plan's revision reminders (check-ins target a KPI id). */
export const PLAN_TARGET = 'plan';

export interface PlanSchedule {
  kind: Extract<JobKind, 'revision_reminder' | 'kpi_checkin'>;
  target: string;
  spec: ScheduleSpec;
}

/** Every KPI of the plan, once each, in template order. */
export function planKpis(plan: Plan, template: Template): Kpi[] {
  const seen = new Set<string>();
  const kpis: Kpi[] = [];
  for (const field of typedFieldsWithRole(plan, template, 'kpis', 'kpis')) {
    for (const kpi of field.value ?? []) {
      if (seen.has(kpi.id)) continue;
      seen.add(kpi.id);
      kpis.push(kpi);
    }
  }
  return kpis;
}

function applyOverride(spec: ScheduleSpec, override: ScheduleOverride | undefined): ScheduleSpec {
  if (override === undefined) return spec;
  const next: ScheduleSpec = { ...spec };
  if (override.rule !== undefined) next.rule = override.rule;
  if (override.timezone !== undefined) next.timezone = override.timezone;
  if (override.skipWeekends !== undefined) next.skipWeekends = override.skipWeekends;
  if (override.paused !== undefined) next.paused = override.paused;
  if (override.snoozeUntil !== undefined) next.snoozeUntil = override.snoozeUntil;
  return next;
}

/**
 * The schedules a published plan should have: the lifecycle defaults in the plan's timezone,
 * changed by the owner's settings — plan-wide fields first, then the revision or check-in
 * override, then the KPI's own. The result is re-validated, so the store never holds a spec the
 * domain would refuse.
 */
export function planSchedules(
  plan: Plan,
  template: Template,
  settings: PlanScheduleSettings = {},
): PlanSchedule[] {
  const timezone = settings.timezone ?? plan.meta.timezone;
  const planWide: ScheduleOverride = {
    ...(settings.skipWeekends !== undefined ? { skipWeekends: settings.skipWeekends } : {}),
    ...(settings.paused !== undefined ? { paused: settings.paused } : {}),
    ...(settings.snoozeUntil !== undefined ? { snoozeUntil: settings.snoozeUntil } : {}),
  };
  const exit = lastExitMilestone(plan, template);
  const revisionDefault = defaultRevisionSchedule(
    plan,
    timezone,
    exit ? { lastExitMilestone: exit } : {},
  );
  const schedules: PlanSchedule[] = [
    {
      kind: 'revision_reminder',
      target: PLAN_TARGET,
      spec: applyOverride(applyOverride(revisionDefault, planWide), settings.revision),
    },
  ];
  for (const kpi of planKpis(plan, template)) {
    const base = applyOverride(checkInScheduleFor(kpi, plan, timezone), planWide);
    const spec = applyOverride(applyOverride(base, settings.checkIns), settings.kpis?.[kpi.id]);
    schedules.push({ kind: 'kpi_checkin', target: kpi.id, spec });
  }
  return schedules.map((s) => ({ ...s, spec: ScheduleSpecSchema.parse(s.spec) }));
}
