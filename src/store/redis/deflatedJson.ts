import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Whole plan documents kept for reading back rarely: a draft's revisions (`draft:<id>:revs`, a copy
 * per save, up to HISTORY_LIMIT) and published versions (`plan:<id>:docs`). Plan JSON is
 * repetitive text, so each is deflated: an interview-sized plan shrinks about 3.5×, plans with
 * long texts 6–10×, at well under a millisecond per typical plan.
 *
 * Format, told apart by the first byte:
 *   0x01 + deflate-raw(JSON)   written since these records were compressed
 *   '{' …                      the JSON text itself: every record written before (still in Redis)
 */
const DEFLATE_RAW_V1 = 0x01;

/** A damaged or tampered record must not balloon the process; real plans are far below this. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;

export function deflateJson(json: string): Buffer {
  return Buffer.concat([Buffer.of(DEFLATE_RAW_V1), deflateRawSync(json)]);
}

/** The JSON text of a stored record; undefined when its bytes do not inflate. */
export function inflateStoredJson(stored: Buffer): string | undefined {
  if (stored[0] !== DEFLATE_RAW_V1) return stored.toString('utf8');
  try {
    return inflateRawSync(stored.subarray(1), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
  } catch {
    return undefined;
  }
}
