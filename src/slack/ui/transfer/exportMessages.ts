import type { Locale } from '../../../domain/locale.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { ExportFile, ExportOutcome } from '../../../services/transfer/exportPlan.js';
import { ambiguousMessage, notFoundMessage } from '../browse/lookupMessages.js';
import { escapeForMrkdwnCode } from '../inlineCode.js';
import { buildNoticeMessage } from '../noticeMessage.js';
import type { SlackMessage } from '../slackMessage.js';
import { transferTexts } from './transferTexts.js';

function safeTitle(title: string): string {
  return escapeMrkdwn(title.replace(/\s+/g, ' ').trim() || '—');
}

function describeFile(file: ExportFile, locale: Locale) {
  const t = transferTexts(locale).export;
  return {
    title: safeTitle(file.title),
    what:
      file.source.kind === 'draft'
        ? t.draft({ version: file.source.savedVersion })
        : t.published({ version: file.source.version }),
    format: file.format === 'md' ? t.formatMarkdown : t.formatYaml,
  };
}

/** The comment above the file in the DM: which plan, which copy, which format. */
export function exportComment(file: ExportFile, locale: Locale): string {
  return transferTexts(locale).export.comment(describeFile(file, locale));
}

/** The ephemeral answer once the file is in the user's DM. */
export function exportSentMessage(file: ExportFile, locale: Locale): SlackMessage {
  return buildNoticeMessage(transferTexts(locale).export.sent(describeFile(file, locale)));
}

export function exportFailedMessage(locale: Locale): SlackMessage {
  return buildNoticeMessage(transferTexts(locale).export.failed);
}

/** Why nothing was exported, in the user's language. */
export function exportProblemMessage(
  outcome: Exclude<ExportOutcome, { kind: 'ok' }>,
  ref: string,
  locale: Locale,
): SlackMessage {
  const t = transferTexts(locale).export;
  switch (outcome.kind) {
    // Naming a plan works as in every other command: the browse slice's answers.
    case 'missing_ref':
      return buildNoticeMessage(t.missingRef);
    case 'not_found':
      return notFoundMessage(ref, locale);
    case 'ambiguous':
      return ambiguousMessage(ref, 'export', outcome.candidates, locale);
    case 'draft_forbidden':
      return buildNoticeMessage(t.draftForbidden);
    case 'version_forbidden':
      return buildNoticeMessage(t.versionForbidden);
    case 'not_published':
      return buildNoticeMessage(t.notPublished);
    case 'version_not_found':
      return buildNoticeMessage(
        t.versionNotFound({ version: outcome.version, latest: outcome.latest }),
      );
    case 'versions_unavailable':
      return buildNoticeMessage(t.versionsUnavailable);
    case 'template_missing':
      return buildNoticeMessage(t.templateMissing({ id: escapeForMrkdwnCode(outcome.templateId) }));
  }
}
