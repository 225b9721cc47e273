import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import type { Subcommand, SubcommandContext } from '../../commands/subcommand.js';
import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { scheduleCommandTexts } from '../../ui/schedule/scheduleCommandTexts.js';
import { publishedPlanForCommand } from './planCommandLookup.js';
import type { ScheduleContentDeps } from './scheduleDeps.js';

const NOW_WORDS = new Set(['now', '现在', '立即']);

/**
 * `/opsplan remind <plan> now` and `/opsplan checkin <plan> now`: owner and editors only, through
 * the engine's on-demand path (the same claims, steps and pacing as a scheduled run).
 */
export function createTriggerSubcommand(
  deps: Pick<ScheduleContentDeps, 'drafts' | 'published' | 'engine' | 'logger'>,
  spec: {
    name: 'remind' | 'checkin';
    aliases: readonly string[];
    kind: 'revision_reminder' | 'kpi_checkin';
  },
): Subcommand {
  return {
    name: spec.name,
    aliases: spec.aliases,
    describe: (m) => scheduleCommandTexts(localeOfMessages(m)).subcommands[spec.name],
    async run(ctx: SubcommandContext) {
      const t = scheduleCommandTexts(ctx.locale);
      const usage = t.subcommands[spec.name].usage;
      const last = ctx.args.at(-1)?.toLowerCase();
      const hasNow = last !== undefined && NOW_WORDS.has(last);
      const ref = (hasNow ? ctx.args.slice(0, -1) : ctx.args).join(' ');
      if (ref.trim() !== '' && !hasNow) {
        await ctx.ackWith(buildNoticeMessage(t.missingNow({ usage: escapeMrkdwn(usage) })));
        return;
      }
      const version = await publishedPlanForCommand(ctx, deps, ref, 'editor', usage);
      if (!version) return;
      const ws = workspaceKey(ctx.identity);
      const result = await deps.engine().triggerNow(ws, version.planId, spec.kind);
      const title = escapeMrkdwn(version.title);
      deps.logger.log('info', 'schedule triggered on demand', {
        ws,
        planId: version.planId,
        kind: spec.kind,
        by: ctx.identity.userId,
        state: result.state,
      });
      const text =
        result.state === 'duplicate'
          ? t.duplicate
          : result.state === 'no_schedule'
            ? t.noSchedule({ title })
            : spec.kind === 'revision_reminder'
              ? t.remindStarted({ title })
              : t.checkinStarted({ title });
      await ctx.ackWith(buildNoticeMessage(text));
    },
  };
}
