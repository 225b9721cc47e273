import type { KnownBlock } from '@slack/types';
import type { Plan } from '../../../src/domain/plan.js';
import type { Template } from '../../../src/domain/template.js';

interface TextObject {
  type: string;
  text: string;
  verbatim?: boolean;
}

/** Every text object of a message's blocks, in reading order. */
export function textObjects(blocks: readonly KnownBlock[]): TextObject[] {
  const found: TextObject[] = [];
  for (const block of blocks) {
    if (block.type === 'header') found.push(block.text);
    if (block.type === 'section') {
      if (block.text) found.push(block.text);
      for (const field of block.fields ?? []) found.push(field);
    }
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) found.push(element);
    }
  }
  return found;
}

/** The user-written texts of a plan, in the order the section messages show them. */
export function userTextsInOrder(plan: Plan, template: Template): string[] {
  const texts: string[] = [];
  const add = (...values: (string | undefined)[]) => {
    for (const value of values) if (value && value.trim() !== '') texts.push(value);
  };
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = plan.sections[section.id]?.[field.id];
      if (value === undefined) continue;
      if (field.type === 'short_text' || field.type === 'long_text') add(value as string);
      if (!Array.isArray(value)) continue;
      for (const row of value) {
        if (typeof row !== 'object' || row === null) continue;
        const r = row as Record<string, string | undefined>;
        if (field.type === 'kpis') add(r.name, r.unit);
        if (field.type === 'phases') add(r.name, r.goal, r.successCriteria, r.tasks);
        if (field.type === 'budget_lines') add(r.item, r.category);
        if (field.type === 'resources') add(r.item, r.source, r.howToObtain);
        if (field.type === 'prioritised_items') add(r.title, r.notes);
      }
    }
  }
  return texts;
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

/**
 * Checks that every needle appears in `haystack`, in order, once transformed by `transform`; whitespace is
 * ignored on both sides because a split point turns whitespace into a block boundary. Returns the first
 * needle not found, or undefined.
 */
export function firstMissingInOrder(
  haystack: string,
  needles: readonly string[],
  transform: (text: string) => string,
): string | undefined {
  const compact = withoutWhitespace(haystack);
  let from = 0;
  for (const needle of needles) {
    const wanted = withoutWhitespace(transform(needle));
    const at = compact.indexOf(wanted, from);
    if (at < 0) return needle;
    from = at + wanted.length;
  }
  return undefined;
}

/** Slack control sequences (`<…>`) in a mrkdwn text that are not a mention of an allowed id. */
export function foreignControls(text: string, allowedIds: ReadonlySet<string>): string[] {
  const controls = text.match(/<[^>]*>?/g) ?? [];
  return controls.filter((control) => {
    const mention = /^<[@#]([A-Z0-9]+)>$/.exec(control);
    return !mention?.[1] || !allowedIds.has(mention[1]);
  });
}

/** Ids that may legitimately be mentioned: the plan's owner, editors, channel and user/channel answers. */
export function mentionableIds(plan: Plan, template: Template): Set<string> {
  const ids = new Set<string>([plan.meta.owner, ...plan.meta.editors]);
  if (plan.meta.channel) ids.add(plan.meta.channel);
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = plan.sections[section.id]?.[field.id];
      if (typeof value === 'string' && (field.type === 'user' || field.type === 'channel')) {
        ids.add(value);
      }
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (typeof item === 'string' && field.type === 'users') ids.add(item);
        const owner = (item as { owner?: unknown }).owner;
        if (typeof owner === 'string') ids.add(owner);
      }
    }
  }
  return ids;
}

/** Every free-text column of the structured lists (KPIs, phases, budget rows…): where attacks go. */
export const ROW_TEXT_KEYS = [
  'name',
  'unit',
  'goal',
  'successCriteria',
  'tasks',
  'item',
  'category',
  'source',
  'howToObtain',
  'title',
  'notes',
] as const;
