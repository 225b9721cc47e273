import type { Locale } from '../../../domain/locale.js';
import { sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { CallbackIds } from '../ids.js';
import type { BrowseModal } from './browseModal.js';
import { browseTexts } from './browseTexts.js';
import { encodeDeleteMetadata } from './browseValues.js';
import { safeTitle } from './planCard.js';

export interface DeleteConfirmInput {
  planId: string;
  title: string;
  /** The version the user is shown; the delete only happens if it is still current. */
  version: number;
  fromHome: boolean;
  locale: Locale;
}

/** "Delete X?" with Delete / Cancel: submitting it is the confirmation. */
export function buildDeleteConfirmModal(input: DeleteConfirmInput): BrowseModal {
  const t = browseTexts(input.locale);
  return {
    type: 'modal',
    callback_id: CallbackIds.deleteConfirm,
    title: { type: 'plain_text', text: t.delete.title },
    submit: { type: 'plain_text', text: t.delete.submit },
    close: { type: 'plain_text', text: t.buttons.cancel },
    private_metadata: encodeDeleteMetadata({
      p: input.planId,
      v: input.version,
      h: input.fromHome,
    }),
    blocks: [sectionBlock(t.delete.confirm({ title: safeTitle(input.title), id: input.planId }))],
  };
}

/** A modal that only tells something (deleted, refused, storage down); it has nothing to submit. */
export function buildNoticeModal(title: string, mrkdwn: string, locale: Locale): BrowseModal {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: browseTexts(locale).buttons.close },
    blocks: [sectionBlock(mrkdwn)],
  };
}
