/**
 * Escaping of user text for the Markdown export (CommonMark / GitHub-flavoured).
 *
 * The goal is "what the user typed is what the reader sees": a plan's Markdown must not forge links or
 * images (`[x](…)`, `<https://…>`, reference definitions), inject HTML (`<script>`, `<img>`), break our
 * tables (`|`, newlines) or fake our own structure (a `# Budget` heading, a `---` rule) from inside an
 * answer. So every inline Markdown metacharacter is backslash-escaped, line-start markers (headings, lists,
 * quotes, setext underlines) are escaped, and line breaks inside a paragraph become hard breaks so a user's
 * own list still reads as lines. Leading indentation is dropped, because four spaces would turn a line into
 * a code block; no visible character is ever removed.
 */

// Inline metacharacters: emphasis, code, links/images, HTML/autolinks, tables, strikethrough, escapes.
const INLINE_META = /[\\`*_[\]<>|~]/g;
// `&` only matters when it starts an entity (`&lt;`, `&#60;`); "R&D" stays readable.
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
// Markers that only mean something at the start of a line (after indentation, which we drop): ATX
// headings, list bullets, ordered-list numbers, setext underlines / thematic breaks (`---`, `===`).
// "12.5%" or "-5" are not markers and stay as written.
const LINE_START_MARKER = /^(#{1,6}(?=\s|$)|[-+=](?=\s|$|[-+=])|\d{1,9}[.)](?=\s|$))/;

function escapeInline(text: string): string {
  const escaped = text.replace(INLINE_META, '\\$&');
  return escaped.includes('&') ? escaped.replace(ENTITY_START, '&amp;') : escaped;
}

function escapeLine(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  const escaped = escapeInline(trimmed);
  return escaped.replace(LINE_START_MARKER, (marker) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  );
}

function splitLines(text: string): string[] {
  // Most text has no carriage return; skipping the replace saves a pass over the largest plans.
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
}

/**
 * A block of user text as Markdown paragraphs: blank lines separate paragraphs, single line breaks are
 * kept as hard breaks (a trailing backslash, which editors do not strip like trailing spaces).
 */
export function escapeMarkdownBlock(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of splitLines(text.trim())) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join('\\\n'));
      current = [];
    } else {
      current.push(escapeLine(line));
    }
  }
  if (current.length > 0) paragraphs.push(current.join('\\\n'));
  return paragraphs.join('\n\n');
}

/** A single-line value (list item, heading text, metadata value): line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(
    splitLines(text.trim())
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' '),
  );
}

/**
 * A GFM table cell: `|` escaped so it cannot add columns, line breaks kept as `<br>` (our own tag; user
 * `<` is escaped, so this is the only HTML in the file) so a cell can never end a row early.
 */
export function escapeMarkdownCell(text: string): string {
  const lines = splitLines(text.trim())
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line) => escapeLine(line)).join('<br>');
}
