import type { Plan } from '../../src/domain/plan.js';
import { ScheduleSpecSchema } from '../../src/domain/schedule/index.js';
import type { PublishedStore } from '../../src/store/publishedStore.js';
import type { ScheduleStore } from '../../src/store/scheduleStore.js';
import type { WorkspaceKey } from '../../src/store/workspaceKey.js';
import { kpi, planWith, publish } from '../../test/scheduler/jobs/support/checkinFixtures.js';

/** Published plans with a weekly revision reminder, all due at the same instant. */

/** Fires once a year, at `at` (to the second): the occurrence every seeded plan has due. */
function yearlyAt(at: Date) {
  const expression = [
    at.getUTCSeconds(),
    at.getUTCMinutes(),
    at.getUTCHours(),
    at.getUTCDate(),
    at.getUTCMonth() + 1,
    '*',
  ].join(' ');
  return ScheduleSpecSchema.parse({ rule: { kind: 'cron', expression }, timezone: 'UTC' });
}

/** Many in flight at once: ioredis pipelines them, so seeding 10k plans takes seconds. */
async function inBatches(count: number, one: (i: number) => Promise<unknown>): Promise<void> {
  const inFlight = 200;
  for (let start = 0; start < count; start += inFlight) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + inFlight); i++) batch.push(one(i));
    await Promise.all(batch);
  }
}

/** Plans sharing one channel, so the per-channel pacing shows; every other plan has its own. */
export const PACED_CHANNEL = 'C0PACED0001';
export const PLANS_IN_PACED_CHANNEL = 5;

export interface SeededPlans {
  count: number;
  dueAt: Date;
}

export async function seedDuePlans(options: {
  published: PublishedStore<Plan>;
  schedules: ScheduleStore;
  count: number;
  /** Key prefix of this batch (plans of earlier runs are already done and not due again). */
  run: string;
  /** Plans per workspace: the workspace-wide post gate and the claim buckets follow workspaces. */
  plansPerWorkspace: number;
  /** False: schedules only (enough to time claims; nothing runs them). Default true. */
  publishPlans?: boolean;
}): Promise<SeededPlans> {
  const { published, schedules, count, run, plansPerWorkspace } = options;
  // The plans sharing a channel are in one workspace (a channel id names one workspace's channel).
  const wsOf = (i: number) =>
    (i < PLANS_IN_PACED_CHANNEL
      ? `T0${run}PACED`
      : `T0${run}${String(Math.floor(i / plansPerWorkspace)).padStart(6, '0')}`) as WorkspaceKey;
  if (options.publishPlans !== false) {
    await inBatches(count, async (i) => {
      const channel =
        i < PLANS_IN_PACED_CHANNEL ? PACED_CHANNEL : `C0${run}${String(i).padStart(6, '0')}`;
      const plan = planWith({
        kpis: [kpi('kpi-1', { owner: 'U0KPIOWNER1' }), kpi('kpi-2')],
        channel,
        title: `Plan ${i}`,
      });
      await publish(published, wsOf(i), `plan-${i}`, plan);
    });
  }
  // Due a moment after the last schedule is stored, so every one is on time when the tick comes.
  const now = new Date();
  const dueAt = new Date(Math.ceil(now.getTime() / 1000) * 1000 + 2_000 + count * 0.5);
  const spec = yearlyAt(dueAt);
  await inBatches(count, (i) =>
    schedules.upsertSchedule(
      wsOf(i),
      `plan-${i}`,
      { kind: 'revision_reminder', target: 'plan', spec },
      now,
      dueAt,
    ),
  );
  // Stored after dueAt is still fine: they are due, and on time for a minute (onTimeMs).
  return { count, dueAt };
}
