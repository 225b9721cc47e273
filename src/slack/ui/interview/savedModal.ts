import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { COMMAND } from '../../commandName.js';
import { CallbackIds } from '../ids.js';
import { contextBlock, mrkdwnSection, plain } from './blockParts.js';
import { SMALL_VIEW_TEXTS } from './smallViewTexts.js';

export interface BuildSavedModalArgs {
  locale: Locale;
  planId: string;
  planTitle: string;
  savedAt: Date;
  nextSectionTitle?: string;
}

/**
 * A time Slack shows in each reader's own time zone; the fallback (ISO, UTC) is for clients
 * that cannot.
 */
export function slackTime(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** After Save & close: the work is safe, and how to come back to it. No submit button. */
export function buildSavedModal(args: BuildSavedModalArgs): ModalView {
  const t = SMALL_VIEW_TEXTS[args.locale];
  const blocks: KnownBlock[] = [
    mrkdwnSection('saved', t.saved(escapeMrkdwn(args.planTitle), slackTime(args.savedAt))),
  ];
  if (args.nextSectionTitle) {
    blocks.push(mrkdwnSection('next', t.nextUp(escapeMrkdwn(args.nextSectionTitle))));
  }
  // Plan ids are generated (letters and digits), but escape anyway: it ends up in mrkdwn.
  blocks.push(
    contextBlock('resume', t.resume(`${COMMAND} edit ${escapeMrkdwn(args.planId)}`, t.appHome)),
  );
  return {
    type: 'modal',
    callback_id: CallbackIds.saved,
    title: plain(t.savedTitle, 24),
    close: plain(t.done, 24),
    blocks,
  };
}
