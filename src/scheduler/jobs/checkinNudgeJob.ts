import { loadPublishedPlan } from '../../services/checkins/publishedPlan.js';
import { missingOwners } from '../../services/checkins/roundDigest.js';
import { planTimeZone, type ScheduleJobDeps } from '../../services/checkins/scheduleJobDeps.js';
import { dateTime } from '../../slack/ui/browse/timeText.js';
import { checkinNudgeMessage } from '../../slack/ui/schedule/checkinDm.js';
import type { JobHandler } from '../engine/contract.js';

/**
 * The round's single follow-up: a DM to each owner who has not answered, read at the moment it
 * runs, so an owner who answered a minute earlier is never nudged. Each DM exactly once.
 */
export function checkinNudgeJob(deps: ScheduleJobDeps): JobHandler {
  return {
    kind: 'checkin_nudge',
    async run(ctx, tools) {
      const log = deps.logger.child({ job: 'checkin_nudge', ws: ctx.ws, planId: ctx.planId });
      const state = await deps.values.getRound(ctx.ws, ctx.planId, ctx.target);
      if (!state) {
        log.log('info', 'nudge skipped: round expired', { roundId: ctx.target });
        return;
      }
      const plan = await loadPublishedPlan(deps, ctx.ws, ctx.planId, state.round.version);
      if (!plan) return;
      const settings = await deps.settingsOf(ctx.ws, ctx.planId);
      const timeZone = planTimeZone(settings, plan.plan.meta.timezone);
      const missing = missingOwners(state);
      for (const ownerId of missing) {
        await tools.once(`nudge:${ownerId}`, async () => {
          const locale = await deps.localeOfUser(ctx.ws, ownerId);
          const channel = await tools.openDm(ownerId);
          const message = checkinNudgeMessage({
            ref: { planId: ctx.planId, roundId: state.round.roundId },
            title: plan.version.title,
            closesAt: dateTime(state.round.closesAt, locale, timeZone),
            locale,
          });
          const posted = await tools.postMessage({ channel, ...message });
          return { channel: posted.channel, ts: posted.ts };
        });
      }
      log.log('info', 'check-in nudges sent', { roundId: ctx.target, nudged: missing.length });
    },
  };
}
