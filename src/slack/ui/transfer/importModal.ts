import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Locale } from '../../../domain/locale.js';
import { sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { CallbackIds, INPUT_ACTION_ID } from '../ids.js';
import type { TransferModal } from './transferModal.js';
import { transferTexts } from './transferTexts.js';

export const ImportBlockIds = {
  file: 'import|file',
  paste: 'import|paste',
} as const;

/** Slack's cap on a plain-text input. */
export const PASTE_MAX_CHARS = 3000;
export const IMPORT_FILETYPES = ['yaml', 'yml', 'txt'] as const;

/** The import modal: a YAML file, or the YAML pasted; both optional, one required (checked on submit). */
export function buildImportModal(locale: Locale): TransferModal {
  const t = transferTexts(locale).import;
  const blocks: KnownBlock[] = [
    sectionBlock(t.intro),
    {
      type: 'input',
      block_id: ImportBlockIds.file,
      optional: true,
      label: { type: 'plain_text', text: t.fileLabel },
      hint: { type: 'plain_text', text: t.fileHint },
      element: {
        type: 'file_input',
        action_id: INPUT_ACTION_ID,
        filetypes: [...IMPORT_FILETYPES],
        max_files: 1,
      },
    },
    {
      type: 'input',
      block_id: ImportBlockIds.paste,
      optional: true,
      label: { type: 'plain_text', text: t.pasteLabel },
      hint: { type: 'plain_text', text: t.pasteHint },
      element: {
        type: 'plain_text_input',
        action_id: INPUT_ACTION_ID,
        multiline: true,
        max_length: PASTE_MAX_CHARS,
        placeholder: { type: 'plain_text', text: t.pastePlaceholder },
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: CallbackIds.importPlan,
    title: { type: 'plain_text', text: t.title },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: t.close },
    blocks,
  };
}

/** What the user gave: an attached file (by id), pasted text, both or nothing. */
export interface ImportSubmission {
  fileId?: string;
  pasted?: string;
}

const StateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      value: z.string().nullish(),
      files: z.array(z.object({ id: z.string().min(1) })).nullish(),
    }),
  ),
);

/** Reads the import modal's `view.state.values`; anything unexpected reads as "nothing given". */
export function readImportSubmission(stateValues: unknown): ImportSubmission {
  const parsed = StateValues.safeParse(stateValues);
  if (!parsed.success) return {};
  const fileId = parsed.data[ImportBlockIds.file]?.[INPUT_ACTION_ID]?.files?.[0]?.id;
  const pasted = parsed.data[ImportBlockIds.paste]?.[INPUT_ACTION_ID]?.value ?? undefined;
  return {
    ...(fileId ? { fileId } : {}),
    ...(pasted && pasted.trim() !== '' ? { pasted } : {}),
  };
}
