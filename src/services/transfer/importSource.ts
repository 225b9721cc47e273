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
