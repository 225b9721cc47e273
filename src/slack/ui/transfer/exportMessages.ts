import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { ExportFile, ExportOutcome } from '../../../services/transfer/exportPlan.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { escapeForMrkdwnCode } from '../inlineCode.js';
import { buildNoticeMessage } from '../noticeMessage.js';
import type { SlackMessage } from '../slackMessage.js';
import { transferTexts } from './transferTexts.js';

/** Candidates listed when a title is ambiguous; more would not help anyone choose. */
const CANDIDATES_MAX = 10;
/** Ten lines of at most 45 characters, even if every one escapes to 5, stay within a section's 3000. */
const CANDIDATE_TITLE_MAX = 45;

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
  const shownRef = escapeForMrkdwnCode(ref);
  switch (outcome.kind) {
    case 'missing_ref':
      return buildNoticeMessage(t.missingRef);
    case 'not_found':
      return buildNoticeMessage(t.notFound({ ref: shownRef }));
    case 'ambiguous':
      return buildNoticeMessage(
        t.ambiguous({ ref: shownRef, choices: candidateLines(outcome.candidates) }),
      );
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

function candidateLines(candidates: readonly DraftRecord<Plan>[]): string {
  return candidates
    .slice(0, CANDIDATES_MAX)
    .map((c) => `• \`${c.id}\` ${safeTitle(c.title.slice(0, CANDIDATE_TITLE_MAX))}`)
    .join('\n');
}
