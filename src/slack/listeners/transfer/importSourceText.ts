import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../../domain/locale.js';
import type { AppLogger } from '../../../logging/logger.js';
import {
  decodeImportBytes,
  IMPORT_FILE_MAX_BYTES,
} from '../../../services/transfer/importSource.js';
import { downloadSlackFile } from '../../../services/transfer/slackFileDownload.js';
import { ImportBlockIds, type ImportSubmission } from '../../ui/transfer/importModal.js';
import { transferTexts } from '../../ui/transfer/transferTexts.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';

type ImportBlockId = (typeof ImportBlockIds)[keyof typeof ImportBlockIds];

/** The YAML to import, or the inline error to show under the input it should have come from. */
export type ImportSourceText =
  | { ok: true; text: string; blockId: ImportBlockId }
  | { ok: false; blockId: ImportBlockId; error: string };

const SIZE_LIMIT = `${IMPORT_FILE_MAX_BYTES / 1_000_000} MB`;

/** Exactly one source: the pasted text, or the attached file downloaded from Slack and decoded. */
export async function importSourceText(args: {
  submission: ImportSubmission;
  client: WebClient;
  token: string | undefined;
  fetch: typeof fetch | undefined;
  identity: WorkspaceIdentity;
  locale: Locale;
  logger: AppLogger;
}): Promise<ImportSourceText> {
  const t = transferTexts(args.locale).import;
  const { fileId, pasted } = args.submission;
  const file = ImportBlockIds.file;
  if (fileId && pasted) return { ok: false, blockId: file, error: t.both };
  if (pasted) return { ok: true, text: pasted, blockId: ImportBlockIds.paste };
  if (!fileId) return { ok: false, blockId: ImportBlockIds.paste, error: t.nothing };

  const download = await downloadSlackFile(args.client, fileId, {
    ...(args.fetch ? { fetch: args.fetch } : {}),
    ...(args.token ? { token: args.token } : {}),
  });
  if (!download.ok) {
    if (download.reason === 'too_large') {
      return { ok: false, blockId: file, error: t.tooLarge({ limit: SIZE_LIMIT }) };
    }
    args.logger.log('warn', 'import: attached file unreadable', {
      teamId: args.identity.teamId,
      detail: download.detail,
    });
    return { ok: false, blockId: file, error: t.unreadable };
  }
  const decoded = decodeImportBytes(download.bytes);
  if (decoded.ok) return { ok: true, text: decoded.text, blockId: file };
  const error = decoded.reason === 'too_large' ? t.tooLarge({ limit: SIZE_LIMIT }) : t.notText;
  return { ok: false, blockId: file, error };
}
