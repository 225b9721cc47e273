import type { KnownBlock } from '@slack/types';
import type { PlanOverview } from '../../../../src/services/browse/planOverview.js';

export const NOW = new Date('2026-11-26T12:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A title made of everything that would ping, link or break mrkdwn if left unescaped. */
export const NASTY_TITLE =
  '<!channel> <https://evil.example|click me> & <@U0VICTIM1> <!here> >quote';

/** The user's plan number `index`, edited `index` hours ago. */
export function overview(index: number, overrides: Partial<PlanOverview> = {}): PlanOverview {
  const updatedAt = new Date(NOW.getTime() - (index + 2) * HOUR);
  return {
    id: `P${String(index).padStart(7, '0')}`,
    title: `Plan number ${index}`,
    version: index + 1,
    role: index % 2 === 0 ? 'owner' : 'editor',
    updatedAt,
    expiresAt: new Date(updatedAt.getTime() + 90 * DAY),
    expiresSoon: false,
    details: {
      templateId: 'standard',
      templateName: { en: 'Standard operations plan', 'zh-CN': '标准运营计划书' },
      stage: 'growth',
      timeZone: 'Asia/Shanghai',
      review: { error: 1, warning: 2, tip: 0 },
    },
    ...overrides,
  };
}

export function overviews(count: number): PlanOverview[] {
  return Array.from({ length: count }, (_, i) => overview(i));
}

interface AnyText {
  text?: unknown;
  [key: string]: unknown;
}

/**
 * Every text in the blocks (section text and fields, headers, context, buttons); only the mrkdwn ones
 * with `only: 'mrkdwn'` — plain text is never parsed for mentions or links, so it may quote anything.
 */
export function textsOf(blocks: readonly KnownBlock[], only?: 'mrkdwn'): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const object = node as AnyText;
    const wanted = only
      ? object.type === only
      : object.type === 'mrkdwn' || object.type === 'plain_text';
    if (wanted && typeof object.text === 'string') out.push(object.text);
    for (const value of Object.values(object)) visit(value);
  };
  visit(blocks);
  return out;
}

/** Slack control sequences `<…>` other than mentions of the given ids: each would ping or link. */
export function foreignControls(
  texts: readonly string[],
  allowedIds: readonly string[] = [],
): string[] {
  return texts.flatMap((text) =>
    (text.match(/<[^>]*>?/g) ?? []).filter((control) => {
      const mention = /^<[@#]([A-Z0-9]+)>$/.exec(control);
      return !mention?.[1] || !allowedIds.includes(mention[1]);
    }),
  );
}

/** The buttons of the blocks, as [action_id, value]. */
export function buttonsOf(blocks: readonly KnownBlock[]): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const block of blocks) {
    const elements =
      block.type === 'actions'
        ? block.elements
        : block.type === 'section' && block.accessory
          ? [block.accessory]
          : [];
    for (const element of elements) {
      if (element.type === 'button') out.push([element.action_id ?? '', element.value]);
    }
  }
  return out;
}
