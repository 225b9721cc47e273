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
 * Lengths are measured per UTF-16 unit, with `heavyUnits` counted at their weight, so callers budget for
 * what they send: for mrkdwn pass `MRKDWN_ESCAPE_WEIGHTS` (`&` becomes 5 characters). Escaping is per
 * character, so escaping each piece equals escaping the whole. UTF-16 length is never below Slack's code-point count, so budgets are safe.
 */

export interface SplitOptions {
  /** Budget of every piece, in weighted characters. */
  maxLength: number;
  /** Budget of the first piece, when it shares its block with a label; defaults to `maxLength`. */
  firstMaxLength?: number;
  /**
   * Units that count as more than one character once rendered, with their weight (for mrkdwn,
   * `MRKDWN_ESCAPE_WEIGHTS`: `&` becomes `&amp;`); every other UTF-16 unit counts as one.
   */
  heavyUnits?: Readonly<Record<string, number>>;
}

/** Smallest budget that always fits one character, even one escaped to five. */
export const MIN_CHUNK_LENGTH = 8;

const NONE = 0;
const WORD = 1;
const SENTENCE = 2;
const PARAGRAPH = 3;

// Hot loops below work on UTF-16 codes: a render of the largest plan classifies about a million of them.
const NEWLINE = 0x0a;
const ZWJ = 0x200d;
// One table lookup per unit instead of several Set lookups: these classes are tested a million times a render.
const SENTENCE_END_LATIN = 1;
const SENTENCE_END_CJK = 2;
const CLOSING = 4;
const OPENING = 8;
const CLOSING_QUOTE = 16;
const SENTENCE_ENDING = SENTENCE_END_LATIN | SENTENCE_END_CJK | CLOSING_QUOTE;
const CLASSES = new Uint8Array(0x10000);
classify('.!?', SENTENCE_END_LATIN);
classify('。！？；…', SENTENCE_END_CJK);
classify('，。、；：！？）」』】》〉”’,.;:!?)]}%', CLOSING);
classify('（「『【《〈“‘([{', OPENING);
classify('"\'”’)）」』】》', CLOSING_QUOTE);

function classify(chars: string, flag: number): void {
  for (const char of chars) CLASSES[code(char)] = (CLASSES[code(char)] ?? 0) | flag;
}

function has(c: number, flags: number): boolean {
  return ((CLASSES[c] ?? 0) & flags) !== 0;
}

function code(char: string): number {
  return char.charCodeAt(0);
}

/** Same set as the regex `\s`. */
function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3000 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Units that belong to the character before them: combining marks, variation selectors, joiners. */
function isAttached(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || c === 0x200c || c === ZWJ || (c >= 0xfe00 && c <= 0xfe0f);
}

const LATIN_END = 1;
const CJK_END = 2;

/** Skips closing quotes/brackets backwards so `he said "stop."` ends a sentence after the quote. */
function sentenceEndBefore(text: string, cut: number): number {
  let i = cut - 1;
  while (i > 0 && i > cut - 4 && has(text.charCodeAt(i), CLOSING_QUOTE)) i--;
  const c = text.charCodeAt(i);
  if (has(c, SENTENCE_END_CJK)) return CJK_END;
  if (has(c, SENTENCE_END_LATIN)) return LATIN_END;
  return 0;
}

/** Whether the whitespace run starting at `from` holds a blank line (two newlines). */
function blankLineAhead(text: string, from: number): boolean {
  let newlines = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWhitespace(c)) return false;
    if (c === NEWLINE && ++newlines === 2) return true;
  }
  return false;
}

/**
 * The kind of boundary at a cut position (a cut at `cut` ends a piece before text[cut]). Computed on
 * demand: a split only ever looks at the back half of one window, so most of a long text is never read.
 */
function cutKind(text: string, cut: number): number {
  const prev = text.charCodeAt(cut - 1);
  const after = text.charCodeAt(cut);
  if (isWhitespace(prev)) return NONE;
  if (isWhitespace(after)) {
    if (blankLineAhead(text, cut)) return PARAGRAPH;
    return sentenceEndBefore(text, cut) !== 0 ? SENTENCE : WORD;
  }
  if (isHighSurrogate(prev) || isAttached(after) || prev === ZWJ) return NONE;
  if (has(after, CLOSING) || has(prev, OPENING)) return NONE;
  if (!isCjk(prev) && !isCjk(after)) return NONE;
  return sentenceEndBefore(text, cut) === CJK_END ? SENTENCE : WORD;
}

/**
 * The last paragraph cut in [from, to], or -1. A paragraph cut is the start of a whitespace run holding two
 * newlines, so only the runs around newlines need looking at: found with the native `lastIndexOf` instead of
 * classifying every position of the window (that scan was a third of a large plan's render time).
 */
