import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { sectionBlock } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn, userMention } from '../../../render/mrkdwn.js';
import type { PlanHistory } from '../../../services/browse/planHistory.js';
import { ActionIds, CallbackIds } from '../ids.js';
import type { BrowseModal } from './browseModal.js';
import { browseTexts } from './browseTexts.js';
import { encodeHistoryMetadata, encodeRestore } from './browseValues.js';
import { button, safeTitle } from './planCard.js';
import { dateTime, relativeTime } from './timeText.js';

export interface HistoryModalInput {
  history: PlanHistory;
  locale: Locale;
  now: Date;
  fromHome: boolean;
  /** What just happened (restored, conflict…), shown above the list; already safe mrkdwn. */
  notice?: string;
}

/**
 * The last saves of a plan, newest first, with who saved and when. The owner gets a Restore button
 * (with a confirmation dialog) on every version but the current one. At most 50 saves are kept, so the
 * modal stays well within 100 blocks.
 */
export function buildHistoryModal(input: HistoryModalInput): BrowseModal {
  const { history, locale, now } = input;
  const t = browseTexts(locale);
  const { record } = history;
  const tz = record.doc.meta.timezone;
  const blocks: KnownBlock[] = [
    sectionBlock(
      t.history.intro({
        title: safeTitle(record.title),
        id: record.id,
        count: history.revisions.length,
      }),
    ),
  ];
  if (input.notice) blocks.push(sectionBlock(input.notice));
  if (!history.canRestore) blocks.push(sectionBlock(`_${escapeMrkdwn(t.history.ownerOnly)}_`));
  for (const revision of history.revisions) {
    const current = revision.version === record.version;
    const when = `${relativeTime(revision.savedAt, now, locale)} (${dateTime(revision.savedAt, locale, tz)})`;
    const notes = [
      current ? t.history.current : undefined,
      revision.restoredFrom
        ? t.history.restoredFrom({ version: revision.restoredFrom })
        : undefined,
    ].filter((note): note is string => note !== undefined);
    const text =
      t.history.entry({
        version: revision.version,
        who: userMention(revision.savedBy),
        when: escapeMrkdwn(when),
      }) + (notes.length > 0 ? ` · _${escapeMrkdwn(notes.join(' · '))}_` : '');
    const block: KnownBlock = {
      ...sectionBlock(text),
      block_id: `revision.${revision.version}`,
    };
    if (history.canRestore && !current) {
      block.accessory = {
        ...button(
          t.buttons.restore,
          ActionIds.historyRestore,
          encodeRestore({ p: record.id, v: revision.version }),
        ),
        confirm: {
          title: { type: 'plain_text', text: t.history.confirmTitle },
          text: { type: 'plain_text', text: t.history.confirmText({ version: revision.version }) },
          confirm: { type: 'plain_text', text: t.buttons.restore },
          deny: { type: 'plain_text', text: t.buttons.cancel },
        },
      };
    }
    blocks.push(block);
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.history,
    title: { type: 'plain_text', text: t.history.title },
    close: { type: 'plain_text', text: t.buttons.close },
    private_metadata: encodeHistoryMetadata({
      p: record.id,
      cv: record.version,
      h: input.fromHome,
    }),
    blocks,
  };
}
