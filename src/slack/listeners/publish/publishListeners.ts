import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { channelMention, escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { PublishService } from '../../../services/publish/publishService.js';
import { ActionIds } from '../../ui/ids.js';
import { publishOutcomeText } from '../../ui/publish/publishOutcomeText.js';
import { publishOutcomeView } from '../../ui/publish/publishOutcomeView.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import { decodePlanIdValue } from '../../ui/publish/publishValues.js';
import { buildPublishStatusModal } from '../../ui/publish/publishViews.js';
import {
  type BrowseInteraction,
  clickedButtonValue,
  startInteraction,
} from '../browse/browseInteraction.js';
import type { PublishDeps } from './publishDeps.js';
import { failureText, openModal, showOutcome } from './publishSurfaces.js';

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
  if (checked.kind !== 'ready') {
    // Errors to fix, warnings to confirm, or why it cannot be published.
    await openModal(interaction, publishOutcomeView(checked, locale));
    return;
  }
  const publishing = publishTexts(locale).publishing({
    title: escapeMrkdwn(checked.record.title),
    channel: channelMention(checked.channel),
  });
  const viewId = await openModal(interaction, buildPublishStatusModal(locale, publishing));
  const target = {
    client: interaction.client,
    logger: deps.logger,
    identity: interaction.identity,
  };
  let view: ModalView;
  let text: string;
  try {
    const outcome = await service.publish(interaction.identity, checked.record.id, {
      channel: checked.channel,
      requestId,
    });
    view = publishOutcomeView(outcome, locale);
    text = publishOutcomeText(outcome, locale);
  } catch (error) {
    text = failureText(error, locale, deps.logger);
    view = buildPublishStatusModal(locale, text);
  }
  await showOutcome(target, viewId, view, text);
}
