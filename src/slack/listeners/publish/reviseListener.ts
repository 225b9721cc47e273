import type { App } from '@slack/bolt';
import type { Locale } from '../../../domain/locale.js';
import type { ReviseOutcome, ReviseService } from '../../../services/publish/reviseService.js';
import { ActionIds } from '../../ui/ids.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import { decodePlanIdValue } from '../../ui/publish/publishValues.js';
import { buildPublishStatusModal } from '../../ui/publish/publishViews.js';
import { clickedButtonValue, startInteraction } from '../browse/browseInteraction.js';
import type { PublishDeps } from './publishDeps.js';
import { openModal } from './publishSurfaces.js';

/** Why a revision cannot start, for the user who asked. */
export function reviseRefusalText(
  outcome: Exclude<ReviseOutcome, { kind: 'ready' | 'ambiguous' }>,
  locale: Locale,
): string {
  const t = publishTexts(locale);
  switch (outcome.kind) {
    case 'forbidden':
      return t.reviseNotAllowed;
    case 'never_published':
      return t.neverPublished({ id: outcome.planId });
    case 'not_found':
      return t.notFound;
  }
}

/**
 * Revise on a published summary message: owner and editors get the interview on the working draft
 * (recreated from the latest version if it was swept); anyone else a polite refusal only they see.
 */
export function registerReviseButton(app: App, deps: PublishDeps, revise: ReviseService): void {
  app.action(ActionIds.planRevise, async (args) => {
    await args.ack();
    const interaction = await startInteraction(
      {
        body: args.body,
        client: args.client,
        context: args.context,
        ...('respond' in args && args.respond ? { respond: args.respond } : {}),
      },
      deps,
    );
    const planId = decodePlanIdValue(clickedButtonValue(args.body));
    const outcome = planId
      ? await revise.revise(interaction.identity, planId)
      : ({ kind: 'not_found' } as const);
    if (outcome.kind === 'ready') {
      if (!interaction.triggerId) throw new Error('Revise click without a trigger_id');
      await deps.openSection({
        client: interaction.client,
        identity: interaction.identity,
        triggerId: interaction.triggerId,
        planId: outcome.planId,
        ...(interaction.surface === 'modal' && interaction.view
          ? { viewId: interaction.view.id }
          : {}),
      });
      return;
    }
    const text =
      outcome.kind === 'ambiguous'
        ? publishTexts(interaction.locale).notFound
        : reviseRefusalText(outcome, interaction.locale);
    if (interaction.surface === 'message' && interaction.respond) {
      // Only the clicker sees it: the channel is not told who tried.
      await interaction.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      });
      return;
    }
    await openModal(interaction, buildPublishStatusModal(interaction.locale, text));
  });
}
