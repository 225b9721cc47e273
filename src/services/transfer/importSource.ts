/** A plan within every field limit is far smaller; anything bigger is refused before parsing. */
export const IMPORT_FILE_MAX_BYTES = 1_000_000;

export type ImportText =
  | { ok: true; text: string }
  | { ok: false; reason: 'too_large' | 'not_text' };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The bytes of an attached file as text, or why they are not a plan: too large, or not UTF-8 text
 * (binary data — images, archives, a spreadsheet renamed .yaml — has NUL bytes or invalid UTF-8).
 */
export function decodeImportBytes(bytes: Uint8Array): ImportText {
  if (bytes.byteLength > IMPORT_FILE_MAX_BYTES) return { ok: false, reason: 'too_large' };
  if (bytes.includes(0)) return { ok: false, reason: 'not_text' };
  let text: string;
  try {
    // The decoder drops a leading byte-order mark, which editors on Windows add.
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'not_text' };
  }
  return { ok: true, text };
}

/** A plan nests a few levels; the yaml parser recurses per level and overflows its stack near 800. */
const FLOW_DEPTH_MAX = 64;
/** Leading spaces and `- ` markers of one line: a plan's deepest answer is indented about 12. */
const LINE_PREFIX_MAX = 400;

/**
 * True for YAML nested far deeper than any plan (`[[[[…` or `- - - - …`). Such input takes the parser
 * seconds and ends in a stack overflow; refusing it up front keeps the answer fast and the message
 * clear. Brackets inside text count too, but no real plan has dozens of them unclosed.
 */
export function nestedTooDeeply(text: string): boolean {
  let depth = 0;
  let linePrefix = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      atLineStart = true;
      linePrefix = 0;
      continue;
    }
    if (atLineStart) {
      if (char === ' ' || char === '-' || char === '\t') {
        linePrefix += 1;
        if (linePrefix > LINE_PREFIX_MAX) return true;
      } else {
        atLineStart = false;
      }
    }
    if (char === '[' || char === '{') {
      depth += 1;
      if (depth > FLOW_DEPTH_MAX) return true;
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth -= 1;
    }
  }
  return false;
}
