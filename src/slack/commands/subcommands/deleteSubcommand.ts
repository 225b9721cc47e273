import type { BrowseDeps } from '../../listeners/browse/browseDeps.js';
import { deleteConfirmView } from '../../listeners/browse/planViews.js';
import { resolvePlanRef } from '../../listeners/browse/resolvePlanRef.js';
import { browseTexts, localeOfMessages } from '../../ui/browse/browseTexts.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan delete <plan>`: asks for confirmation in a modal; the submission deletes. */
export function createDeleteSubcommand(deps: Pick<BrowseDeps, 'drafts'>): Subcommand {
  return {
    name: 'delete',
    aliases: ['删除'],
    describe: (m) => browseTexts(localeOfMessages(m)).subcommands.delete,
    async run(ctx) {
      const record = await resolvePlanRef(ctx, deps, 'delete');
      if (!record) return;
      // Answer Slack now: the trigger stays valid for the modal, and a slow views.open cannot
      // push the command past its 3 seconds.
      await ctx.ack();
      await openView(ctx.client, {
        trigger_id: ctx.command.trigger_id,
        view: deleteConfirmView(record, ctx.locale, false),
      });
    },
  };
}
