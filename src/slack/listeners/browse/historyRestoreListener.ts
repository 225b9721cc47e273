import type { App } from '@slack/bolt';
import { restoreRevisionAs } from '../../../services/browse/planHistory.js';
import { lookupPlanById } from '../../../services/browse/planLookup.js';
import { type BrowseTexts, browseTexts } from '../../ui/browse/browseTexts.js';
import { decodeHistoryMetadata, decodeRestore } from '../../ui/browse/browseValues.js';
import { ActionIds } from '../../ui/ids.js';
import { updateView } from '../../viewCalls.js';
import { confirmDone, directMessage } from '../confirmDone.js';
import type { BrowseDeps } from './browseDeps.js';
import { clickedButtonValue, startInteraction, tellUser } from './browseInteraction.js';
import { historyView, publishHome } from './planViews.js';

type Outcome = Awaited<ReturnType<typeof restoreRevisionAs>>;

function noticeFor(outcome: Outcome, t: BrowseTexts): string | undefined {
  switch (outcome.kind) {
    case 'restored':
      return t.history.restored({ version: outcome.from, newVersion: outcome.record.version });
    case 'conflict':
      return t.history.conflict;
    case 'revision_not_found':
      return t.history.revisionGone;
    default:
      return undefined;
  }
}

/**
 * Restore in the history modal (owner only, confirmed by the button's dialog). The restore is a
 * compare-and-set on the version the modal was built from; the modal is then rebuilt in place with the
 * outcome on top, and the Home tab re-published when the history was opened from it.
 */
export function registerHistoryRestore(app: App, deps: BrowseDeps): void {
  app.action(ActionIds.historyRestore, async (args) => {
    await args.ack();
    const interaction = await startInteraction(
      { body: args.body, client: args.client, context: args.context },
      deps,
    );
    const t = browseTexts(interaction.locale);
    const value = decodeRestore(clickedButtonValue(args.body));
    const metadata = decodeHistoryMetadata(interaction.view?.privateMetadata);
    if (!value || !metadata || metadata.p !== value.p || !interaction.view) {
      await tellUser(interaction, 'OpsPlan', t.lookup.gone);
      return;
    }
    const outcome = await restoreRevisionAs(
      deps.drafts,
      interaction.identity,
      value.p,
      value.v,
      metadata.cv,
    );
    if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') {
      await tellUser(
        interaction,
        'OpsPlan',
        outcome.kind === 'forbidden' ? t.history.ownerOnly : t.lookup.gone,
      );
      return;
    }
    // The restore is decided (done, or refused on a conflict): failing to show it must not be
    // reported as failing to do it. The notice goes by DM instead.
    const notice = noticeFor(outcome, t);
    const shown = interaction.view;
    await confirmDone({
      logger: deps.logger,
      method: 'views.update',
      show: async () => {
        const lookup = await lookupPlanById(deps.drafts, interaction.identity, value.p);
        if (lookup.kind !== 'found') {
          await tellUser(interaction, 'OpsPlan', t.lookup.gone);
          return;
        }
        const view = await historyView(deps, interaction.identity, lookup.record, {
          locale: interaction.locale,
          fromHome: metadata.h,
          ...(notice ? { notice } : {}),
        });
        await updateView(interaction.client, {
          view_id: shown.id,
          ...(shown.hash ? { hash: shown.hash } : {}),
          view,
        });
      },
      ...(notice
        ? { otherwise: directMessage(interaction.client, interaction.identity.userId, notice) }
        : {}),
    });
    if (metadata.h && outcome.kind === 'restored') {
      // A stale Home re-renders the next time it is opened: not worth a message.
      await confirmDone({
        logger: deps.logger,
        method: 'views.publish',
        show: () => publishHome(deps, interaction.client, interaction.identity, interaction.locale),
      });
    }
  });
}
