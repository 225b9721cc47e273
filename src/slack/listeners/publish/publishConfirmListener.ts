import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { channelMention } from '../../../render/mrkdwn.js';
import type { PublishService } from '../../../services/publish/publishService.js';
import { setRequestLocale } from '../../requestLocale.js';
import { CallbackIds } from '../../ui/ids.js';
import { publishOutcomeText } from '../../ui/publish/publishOutcomeText.js';
import { publishOutcomeView } from '../../ui/publish/publishOutcomeView.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import { decodeConfirmMetadata } from '../../ui/publish/publishValues.js';
import { buildPublishStatusModal } from '../../ui/publish/publishViews.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import type { PublishDeps } from './publishDeps.js';
import { failureText, showOutcome } from './publishSurfaces.js';

/**
 * "Publish anyway" on the warnings modal. The modal turns into "Publishing…" at once (the ack), the
 * post happens after, then the same modal shows the outcome. Access and the review are checked
 * again: the submission may come long after the modal opened, from someone who lost access.
 */
export function registerPublishConfirm(app: App, deps: PublishDeps, service: PublishService): void {
  app.view(CallbackIds.publishConfirm, async ({ ack, body, client, context }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const t = publishTexts(locale);
    const metadata = decodeConfirmMetadata(body.view.private_metadata);
    if (!metadata) {
      await ack({
        response_action: 'update',
        view: buildPublishStatusModal(locale, t.notFound),
      });
      return;
    }
    await ack({
      response_action: 'update',
      view: buildPublishStatusModal(
        locale,
        t.publishingTo({ channel: channelMention(metadata.c) }),
      ),
    });
    let view: ModalView;
    let text: string;
    try {
      const outcome = await service.publish(identity, metadata.p, {
        channel: metadata.c,
        confirmedVersion: metadata.v,
        requestId: body.view.id,
      });
      view = publishOutcomeView(outcome, locale);
      text = publishOutcomeText(outcome, locale);
    } catch (error) {
      text = failureText(error, locale, deps.logger);
      view = buildPublishStatusModal(locale, text);
    }
    await showOutcome({ client, logger: deps.logger, identity }, body.view.id, view, text);
  });
}
