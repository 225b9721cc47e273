import type { ModalView } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import type { PublishOutcome } from '../../../services/publish/publishService.js';
import { publishOutcomeText } from './publishOutcomeText.js';
import { buildBlockedModal, buildConfirmModal, buildPublishStatusModal } from './publishViews.js';

/**
 * The modal showing a publish's outcome. The review is re-run when posting, so a plan that changed
 * meanwhile may come back with errors to fix or warnings to confirm: those keep their buttons.
 */
export function publishOutcomeView(outcome: PublishOutcome, locale: Locale): ModalView {
  const intro = publishOutcomeText(outcome, locale);
  if (outcome.kind === 'blocked' || outcome.kind === 'needs_confirmation') {
    const findings = {
      planId: outcome.record.id,
      template: outcome.template,
      review: outcome.review,
      locale,
      intro,
    };
    return outcome.kind === 'blocked'
      ? buildBlockedModal(findings)
      : buildConfirmModal({
          ...findings,
          version: outcome.record.version,
          channel: outcome.channel,
        });
  }
  return buildPublishStatusModal(locale, intro);
}
