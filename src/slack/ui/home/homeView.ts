import type { HomeView, KnownBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { contextBlock, headerBlock, sectionBlock } from '../../../render/blocks/blockBuilders.js';
import type { PlanOverview } from '../../../services/browse/planOverview.js';
import { button, PLAN_CARD_MAX_BLOCKS, planCardBlocks } from '../browse/planCard.js';
import { ActionIds } from '../ids.js';
import { homeTexts } from './homeTexts.js';

export const HOME_BLOCKS_MAX = 100;
/** Header, intro, New plan, drafts heading, "and N more", divider, help footer. */
const FRAME_BLOCKS = 7;
/** Drafts the Home tab shows in full (each card plus its divider). */
export const HOME_MAX_PLANS = Math.floor(
  (HOME_BLOCKS_MAX - FRAME_BLOCKS) / (PLAN_CARD_MAX_BLOCKS + 1),
);

export interface HomeViewInput {
  plans: readonly PlanOverview[];
  total: number;
  locale: Locale;
  now: Date;
}

/** The App Home tab: New plan, the user's drafts with review status and expiry warnings, help. */
export function buildHomeView(
  input: HomeViewInput,
): Omit<HomeView, 'blocks'> & { blocks: KnownBlock[] } {
  const { locale, now } = input;
  const t = homeTexts(locale);
  const blocks: KnownBlock[] = [
    headerBlock(t.header),
    sectionBlock(t.intro),
    {
      type: 'actions',
      block_id: 'home.new',
      elements: [button(t.newPlan, ActionIds.newPlan, 'new', 'primary')],
    },
    sectionBlock(t.drafts({ count: input.total })),
  ];
  const footer: KnownBlock[] = [{ type: 'divider' }, contextBlock(t.help)];
  if (input.total === 0) blocks.push(sectionBlock(t.empty));
  let shown = 0;
  for (const plan of input.plans) {
    const card = planCardBlocks(plan, { locale, now });
    // Keep room for the divider before the card, the "and N more" line and the footer.
    if (blocks.length + 1 + card.length + 1 + footer.length > HOME_BLOCKS_MAX) break;
    blocks.push({ type: 'divider' }, ...card);
    shown++;
  }
  const hidden = input.total - shown;
  if (hidden > 0) blocks.push(contextBlock(t.more({ count: hidden })));
  blocks.push(...footer);
  return { type: 'home', blocks };
}
