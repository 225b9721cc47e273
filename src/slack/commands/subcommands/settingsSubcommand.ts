import { workspaceKey } from '../../../store/workspaceKey.js';
import { publishedPlanForCommand } from '../../listeners/schedule/planCommandLookup.js';
import type { ScheduleSliceDeps } from '../../listeners/schedule/scheduleDeps.js';
import { openSettingsModal } from '../../listeners/schedule/settingsModalOpener.js';
import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import { scheduleCommandTexts } from '../../ui/schedule/scheduleCommandTexts.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan settings <plan>` (设置): the owner's schedule settings modal for a published plan. */
export function createSettingsSubcommand(
  deps: Pick<
    ScheduleSliceDeps,
    'drafts' | 'published' | 'templates' | 'engine' | 'defaultTimezone' | 'values'
  >,
): Subcommand {
  return {
    name: 'settings',
    aliases: ['设置'],
    describe: (m) => scheduleCommandTexts(localeOfMessages(m)).subcommands.settings,
    async run(ctx) {
      const usage = scheduleCommandTexts(ctx.locale).subcommands.settings.usage;
      const version = await publishedPlanForCommand(ctx, deps, ctx.args.join(' '), 'owner', usage);
      if (!version) return;
      // Answer Slack first: the trigger stays valid for the modal while settings and tz load.
      await ctx.ack();
      await openSettingsModal(deps, {
        client: ctx.client,
        triggerId: ctx.command.trigger_id,
        ws: workspaceKey(ctx.identity),
        version,
        locale: ctx.locale,
      });
    },
  };
}
