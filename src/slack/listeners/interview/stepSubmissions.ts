import type { App } from '@slack/bolt';
import { messagesFor } from '../../../i18n/messages.js';
import { userTimezone } from '../../../services/userTimezone.js';
import { CallbackIds } from '../../ui/ids.js';
import {
  decodePlanDetailsMetadata,
  parsePlanDetailsSubmission,
} from '../../ui/interview/planDetailsSubmission.js';
import { buildSavedModal } from '../../ui/interview/savedModal.js';
import { decodeSectionMetadata } from '../../ui/interview/sectionMetadata.js';
import { buildNoticeModal } from '../../ui/noticeModal.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import type { InterviewDeps } from './interviewDeps.js';
import { refusalText } from './refusalText.js';
import { resumeSectionId } from './sectionScreens.js';
import { conflictScreen, nextSectionOf, parseStep, stepScreen } from './sectionSteps.js';
import { isUnchangedStep } from './unchangedStep.js';

/**
 * Submissions answer in the HTTP response itself (`response_action`), after the save:
 * the next step only appears once the previous one is safely stored, and a failure keeps
 * the modal — and everything typed in it — open.
 */
export function registerStepSubmissions(app: App, deps: InterviewDeps): void {
  app.view(CallbackIds.planDetails, async ({ ack, body, view, client }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    const meta = decodePlanDetailsMetadata(view.private_metadata);
    const templates = deps.interview.templates.list();
    if (meta?.m !== 'new') {
      await ack({
        response_action: 'update',
        view: buildNoticeModal(locale, messagesFor(locale).errors.apology),
      });
      return;
    }
    const parsed = parsePlanDetailsSubmission({
      stateValues: view.state.values,
      locale,
      templates,
      mode: 'new',
    });
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const timezone = await userTimezone(client, identity.userId, deps.defaultTimezone);
    // Keyed by the modal: submitting it again (after a failure past the create) is one plan, not two.
    const started = await deps.interview.start(
      identity,
      { ...parsed.details, timezone },
      { creationKey: view.id },
    );
    if (!started.ok) {
      await ack({
        response_action: 'update',
        view: buildNoticeModal(locale, messagesFor(locale).plans.templateMissing),
      });
      return;
    }
    const { record, template } = started;
    const first = resumeSectionId(record.doc, template);
    await ack({
      response_action: 'update',
      view: await stepScreen(deps, identity, record, template, first),
    });
  });

  app.view(CallbackIds.section, async ({ ack, body, view }) => {
    const identity = identityFromInteraction(body);
    const decoded = decodeSectionMetadata(view.private_metadata);
    if (!decoded.ok) throw new Error(decoded.error);
    const meta = decoded.meta;
    const access = await deps.interview.open(identity, meta.p);
    if (!access.ok) {
      const locale = await deps.locales.localeOf(identity);
      await ack({
        response_action: 'update',
        view: buildNoticeModal(locale, refusalText(locale, access.reason)),
      });
      return;
    }
    const { record, template } = access;
    const parsed = parseStep(record, template, meta, view.state.values);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const outcome = await deps.interview.saveSection(identity, meta.p, meta.s, {
      expectedVersion: meta.v,
      values: parsed.values,
      // The same view state submitted twice (a retried request) is one save, not a conflict.
      requestId: `${view.id}:${view.hash}`,
    });
    if (!outcome.ok) {
      const screen =
        outcome.reason === 'conflict'
          ? await conflictScreen(deps, identity, outcome, template, meta, view.state.values)
          : buildNoticeModal(
              record.doc.meta.language,
              refusalText(record.doc.meta.language, outcome.reason),
            );
      await ack({ response_action: 'update', view: screen });
      return;
    }
    const next = nextSectionOf(template, outcome.record.doc, meta.s).nextId;
    const screen = next
      ? await stepScreen(deps, identity, outcome.record, template, next)
      : buildSavedModal({
          locale: outcome.record.doc.meta.language,
          planId: outcome.record.id,
          planTitle: outcome.record.title,
          savedAt: outcome.record.updatedAt,
        });
    await ack({ response_action: 'update', view: screen });
  });

  // Slack reports a closed step (notify_on_close); keep what was typed but not saved.
  app.view(
    { callback_id: CallbackIds.section, type: 'view_closed' },
    async ({ ack, body, view }) => {
      await ack();
      const identity = identityFromInteraction(body);
      const decoded = decodeSectionMetadata(view.private_metadata);
      if (!decoded.ok) return;
      const meta = decoded.meta;
      const access = await deps.interview.open(identity, meta.p);
      if (!access.ok) return;
      // Closing a step without changing it must not later claim there was unsaved input.
      if (isUnchangedStep(access.record, access.template, meta, view.state.values)) return;
      await deps.interview.keepUnsaved(identity, meta.p, meta.s, {
        state: view.state.values,
        rows: meta.r,
      });
    },
  );
}
