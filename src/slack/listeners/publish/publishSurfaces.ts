import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../../domain/locale.js';
import { messagesFor } from '../../../i18n/messages.js';
import type { AppLogger } from '../../../logging/logger.js';
import { isStorageUnavailable } from '../../../store/storageUnavailable.js';
import { openView, pushView, updateView } from '../../viewCalls.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { BrowseInteraction } from '../browse/browseInteraction.js';
import { confirmDone, directMessage } from '../confirmDone.js';

/**
 * Where a publish shows its progress and outcome. Slack's 3 seconds only apply to the ack, so the
 * posting happens after it; the user then learns the outcome in the modal they are looking at, or
 * by DM when they already closed it.
 */

/** Opens a modal from a message or Home, or pushes it from a modal; returns the new view's id. */
export async function openModal(interaction: BrowseInteraction, view: ModalView): Promise<string> {
  if (!interaction.triggerId) throw new Error('interaction without a trigger_id');
  const answer =
    interaction.surface === 'modal'
      ? await pushView(interaction.client, { trigger_id: interaction.triggerId, view })
      : await openView(interaction.client, { trigger_id: interaction.triggerId, view });
  const id = answer.view?.id;
  if (!id) throw new Error('views.open answered without a view id');
  return id;
}

/** Replaces the status modal's content; when the user closed it, the text goes to them by DM. */
export async function showOutcome(
  args: { client: WebClient; logger: AppLogger; identity: WorkspaceIdentity },
  viewId: string,
  view: ModalView,
  dmText: string,
): Promise<void> {
  await confirmDone({
    logger: args.logger,
    method: 'views.update',
    show: () => updateView(args.client, { view_id: viewId, view }),
    otherwise: directMessage(args.client, args.identity.userId, dmText),
  });
}

/**
 * The modal of a publish that threw after the user was told "Publishing…" (storage down, a bug):
 * the modal must not keep saying "Publishing…", so it shows the apology the error boundary would
 * have sent. Logged here; not rethrown, or the user would get the same news twice.
 */
export function failureText(error: unknown, locale: Locale, logger: AppLogger): string {
  const storage = isStorageUnavailable(error);
  logger.log(storage ? 'warn' : 'error', 'publish failed', {
    storageUnavailable: storage,
    err: error instanceof Error ? { name: error.name, message: error.message } : String(error),
  });
  const m = messagesFor(locale).errors;
  return storage ? m.storageUnavailable : m.apology;
}
