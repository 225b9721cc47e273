import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { RenderedSection } from '../planContent.js';
import { label } from '../renderLabels.js';
import {
  contextBlock,
  headerBlock,
  MESSAGE_BLOCKS_MAX,
  sectionBlock,
  truncatePlain,
} from './blockBuilders.js';
import { type FieldRenderContext, fieldParagraphs } from './fieldParagraphs.js';
import { packParagraphs } from './mrkdwnPacker.js';

export interface SectionMessage {
  sectionId: string;
  text: string;
  blocks: KnownBlock[];
}

/** The section's answers as section blocks; each field starts a fresh block so labels lead. */
function sectionBodyBlocks(section: RenderedSection, context: FieldRenderContext): KnownBlock[] {
  if (section.empty) return [contextBlock(escapeMrkdwn(label('notAnswered', context.locale)))];
  return section.fields.flatMap((field) =>
    packParagraphs(fieldParagraphs(field.label, field.value, context)).map(sectionBlock),
  );
}

/**
 * One threaded reply per section; a section too long for one message continues in further replies, each
 * opening with a "continued 2/3" line so a reader scrolling the thread knows where it belongs.
 */
export function sectionMessages(
  planTitle: string,
  section: RenderedSection,
  context: FieldRenderContext,
): SectionMessage[] {
  const body = sectionBodyBlocks(section, context);
  const perMessage = MESSAGE_BLOCKS_MAX - 1;
  const count = Math.max(1, Math.ceil(body.length / perMessage));
  const messages: SectionMessage[] = [];
  for (let index = 0; index < count; index++) {
    const part = count > 1 ? ` (${label('continued', context.locale)} ${index + 1}/${count})` : '';
    const opening =
      index === 0
        ? headerBlock(section.title)
        : contextBlock(
            `*${escapeMrkdwn(truncatePlain(section.title.trim(), 300))}*${escapeMrkdwn(part)}`,
          );
    const fallback = `${truncatePlain(planTitle.trim(), 300)} · ${truncatePlain(section.title.trim(), 300)}${part}`;
    messages.push({
      sectionId: section.section.id,
      text: escapeMrkdwn(fallback),
      blocks: [opening, ...body.slice(index * perMessage, (index + 1) * perMessage)],
    });
  }
  return messages;
}
