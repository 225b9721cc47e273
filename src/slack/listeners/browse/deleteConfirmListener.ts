import type { App } from '@slack/bolt';
import { messagesFor } from '../../../i18n/messages.js';
import { deletePlanAs } from '../../../services/browse/deletePlan.js';
import { isStorageUnavailable } from '../../../store/storageUnavailable.js';
import { setRequestLocale } from '../../requestLocale.js';
import { browseTexts } from '../../ui/browse/browseTexts.js';
import { decodeDeleteMetadata } from '../../ui/browse/browseValues.js';
import { buildNoticeModal } from '../../ui/browse/deleteModals.js';
import { safeTitle } from '../../ui/browse/planCard.js';
import { CallbackIds } from '../../ui/ids.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import { confirmDone } from '../confirmDone.js';
import type { BrowseDeps } from './browseDeps.js';
import { publishHome } from './planViews.js';

/**
 * Submitting the delete confirmation deletes the plan — if the acting user (from the verified request)
 * owns or edits it, and only at the version they confirmed. The modal turns into the outcome. The
 * confirmation has no input to attach an error to, so storage failures are shown in the modal here
 * instead of going through the error boundary (which could only fail the request).
 */
export function registerDeleteConfirm(app: App, deps: BrowseDeps): void {
  app.view(CallbackIds.deleteConfirm, async ({ ack, body, view, client, context }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const t = browseTexts(locale);
    const metadata = decodeDeleteMetadata(view.private_metadata);
    const answer = (mrkdwn: string, title = t.delete.title) =>
      ack({ response_action: 'update', view: buildNoticeModal(title, mrkdwn, locale) });
    if (!metadata) {
      await answer(t.lookup.gone);
      return;
    }
    let outcome: Awaited<ReturnType<typeof deletePlanAs>>;
    try {
      outcome = await deletePlanAs(deps.drafts, identity, metadata.p, metadata.v);
    } catch (err) {
      if (!isStorageUnavailable(err)) throw err;
      deps.logger.log('warn', 'delete failed: storage unavailable', { teamId: identity.teamId });
      await answer(`${messagesFor(locale).errors.storageUnavailable} ${t.delete.storage}`);
      return;
    }
    switch (outcome.kind) {
      case 'deleted':
        await answer(t.delete.done({ title: safeTitle(outcome.title) }), t.delete.doneTitle);
        break;
      case 'conflict':
        await answer(t.delete.conflict);
        break;
      case 'forbidden':
        await answer(t.lookup.notAllowed);
        break;
      case 'not_found':
        await answer(t.lookup.gone);
        break;
    }
    if (outcome.kind === 'deleted' && metadata.h) {
      // The modal already said "deleted"; a stale Home re-renders the next time it is opened.
      await confirmDone({
        logger: deps.logger,
        method: 'views.publish',
        show: () => publishHome(deps, client, identity, locale),
      });
    }
  });
}
