import type { BrowseDeps } from '../../listeners/browse/browseDeps.js';
import { historyView } from '../../listeners/browse/planViews.js';
import { resolvePlanRef } from '../../listeners/browse/resolvePlanRef.js';
import { browseTexts, localeOfMessages } from '../../ui/browse/browseTexts.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan history <plan>`: the last saves; the owner can restore one. */
export function createHistorySubcommand(deps: Pick<BrowseDeps, 'drafts' | 'now'>): Subcommand {
  return {
    name: 'history',
    aliases: ['历史'],
    describe: (m) => browseTexts(localeOfMessages(m)).subcommands.history,
    async run(ctx) {
      const record = await resolvePlanRef(ctx, deps, 'history');
      if (!record) return;
      const view = await historyView(deps, ctx.identity, record, {
        locale: ctx.locale,
        fromHome: false,
      });
      // Answer Slack now: the trigger stays valid for the modal, and a slow views.open cannot
      // push the command past its 3 seconds.
      await ctx.ack();
      await openView(ctx.client, { trigger_id: ctx.command.trigger_id, view });
    },
  };
}
