import type { Phase } from '../../domain/fieldTypes.js';
import type { DuePhase } from '../../slack/ui/schedule/reminderMessage.js';

/** A phase ending within this many days is "due" in a revision reminder. */
export const PHASE_DUE_WITHIN_DAYS = 7;

/**
 * Phases a revision should look at: those ending within the coming week (due) and those whose end
 * has passed (overdue — the plan records no completion, so the reminder asks). Most urgent first:
 * overdue by most recent end, then due by nearest end. Phases without an end date are not listed.
 */
export function duePhases(phases: readonly Phase[], today: string): DuePhase[] {
  const horizon = addDays(today, PHASE_DUE_WITHIN_DAYS);
  const overdue = phases
    .filter((p) => p.end !== undefined && p.end < today)
    .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))
    .map((phase) => ({ phase, state: 'overdue' as const }));
  const due = phases
    .filter((p) => p.end !== undefined && p.end >= today && p.end <= horizon)
    .sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''))
    .map((phase) => ({ phase, state: 'due' as const }));
  return [...overdue, ...due];
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
