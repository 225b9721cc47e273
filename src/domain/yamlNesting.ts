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
