import type { z } from 'zod';
import { StoreError } from './errors.js';

/**
 * Validation of what callers hand to a draft store, shared by implementations. Refusing bad input
 * here means a later read can never trip over something the store itself wrote.
 */

// Slack user ids (U…/W…), plus a little slack for tests and bots. No ':' — it separates index members.
const USER_ID = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_TITLE_LENGTH = 200;

function invalid(message: string, details: Record<string, unknown> = {}): StoreError {
  return new StoreError('invalid_input', message, details);
}

export function checkUserId(userId: string, field: string): string {
  if (!USER_ID.test(userId)) throw invalid(`${field} is not a user id`, { field });
  return userId;
}

export function checkTitle(title: string): string {
  if (title.trim() === '' || title.length > MAX_TITLE_LENGTH) {
    throw invalid(`title must be 1–${MAX_TITLE_LENGTH} characters`, { field: 'title' });
  }
  return title;
}

export function checkVersion(version: number, field: string): number {
  if (!Number.isSafeInteger(version) || version < 1)
    throw invalid(`${field} must be ≥ 1`, { field });
  return version;
}

/** Editors without duplicates and without the owner, who has every right already. */
export function checkEditors(editorIds: readonly string[], ownerId: string): string[] {
  const unique = [...new Set(editorIds.map((id) => checkUserId(id, 'editorIds')))];
  return unique.filter((id) => id !== ownerId);
}

export function checkRequestId(requestId: string): string {
  if (requestId === '' || requestId.length > 200) {
    throw invalid('requestId must be 1–200 characters', { field: 'requestId' });
  }
  return requestId;
}

export function checkSectionId(sectionId: string): string {
  if (sectionId === '' || sectionId.length > 100) {
    throw invalid('sectionId must be 1–100 characters', { field: 'sectionId' });
  }
  return sectionId;
}

/**
 * The document as JSON, after checking that it matches the schema AND that what is written parses
 * back (a schema with `Date` or `Map` fields would otherwise store something unreadable).
 */
export function encodeDoc<T>(docSchema: z.ZodType<T>, doc: T): string {
  const parsed = docSchema.safeParse(doc);
  if (!parsed.success) throw invalidDoc(parsed.error);
  const json = JSON.stringify(parsed.data);
  const reparsed = docSchema.safeParse(JSON.parse(json));
  if (!reparsed.success) throw invalidDoc(reparsed.error, 'does not survive a JSON round trip');
  return json;
}

function invalidDoc(error: z.ZodError, why = 'does not match the schema'): StoreError {
  return invalid(`document ${why}`, {
    field: 'doc',
    issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
