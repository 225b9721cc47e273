import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn, userMention } from '../../../render/mrkdwn.js';
import { ActionIds } from '../ids.js';
import type { TransferModal } from './transferModal.js';
import { transferTexts } from './transferTexts.js';

export interface ImportResult {
  planId: string;
  title: string;
  /** The owner the file named, when the importer replaced someone else. */
  replacedOwner?: string;
  editorsKept: readonly string[];
  editorsDropped: readonly string[];
}

/** Plenty for a confirmation; the file allows up to USERS_MAX editors. */
const MENTIONS_MAX = 20;

function mentions(ids: readonly string[], locale: Locale): string {
  const shown = ids.slice(0, MENTIONS_MAX).map(userMention);
  const rest = ids.length - shown.length;
  const separator = locale === 'zh-CN' ? '、' : ', ';
  return `${shown.join(separator)}${rest > 0 ? ` (+${rest})` : ''}`;
}

/** Replaces the import modal once the draft exists: what was created, and Open / Preview. */
export function buildImportResultView(result: ImportResult, locale: Locale): TransferModal {
  const t = transferTexts(locale).import;
  const title = escapeMrkdwn(result.title.replace(/\s+/g, ' ').trim() || '—');
  const people = [
    result.replacedOwner
      ? t.ownerReplaced({ owner: userMention(result.replacedOwner) })
      : t.ownerYou,
  ];
  if (result.editorsKept.length > 0) {
    people.push(t.editorsKept({ editors: mentions(result.editorsKept, locale) }));
  }
  if (result.editorsDropped.length > 0) {
    people.push(t.editorsDropped({ editors: mentions(result.editorsDropped, locale) }));
  }
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: 'import|actions',
    elements: [
      {
        type: 'button',
        action_id: ActionIds.planResume,
        text: { type: 'plain_text', text: t.open },
        value: result.planId,
        style: 'primary',
      },
      {
        type: 'button',
        action_id: ActionIds.planPreview,
        text: { type: 'plain_text', text: t.preview },
        value: result.planId,
      },
    ],
  };
  const blocks: KnownBlock[] = [
    sectionBlock(t.created({ title, id: result.planId })),
    sectionBlock(people.join('\n')),
    actions,
  ];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t.doneTitle },
    close: { type: 'plain_text', text: t.done },
    blocks,
  };
}
