import type { App } from '@slack/bolt';
import { importPlanYaml } from '../../../services/transfer/importPlan.js';
import { setRequestLocale } from '../../requestLocale.js';
import { CallbackIds } from '../../ui/ids.js';
import { formatImportProblems } from '../../ui/transfer/importErrors.js';
import { readImportSubmission } from '../../ui/transfer/importModal.js';
import { buildImportResultView } from '../../ui/transfer/importResultView.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import { importSourceText } from './importSourceText.js';
import { isActiveMember } from './slackChannels.js';
import type { TransferDeps } from './transferDeps.js';

/**
 * Submitting the import modal: read the YAML (attached file or pasted text), validate it against its
 * template, and either create a draft owned by the submitter — the modal turns into a confirmation —
 * or keep the modal open with every problem under the input it came from. Nothing is created on error.
 * Storage failures propagate to the error boundary, which shows its storage message inline.
 */
export function registerImportSubmission(app: App, deps: TransferDeps): void {
  app.view(CallbackIds.importPlan, async ({ ack, body, view, client, context }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const submission = readImportSubmission(view.state.values);
    const source = await importSourceText({
      submission,
      client,
      token: context.botToken,
      fetch: deps.fetch,
      identity,
      locale,
      logger: deps.logger,
    });
    if (!source.ok) {
      await ack({ response_action: 'errors', errors: { [source.blockId]: source.error } });
      return;
    }
    const outcome = await importPlanYaml(
      {
        drafts: deps.drafts,
        templates: deps.templates,
        isActiveMember: (userId) => isActiveMember(client, userId),
      },
      identity,
      source.text,
    );
    if (!outcome.ok) {
      await ack({
        response_action: 'errors',
        errors: { [source.blockId]: formatImportProblems(outcome.problems, locale) },
      });
      return;
    }
    deps.logger.log('info', 'plan imported', {
      teamId: identity.teamId,
      planId: outcome.record.id,
      from: source.blockId,
    });
    await ack({
      response_action: 'update',
      view: buildImportResultView(
        {
          planId: outcome.record.id,
          title: outcome.record.title,
          ...(outcome.replacedOwner ? { replacedOwner: outcome.replacedOwner } : {}),
          editorsKept: outcome.editorsKept,
          editorsDropped: outcome.editorsDropped,
        },
        locale,
      ),
    });
  });
}
