import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import { sectionBlock } from '../../../render/blocks/blockBuilders.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { escapeForMrkdwnCode } from '../inlineCode.js';
import type { SlackMessage } from '../slackMessage.js';
import { browseTexts } from './browseTexts.js';
import { safeTitle } from './planCard.js';

/** Candidates listed when a title is ambiguous; more would not help anyone choose. */
const CANDIDATES_MAX = 20;

function notice(text: string): SlackMessage {
  return { text, blocks: [sectionBlock(text)] };
}

export function missingRefMessage(command: string, locale: Locale): SlackMessage {
  return notice(browseTexts(locale).lookup.missingRef({ command }));
}

export function notFoundMessage(ref: string, locale: Locale): SlackMessage {
  return notice(browseTexts(locale).lookup.notFound({ ref: escapeForMrkdwnCode(ref) }));
}

export function notAllowedMessage(locale: Locale): SlackMessage {
  return notice(browseTexts(locale).lookup.notAllowed);
}

export function goneMessage(locale: Locale): SlackMessage {
  return notice(browseTexts(locale).lookup.gone);
}

/** Several plans share the title: list them with the command that names each one exactly. */
export function ambiguousMessage(
  ref: string,
  command: string,
  candidates: readonly DraftRecord<Plan>[],
  locale: Locale,
): SlackMessage {
  const t = browseTexts(locale);
  const intro = t.lookup.ambiguous({ ref: escapeForMrkdwnCode(ref) });
  // One block per candidate: twenty long escaped titles would not fit one section's 3000 characters.
  const lines = candidates
    .slice(0, CANDIDATES_MAX)
    .map((c) => sectionBlock(`• *${safeTitle(c.title)}* — \`/opsplan ${command} ${c.id}\``));
  return { text: intro, blocks: [sectionBlock(intro), ...lines] };
}
