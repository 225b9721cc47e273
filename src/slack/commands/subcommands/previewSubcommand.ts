import type { BrowseDeps } from '../../listeners/browse/browseDeps.js';
import { nowOf, previewView } from '../../listeners/browse/planViews.js';
import { resolvePlanRef } from '../../listeners/browse/resolvePlanRef.js';
import { browseTexts, localeOfMessages } from '../../ui/browse/browseTexts.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan preview <plan>`: the rendered plan and its review findings, in a modal. */
export function createPreviewSubcommand(
  deps: Pick<BrowseDeps, 'drafts' | 'templates' | 'now'>,
): Subcommand {
  return {
    name: 'preview',
    aliases: ['预览'],
    describe: (m) => browseTexts(localeOfMessages(m)).subcommands.preview,
    async run(ctx) {
      const record = await resolvePlanRef(ctx, deps, 'preview');
      if (!record) return;
      // Answer Slack now: the trigger stays valid for the modal, and a slow views.open cannot
      // push the command past its 3 seconds.
      await ctx.ack();
      await openView(ctx.client, {
        trigger_id: ctx.command.trigger_id,
        view: previewView(deps.templates, record, ctx.locale, nowOf(deps)),
      });
    },
  };
}
