import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O or U, so an id read aloud or retyped from a screenshot is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DRAFT_ID_LENGTH = 8;

/** 8 characters = 40 random bits; uniqueness per workspace is enforced by the create script. */
export function generateDraftId(): string {
  return encodeDraftId(randomBytes(5));
}

/**
 * The same id every time for the same key (the first 40 bits of its SHA-256): lets a request that
 * is repeated create its draft once. Collisions are as (un)likely as between random ids, and the
 * create script still refuses a taken id.
 */
export function draftIdFor(key: string): string {
  return encodeDraftId(createHash('sha256').update(key).digest().subarray(0, 5));
}

function encodeDraftId(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let index = DRAFT_ID_LENGTH - 1; index >= 0; index -= 1) {
    id += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  }
  return id;
}

/**
 * What a user typed as an id, in canonical form, or undefined when it cannot be one. Case-insensitive,
 * and the letters Crockford maps to digits (I/L → 1, O → 0) are accepted, as are hyphens.
 */
export function normalizeDraftId(ref: string): string | undefined {
  const candidate = ref
    .trim()
    .toUpperCase()
    .replaceAll('-', '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (candidate.length !== DRAFT_ID_LENGTH) return undefined;
  for (const char of candidate) if (!ALPHABET.includes(char)) return undefined;
  return candidate;
}
