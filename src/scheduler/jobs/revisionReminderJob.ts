import { isoDateInTimeZone } from '../../domain/dates.js';
import { duePhases } from '../../services/checkins/duePhases.js';
import { assessKpi } from '../../services/checkins/kpiAssessment.js';
import { loadPublishedPlan } from '../../services/checkins/publishedPlan.js';
import { planTimeZone, type ScheduleJobDeps } from '../../services/checkins/scheduleJobDeps.js';
import { reminderMessage } from '../../slack/ui/schedule/reminderMessage.js';
import type { JobHandler } from '../engine/contract.js';

/**
 * The revision reminder in the plan's channel, in the plan's language: how each KPI stands (latest
 * reported value against the line at this date), phases due or overdue, what the stage suggests
 * revisiting, and a Revise button. Posted exactly once per occurrence.
 */
export function revisionReminderJob(deps: ScheduleJobDeps): JobHandler {
  return {
    kind: 'revision_reminder',
    async run(ctx, tools) {
      const log = deps.logger.child({ job: 'revision_reminder', ws: ctx.ws, planId: ctx.planId });
      const plan = await loadPublishedPlan(deps, ctx.ws, ctx.planId);
      if (!plan?.channel) {
        log.log('info', 'reminder skipped: plan not published to a channel');
        return;
      }
      const settings = await deps.settingsOf(ctx.ws, ctx.planId);
      const timeZone = planTimeZone(settings, plan.plan.meta.timezone);
      const { meta } = plan.plan;
      const clock = {
        planStart: meta.period.start,
        planEnd: meta.period.end,
        at: ctx.now,
        timeZone,
      };
      const thresholds = await deps.values.getThresholds(ctx.ws, ctx.planId);
      const kpis = [];
      for (const kpi of plan.kpis) {
        const [latest, previous] = await deps.values.history(ctx.ws, ctx.planId, kpi.id, 2);
        const row = assessKpi(kpi, latest?.value, previous?.value, clock, thresholds);
        kpis.push({ row, ...(kpi.owner ? { ownerId: kpi.owner } : {}) });
      }
      const message = reminderMessage({
        planId: ctx.planId,
        title: plan.version.title,
        version: plan.version.version,
        stage: meta.stage,
        late: ctx.late,
        kpis,
        phases: duePhases(plan.phases, isoDateInTimeZone(ctx.now, timeZone)),
        locale: meta.language,
      });
      const channel = plan.channel;
      const posted = await tools.once('post', async () => {
        const result = await tools.postMessage({ channel, ...message });
        return { channel: result.channel, ts: result.ts };
      });
      log.log('info', 'revision reminder posted', {
        ts: posted.ts,
        late: ctx.late,
        trigger: ctx.trigger,
      });
    },
  };
}
