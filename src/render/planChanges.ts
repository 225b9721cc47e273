import type { KnownBlock } from '@slack/types';
import type { PlanChanges } from '../domain/diff/index.js';
import type { Locale } from '../domain/locale.js';
import type { Template } from '../domain/template.js';
import {
  contextBlock,
  headerBlock,
  MESSAGE_BLOCKS_MAX,
  sectionBlock,
  truncatePlain,
} from './blocks/blockBuilders.js';
import { packParagraphs } from './blocks/mrkdwnPacker.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { changeGroupParagraphs } from './planChangesParagraphs.js';
import { changesHeading, comparedWith, continuedPart, noChanges } from './planChangesTexts.js';

export interface PlanChangesOptions {
  /** The plan's language. */
  locale: Locale;
  template: Template;
  /** The version compared with; its permalink (the previous post) becomes a link. */
  previousVersion: { number: number; permalink?: string };
  version: number;
  /** Shown after the heading and in the notification text. */
  planTitle?: string;
}

export interface PlanChangesMessage {
  text: string;
  blocks: KnownBlock[];
}

const PERMALINK_MAX = 500;

/** Only an https link into Slack becomes a link, so a stored permalink can never forge one. */
function previousVersionLink(previous: PlanChangesOptions['previousVersion']): string {
  const name = `v${previous.number}`;
  if (!previous.permalink) return name;
  try {
    const url = new URL(previous.permalink);
    const inSlack = url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com');
    // A real permalink is ~80 characters; a longer one could push the context text over its limit.
    const plausible = url.href.length <= PERMALINK_MAX && !/[|<>\s]/.test(url.href);
    if (url.protocol !== 'https:' || !inSlack || !plausible) return name;
    return `<${url.href.replace(/&/g, '&amp;')}|${name}>`;
  } catch {
    return name;
  }
}

/**
 * The "v2 — what changed" post of a revision (zh-CN "v2 — 本次修改"), grouped Goals / KPIs / Phases /
 * Strategy / Budget / Other, old → new values formatted as the plan renders them. However long the
 * diff, every message stays within Slack's limits (50 blocks, 3000 characters per text): post the
 * first message in the channel and the others as replies in its thread, in order. All user text is
 * escaped for mrkdwn and carried in `verbatim` text objects.
 */
export function renderPlanChangesBlocks(
  changes: PlanChanges,
  options: PlanChangesOptions,
): { messages: [PlanChangesMessage, ...PlanChangesMessage[]] } {
  const { locale, version, previousVersion } = options;
  const heading = changesHeading(version, locale);
  const title = options.planTitle?.trim() ?? '';
  const fullHeading = title === '' ? heading : `${heading} · ${title}`;
  const opening: KnownBlock[] = [
    headerBlock(fullHeading),
    contextBlock(comparedWith(previousVersionLink(previousVersion), locale)),
  ];
  const context = { locale, template: options.template, phaseNames: changes.phaseNames };
  const groups = changeGroupParagraphs(changes, context);
  // Each group starts a fresh block so its title leads.
  const body =
    groups.length === 0
      ? [sectionBlock(escapeMrkdwn(noChanges(previousVersion.number, locale)))]
      : groups.flatMap((paragraphs) => packParagraphs(paragraphs).map(sectionBlock));

  const firstRoom = MESSAGE_BLOCKS_MAX - opening.length;
  const laterRoom = MESSAGE_BLOCKS_MAX - 1;
  const count = 1 + Math.max(0, Math.ceil((body.length - firstRoom) / laterRoom));
  const first: PlanChangesMessage = {
    text: escapeMrkdwn(truncatePlain(fullHeading, 300)),
    blocks: [...opening, ...body.slice(0, firstRoom)],
  };
  const rest: PlanChangesMessage[] = [];
  for (let index = 1; index < count; index++) {
    const part = continuedPart(index + 1, count, locale);
    const start = firstRoom + (index - 1) * laterRoom;
    rest.push({
      text: escapeMrkdwn(`${heading}${part}`),
      blocks: [
        contextBlock(`*${escapeMrkdwn(heading)}*${escapeMrkdwn(part)}`),
        ...body.slice(start, start + laterRoom),
      ],
    });
  }
  return { messages: [first, ...rest] };
}
