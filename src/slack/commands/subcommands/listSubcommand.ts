import { listPlanOverviews } from '../../../services/browse/planOverview.js';
import type { BrowseDeps } from '../../listeners/browse/browseDeps.js';
import { nowOf } from '../../listeners/browse/planViews.js';
import { reminderLookup } from '../../listeners/browse/reminderLookup.js';
import { browseTexts, localeOfMessages } from '../../ui/browse/browseTexts.js';
import { buildPlanListMessage, LIST_MESSAGE_MAX_PLANS } from '../../ui/browse/planListMessage.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan list`: the user's plans (owner or editor), most recently edited first. */
export function createListSubcommand(
  deps: Pick<BrowseDeps, 'drafts' | 'templates' | 'now' | 'nextReminder'>,
): Subcommand {
  return {
    name: 'list',
    aliases: ['列表'],
    describe: (m) => browseTexts(localeOfMessages(m)).subcommands.list,
    async run(ctx) {
      const now = nowOf(deps);
      const page = await listPlanOverviews(deps.drafts, deps.templates, ctx.identity, {
        now,
        limit: LIST_MESSAGE_MAX_PLANS,
        ...reminderLookup(deps, ctx.identity, now),
      });
      await ctx.ackWith(buildPlanListMessage({ ...page, locale: ctx.locale, now }));
    },
  };
}
