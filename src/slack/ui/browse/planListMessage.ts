import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import {
  contextBlock,
  headerBlock,
  MESSAGE_BLOCKS_MAX,
  sectionBlock,
} from '../../../render/blocks/blockBuilders.js';
import type { PlanOverview } from '../../../services/browse/planOverview.js';
import type { SlackMessage } from '../slackMessage.js';
import { browseTexts } from './browseTexts.js';
import { PLAN_CARD_MAX_BLOCKS, planCardBlocks } from './planCard.js';

/** Header + the closing "and N more" line, kept free whatever the cards take. */
const RESERVED_BLOCKS = 2;
/** Plans the list message can show in full; the App Home shows more. */
export const LIST_MESSAGE_MAX_PLANS = Math.floor(
  (MESSAGE_BLOCKS_MAX - RESERVED_BLOCKS) / (PLAN_CARD_MAX_BLOCKS + 1),
);

export interface PlanListInput {
  plans: readonly PlanOverview[];
  /** How many plans the user has in all (more than `plans` when the page is cut). */
  total: number;
  locale: Locale;
  now: Date;
}

/** `/opsplan list`: the user's plans as cards, within a message's 50 blocks. */
export function buildPlanListMessage(input: PlanListInput): SlackMessage {
  const { locale, now } = input;
  const t = browseTexts(locale);
  if (input.total === 0) {
    return { text: t.list.empty, blocks: [sectionBlock(t.list.empty)] };
  }
  const blocks: KnownBlock[] = [headerBlock(t.list.heading)];
  let shown = 0;
  for (const plan of input.plans) {
    const card = planCardBlocks(plan, { locale, now });
    const divider = shown > 0 ? 1 : 0;
    if (blocks.length + divider + card.length > MESSAGE_BLOCKS_MAX - 1) break;
    if (divider) blocks.push({ type: 'divider' });
    blocks.push(...card);
    shown++;
  }
  const hidden = input.total - shown;
  if (hidden > 0) blocks.push(contextBlock(t.list.more({ count: hidden })));
  return { text: t.list.fallback({ count: input.total }), blocks };
}
