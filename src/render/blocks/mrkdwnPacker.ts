import { escapedMrkdwnLength, escapeMrkdwn, MRKDWN_ESCAPE_WEIGHTS } from '../mrkdwn.js';
import { MIN_CHUNK_LENGTH, splitText } from '../textChunks.js';

/** Slack's limit for a section block's text. */
export const SECTION_TEXT_MAX = 3000;
/** Below this much room left in a block, a long text starts in a fresh block instead. */
const MIN_ROOM = 200;

/**
 * A piece of a rendered paragraph.
 * - `markup`: mrkdwn we built ourselves (bullets, separators, validated mentions); short, never split.
 * - `text`: raw text (user answers, template labels), escaped on output and split when too long.
 * - `bold`: raw text shown bold; escaped, and each piece of a split is bolded on its own.
 */
export type Segment =
  | { kind: 'markup'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string };

/** Segments that belong together (a field's label and answer, one KPI): kept in one block when they fit. */
export type Paragraph = Segment[];

export const markup = (text: string): Segment => ({ kind: 'markup', text });
export const text = (value: string): Segment => ({ kind: 'text', text: value });
export const bold = (value: string): Segment => ({ kind: 'bold', text: value });

function renderSegment(segment: Segment): string {
  if (segment.kind === 'markup') return segment.text;
  if (segment.kind === 'text') return escapeMrkdwn(segment.text);
  const trimmed = segment.text.trim();
  return trimmed === '' ? '' : `*${escapeMrkdwn(trimmed)}*`;
}

function segmentLength(segment: Segment): number {
  if (segment.kind === 'markup') return segment.text.length;
  if (segment.kind === 'text') return escapedMrkdwnLength(segment.text);
  const trimmed = segment.text.trim();
  return trimmed === '' ? 0 : escapedMrkdwnLength(trimmed) + 2;
}

/** A paragraph as one mrkdwn string (for places that cannot split, such as section fields). */
export function renderParagraph(paragraph: Paragraph): string {
  return paragraph.map(renderSegment).join('');
}

export function paragraphLength(paragraph: Paragraph): number {
  return paragraph.reduce((sum, segment) => sum + segmentLength(segment), 0);
}

/**
 * Packs paragraphs into section texts of at most `max` characters, in order. Paragraphs are joined with a
 * newline; one that does not fit the current block starts a new one; one longer than a whole block is
 * streamed, its texts split at paragraph/sentence/word boundaries (see `splitText`). The only characters
 * lost are whitespace at a split point. Linear in the size of the input.
 */
export function packParagraphs(paragraphs: readonly Paragraph[], max = SECTION_TEXT_MAX): string[] {
  const blocks: string[] = [];
  const minRoom = Math.max(MIN_CHUNK_LENGTH, Math.min(MIN_ROOM, Math.floor(max / 4)));
  let current = '';
  const flush = () => {
    const finished = current.trimEnd();
    if (finished.trim() !== '') blocks.push(finished);
    current = '';
  };

  for (const paragraph of paragraphs) {
    const length = paragraphLength(paragraph);
    if (length === 0) continue;
    if (current !== '' && current.length + 1 + length <= max) {
      current += `\n${renderParagraph(paragraph)}`;
      continue;
    }
    if (length <= max) {
      flush();
      current = renderParagraph(paragraph);
      continue;
    }
    if (current !== '' && max - current.length - 1 < minRoom) flush();
    if (current !== '') current += '\n';
    for (const segment of paragraph) {
      if (segment.kind === 'markup') {
        if (segment.text.length > max) throw new RangeError('markup segment longer than a block');
        if (current.length + segment.text.length > max) flush();
        current += segment.text;
        continue;
      }
      streamText(segment);
    }
  }
  flush();
  return blocks;

  function streamText(segment: Segment): void {
    const wrap = segment.kind === 'bold' ? 2 : 0;
    const source = segment.kind === 'bold' ? segment.text.trim() : segment.text;
    if (max - wrap - current.length < minRoom) flush();
    const pieces = splitText(source, {
      maxLength: max - wrap,
      firstMaxLength: max - wrap - current.length,
      heavyUnits: MRKDWN_ESCAPE_WEIGHTS,
    });
    pieces.forEach((piece, index) => {
      if (index > 0) flush();
      // Whitespace at a split point becomes the block boundary; inside a piece it is kept.
      const shown = index === 0 ? piece.trimEnd() : piece.trim();
      if (shown === '') return;
      current += wrap > 0 ? `*${escapeMrkdwn(shown)}*` : escapeMrkdwn(shown);
    });
  }
}
