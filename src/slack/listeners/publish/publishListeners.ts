import type { App } from '@slack/bolt';
import { z } from 'zod';
import { channelMention, escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { PublishService } from '../../../services/publish/publishService.js';
import { publishOutcomeText } from '../../../slack/ui/publish/publishOutcomeText.js';
import { ActionIds } from '../../ui/ids.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import { decodePlanIdValue } from '../../ui/publish/publishValues.js';
import {
  buildBlockedModal,
  buildConfirmModal,
  buildPublishStatusModal,
} from '../../ui/publish/publishViews.js';
import {
  type BrowseInteraction,
  clickedButtonValue,
  startInteraction,
} from '../browse/browseInteraction.js';
import type { PublishDeps } from './publishDeps.js';
import { openModal, showOutcome } from './publishSurfaces.js';

const ActionTs = z.object({
  actions: z.array(z.object({ action_ts: z.string().optional() })).min(1),
});

/** Names the request in the publish lease: Slack's own timestamp of the click. */
function actionTs(body: unknown): string {
  const parsed = ActionTs.safeParse(body);
  return (parsed.success ? parsed.data.actions[0]?.action_ts : undefined) ?? String(Date.now());
}

/**
 * The Publish button (plan card in the list and App Home, preview modal): review, then either the
 * errors to fix, the warnings to confirm, or publishing right away — in a modal that shows
 * "Publishing…" and then the outcome.
 */
export function registerPublishButton(app: App, deps: PublishDeps, service: PublishService): void {
  app.action(ActionIds.planPublish, async (args) => {
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
    const checked = planId
      ? await service.check(interaction.identity, planId)
      : ({ kind: 'not_found' } as const);
    await presentCheck(deps, service, interaction, checked, actionTs(args.body));
  });
}

async function presentCheck(
  deps: PublishDeps,
  service: PublishService,
  interaction: BrowseInteraction,
  checked: Awaited<ReturnType<PublishService['check']>>,
  requestId: string,
): Promise<void> {
  const { locale } = interaction;
  const t = publishTexts(locale);
  switch (checked.kind) {
    case 'blocked': {
      const intro = publishOutcomeText(checked, locale);
      await openModal(
        interaction,
        buildBlockedModal({
          planId: checked.record.id,
          template: checked.template,
          review: checked.review,
          locale,
          intro,
        }),
      );
      return;
    }
    case 'needs_confirmation':
      await openModal(
        interaction,
        buildConfirmModal({
          planId: checked.record.id,
          template: checked.template,
          review: checked.review,
          locale,
          intro: publishOutcomeText(checked, locale),
          version: checked.record.version,
          channel: checked.channel,
        }),
      );
      return;
    case 'ready': {
      const publishing = t.publishing({
        title: escapeMrkdwn(checked.record.title),
        channel: channelMention(checked.channel),
      });
      const viewId = await openModal(interaction, buildPublishStatusModal(locale, publishing));
      const outcome = await service.publish(interaction.identity, checked.record.id, {
        channel: checked.channel,
        requestId,
      });
      const text = publishOutcomeText(outcome, locale);
      await showOutcome(
        { client: interaction.client, logger: deps.logger, identity: interaction.identity },
        viewId,
        buildPublishStatusModal(locale, text),
        text,
      );
      return;
    }
    default:
      await openModal(
        interaction,
        buildPublishStatusModal(locale, publishOutcomeText(checked, locale)),
      );
  }
}
