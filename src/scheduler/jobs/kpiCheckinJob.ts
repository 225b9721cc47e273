import { loadPublishedPlan } from '../../services/checkins/publishedPlan.js';
import { ownersOf, roundScope } from '../../services/checkins/roundScope.js';
import { planTimeZone, type ScheduleJobDeps } from '../../services/checkins/scheduleJobDeps.js';
import { dateTime } from '../../slack/ui/browse/timeText.js';
import { checkinDmMessage } from '../../slack/ui/schedule/checkinDm.js';
import { DEFAULT_CHECK_IN_WINDOW_HOURS } from '../../store/scheduleStore.js';
import type { JobHandler } from '../engine/contract.js';

const HOUR_MS = 60 * 60 * 1000;
/** The nudge goes out at 20/24 of the window: 20 h into the default 24 h. */
const NUDGE_SHARE = 20 / 24;

export function checkinWindowMs(hours: number | undefined): number {
  return (hours ?? DEFAULT_CHECK_IN_WINDOW_HOURS) * HOUR_MS;
}

/**
 * Opens a check-in round: one DM per KPI owner (each exactly once), then the nudge and the digest
 * are deferred to 20/24 of the window and to its close. Follow-ups are deferred before any DM so
 * that one owner Slack refuses to reach cannot leave the round without its digest.
 */
export function kpiCheckinJob(deps: ScheduleJobDeps): JobHandler {
  return {
    kind: 'kpi_checkin',
    async run(ctx, tools) {
      const log = deps.logger.child({ job: 'kpi_checkin', ws: ctx.ws, planId: ctx.planId });
      const plan = await loadPublishedPlan(deps, ctx.ws, ctx.planId);
      if (!plan?.template) {
        log.log('info', 'check-in skipped: plan not published or template gone', {
          target: ctx.target,
        });
        return;
      }
      const settings = await deps.settingsOf(ctx.ws, ctx.planId);
      const scope = roundScope({
        plan: plan.plan,
        template: plan.template,
        kpis: plan.kpis,
        settings,
        target: ctx.target,
        periodKey: ctx.periodKey,
        trigger: ctx.trigger,
      });
      if (scope.kind !== 'lead') {
        log.log('debug', 'check-in covered by another KPI of the round', {
          target: ctx.target,
          scope: scope.kind,
        });
        return;
      }
      const windowMs = checkinWindowMs(settings.checkInWindowHours);
      const round = await deps.values.openRound(ctx.ws, {
        roundId: scope.roundId,
        planId: ctx.planId,
        version: plan.version.version,
        periodKey: ctx.periodKey,
        openedAt: ctx.now,
        closesAt: new Date(ctx.now.getTime() + windowMs),
        kpiIds: scope.kpis.map((k) => k.id),
        owners: ownersOf(scope.kpis),
        trigger: ctx.trigger,
      });
      const followUp = {
        target: round.roundId,
        periodKey: round.periodKey,
        payload: { roundId: round.roundId },
      };
      const span = round.closesAt.getTime() - round.openedAt.getTime();
      await tools.once('defer:nudge', async () => {
        const at = new Date(round.openedAt.getTime() + Math.round(span * NUDGE_SHARE));
        await tools.defer({ kind: 'checkin_nudge', at, ...followUp });
        return true;
      });
      await tools.once('defer:digest', async () => {
        await tools.defer({ kind: 'checkin_digest', at: round.closesAt, ...followUp });
        return true;
      });

      const timeZone = planTimeZone(settings, plan.plan.meta.timezone);
      const failed: string[] = [];
      for (const [ownerId, kpiIds] of Object.entries(round.owners)) {
        try {
          await tools.once(`dm:${ownerId}`, async () => {
            const locale = await deps.localeOfUser(ctx.ws, ownerId);
            const channel = await tools.openDm(ownerId);
            const message = checkinDmMessage({
              ref: { planId: ctx.planId, roundId: round.roundId },
              title: plan.version.title,
              kpiNames: kpiIds.map((id) => plan.kpis.find((k) => k.id === id)?.name ?? id),
              closesAt: dateTime(round.closesAt, locale, timeZone),
              locale,
            });
            const posted = await tools.postMessage({ channel, ...message });
            return { channel: posted.channel, ts: posted.ts };
          });
        } catch (error) {
          failed.push(ownerId);
          log.log('warn', 'check-in DM failed', { ownerId, err: String(error) });
        }
      }
      log.log('info', 'check-in round opened', {
        roundId: round.roundId,
        owners: Object.keys(round.owners).length,
        late: ctx.late,
      });
      // The engine retries the occurrence; DMs already sent are skipped by `once`.
      if (failed.length > 0) throw new Error(`check-in DMs failed for ${failed.length} owner(s)`);
    },
  };
}