function lastParagraphCut(text: string, from: number, to: number): number {
  // The run that holds `to` may reach past it, so its newlines can lie beyond the window.
  let runStart = to;
  while (runStart > from && isWhitespace(text.charCodeAt(runStart - 1))) runStart--;
  if (cutKind(text, runStart) === PARAGRAPH) return runStart;
  let newline = runStart > 0 ? text.lastIndexOf('\n', runStart - 1) : -1;
  while (newline >= from) {
    let start = newline;
    while (start > 0 && isWhitespace(text.charCodeAt(start - 1))) start--;
    if (start < from) return -1;
    if (cutKind(text, start) === PARAGRAPH) return start;
    newline = start > 0 ? text.lastIndexOf('\n', start - 1) : -1;
  }
  return -1;
}

// Every cut of any kind has whitespace or a CJK character on one side of it (see cutKind).
const BOUNDARY_UNIT =
  /[\s\u2e80-\u2fdf\u3000-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The last cut in [from, to] of the best kind present: paragraph, else sentence, else word. */
function bestCut(text: string, from: number, to: number): number {
  // A long unbroken run (a URL, a pasted hash) has no cut at all: one native search says so instead
  // of classifying every position of the window.
  if (!BOUNDARY_UNIT.test(text.slice(Math.max(0, from - 1), to + 1))) return -1;
  const paragraph = lastParagraphCut(text, from, to);
  if (paragraph >= 0) return paragraph;
  // Scanning backwards, the first sentence cut met is the last one in the window.
  let word = -1;
  for (let cut = to; cut >= from; cut--) {
    // Once a word cut is known only a sentence cut matters, and one needs a sentence end or quote before it.
    if (word >= 0 && !has(text.charCodeAt(cut - 1), SENTENCE_ENDING)) continue;
    const kind = cutKind(text, cut);
    if (kind === SENTENCE) return cut;
    if (kind === WORD && word < 0) word = cut;
  }
  return word;
}

function hardCut(text: string, start: number, end: number): number {
  let cut = end;
  // Keep a character whole: never separate a surrogate pair or a mark from its base character.
  for (let steps = 0; steps < 8 && cut - 1 > start; steps++) {
    const before = text.charCodeAt(cut - 1);
    const after = text.charCodeAt(cut);
    const splitsPair = isHighSurrogate(before) && isLowSurrogate(after);
    if (!splitsPair && !isAttached(after) && before !== ZWJ) break;
    cut--;
  }
  return cut;
}

/**
 * The next heavy unit at or after a position, found with the native `indexOf` per kind of unit:
 * walking a large plan unit by unit to add up weights was over a third of its Block Kit render.
 */
function heavyUnitFinder(text: string, weights: Readonly<Record<string, number>>) {
  const kinds = Object.entries(weights).map(([unit, weight]) => ({ unit, weight, at: -1 }));
  let last = 0;
  return (from: number): { at: number; weight: number } => {
    // Each kind remembers its next unit after the last position asked; a new window starts
    // back at its cut, before units already passed, so the search starts over.
    const restart = from < last;
    last = from;
    let at = text.length;
    let weight = 1;
    for (const kind of kinds) {
      if (restart || (kind.at < from && kind.at !== text.length)) {
        const found = text.indexOf(kind.unit, from);
        kind.at = found < 0 ? text.length : found;
      }
      if (kind.at < at) {
        at = kind.at;
        weight = kind.weight;
      }
    }
    return { at, weight };
  };
}

export function splitText(text: string, options: SplitOptions): string[] {
  const nextHeavy = heavyUnitFinder(text, options.heavyUnits ?? {});
  const firstMax = options.firstMaxLength ?? options.maxLength;
  if (Math.min(firstMax, options.maxLength) < MIN_CHUNK_LENGTH) {
    throw new RangeError(`chunk budget must be at least ${MIN_CHUNK_LENGTH}`);
  }
  if (text === '') return [];

  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const budget = chunks.length === 0 ? firstMax : options.maxLength;
    // Longest window from `start` whose weight fits the budget: runs of plain units at once,
    // heavy units one by one.
    let end = start;
    let used = 0;
    while (end < text.length && used < budget) {
      const heavy = nextHeavy(end);
      const plain = Math.min(heavy.at - end, budget - used);
      end += plain;
      used += plain;
      if (end < heavy.at || end === text.length) break;
      if (used + heavy.weight > budget) break;
      used += heavy.weight;
      end++;
    }
    if (end === text.length) {
      chunks.push(text.slice(start));
      break;
    }
    // Prefer a boundary in the back half of the window, so pieces stay reasonably full.
    const halfway = Math.max(start + 1, end - Math.floor((end - start) / 2));
    let cut = bestCut(text, halfway, end);
    if (cut < 0) cut = bestCut(text, start + 1, halfway - 1);
    if (cut < 0) cut = hardCut(text, start, end);
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  return chunks;
}
