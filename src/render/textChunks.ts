/**
 * Splits long text into pieces that each fit a length budget, preferring natural boundaries:
 * paragraph, then sentence (English `. ! ?`, Chinese `。！？；`), then word (whitespace, or between CJK
 * characters, since CJK text has no spaces), and a hard split only inside a single unbroken token longer
 * than the budget (a long URL, a CJK run with no break opportunity).
 *
 * Contract (tested): `splitText(t, o).join('') === t`. Cuts are placed at the END of a word or sentence, so
 * the separating whitespace starts the next piece; renderers trim each piece for display (and skip pieces
 * that are only whitespace), which loses whitespace only, never a visible character.
 *
 * Lengths are measured with `weight`, per UTF-16 unit, so callers budget for what they send: for mrkdwn
 * pass `escapedMrkdwnWeight` (`&` becomes 5 characters). Escaping is per character, so escaping each piece
 * equals escaping the whole. UTF-16 length is never below Slack's code-point count, so budgets are safe.
 */

export interface SplitOptions {
  /** Budget of every piece, in weighted characters. */
  maxLength: number;
  /** Budget of the first piece, when it shares its block with a label; defaults to `maxLength`. */
  firstMaxLength?: number;
  /** Length of one UTF-16 unit once rendered; defaults to 1. */
  weight?: (unit: string) => number;
}

/** Smallest budget that always fits one character, even one escaped to five. */
export const MIN_CHUNK_LENGTH = 8;

const NONE = 0;
const WORD = 1;
const SENTENCE = 2;
const PARAGRAPH = 3;

const WHITESPACE = /\s/;
const CJK =
  /[\u2E80-\u2FDF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;
const SENTENCE_END_LATIN = new Set(['.', '!', '?']);
const SENTENCE_END_CJK = new Set(['。', '！', '？', '；', '…']);
const CLOSING = new Set([...'，。、；：！？）」』】》〉”’,.;:!?)]}%']);
const OPENING = new Set([...'（「『【《〈“‘([{']);

function isWhitespace(unit: string | undefined): boolean {
  return unit !== undefined && WHITESPACE.test(unit);
}

function isHighSurrogate(unit: string | undefined): boolean {
  return unit !== undefined && unit >= '\uD800' && unit <= '\uDBFF';
}

function isLowSurrogate(unit: string | undefined): boolean {
  return unit !== undefined && unit >= '\uDC00' && unit <= '\uDFFF';
}

/** Units that belong to the character before them: combining marks, variation selectors, joiners. */
function isAttached(unit: string | undefined): boolean {
  if (unit === undefined || unit === '') return false;
  const code = unit.charCodeAt(0);
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f)
  );
}

/** Skips closing quotes/brackets backwards so `he said "stop."` ends a sentence after the quote. */
function sentenceEndBefore(text: string, cut: number): 'latin' | 'cjk' | null {
  let i = cut - 1;
  while (i > 0 && i > cut - 4 && /["'”’)）」』】》]/.test(text.charAt(i))) i--;
  const unit = text.charAt(i);
  if (SENTENCE_END_CJK.has(unit)) return 'cjk';
  if (SENTENCE_END_LATIN.has(unit)) return 'latin';
  return null;
}

/** The best kind of boundary at each cut position (a cut at c ends a piece before text[c]). */
function classifyCuts(text: string): Uint8Array {
  const kinds = new Uint8Array(text.length + 1);
  // Newlines in the whitespace run starting at each position, computed right to left in one pass.
  const newlinesAhead = new Uint16Array(text.length + 1);
  for (let i = text.length - 1; i >= 0; i--) {
    const unit = text.charAt(i);
    if (!isWhitespace(unit)) continue;
    const rest = newlinesAhead[i + 1] ?? 0;
    newlinesAhead[i] = Math.min(rest + (unit === '\n' ? 1 : 0), 2);
  }
  for (let c = 1; c < text.length; c++) {
    const before = text.charAt(c - 1);
    const after = text.charAt(c);
    if (isWhitespace(before)) continue;
    if (isWhitespace(after)) {
      if ((newlinesAhead[c] ?? 0) >= 2) kinds[c] = PARAGRAPH;
      else kinds[c] = sentenceEndBefore(text, c) ? SENTENCE : WORD;
      continue;
    }
    if (isHighSurrogate(before) || isAttached(after) || before === '\u200D') continue;
    if (CLOSING.has(after) || OPENING.has(before)) continue;
    if (sentenceEndBefore(text, c) === 'cjk') kinds[c] = SENTENCE;
    else if (CJK.test(before) || CJK.test(after)) kinds[c] = WORD;
  }
  return kinds;
}

function lastCut(kinds: Uint8Array, kind: number, from: number, to: number): number {
  for (let c = to; c >= from; c--) if (kinds[c] === kind) return c;
  return -1;
}

function hardCut(text: string, start: number, end: number): number {
  let cut = end;
  // Keep a character whole: never separate a surrogate pair or a mark from its base character.
  for (let steps = 0; steps < 8 && cut - 1 > start; steps++) {
    const splitsPair = isHighSurrogate(text.charAt(cut - 1)) && isLowSurrogate(text.charAt(cut));
    if (!splitsPair && !isAttached(text.charAt(cut)) && text.charAt(cut - 1) !== '\u200D') break;
    cut--;
  }
  return cut;
}

export function splitText(text: string, options: SplitOptions): string[] {
  const weight = options.weight ?? (() => 1);
  const firstMax = options.firstMaxLength ?? options.maxLength;
  if (Math.min(firstMax, options.maxLength) < MIN_CHUNK_LENGTH) {
    throw new RangeError(`chunk budget must be at least ${MIN_CHUNK_LENGTH}`);
  }
  if (text === '') return [];

  // Prefix sums of weights, so the longest fitting window is a binary search away.
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = (prefix[i] ?? 0) + weight(text.charAt(i));
  const total = prefix[text.length] ?? 0;
  const kinds = classifyCuts(text);

  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const budget = chunks.length === 0 ? firstMax : options.maxLength;
    const startWeight = prefix[start] ?? 0;
    if (total - startWeight <= budget) {
      chunks.push(text.slice(start));
      break;
    }
    // Largest end with weight(text[start..end)) <= budget.
    let low = start;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((prefix[mid] ?? 0) - startWeight <= budget) low = mid;
      else high = mid - 1;
    }
    const end = low;
    // Prefer a boundary in the back half of the window, so pieces stay reasonably full.
    const halfway = Math.max(start + 1, end - Math.floor((end - start) / 2));
    let cut = -1;
    for (const kind of [PARAGRAPH, SENTENCE, WORD]) {
      cut = lastCut(kinds, kind, halfway, end);
      if (cut > 0) break;
    }
    if (cut < 0) {
      for (let c = halfway - 1; c > start; c--) {
        if ((kinds[c] ?? NONE) !== NONE) {
          cut = c;
          break;
        }
      }
    }
    if (cut < 0) cut = hardCut(text, start, end);
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  return chunks;
}
