import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DraftRecord, DraftSummary, PendingInput, RevisionInfo } from '../draftStore.js';
import { StoreError } from '../errors.js';
import { corrupt, isoDate, jsonOf, perDocSchema } from './codecParts.js';
import { inflateStoredJson } from './deflatedJson.js';

/**
 * Conversion between records and what Redis holds. Every read goes through zod: a field that is
 * missing, mistyped or not JSON becomes a `corrupt_record` StoreError, never a half-parsed value.
 */

const userIds = jsonOf(z.array(z.string().min(1)));

const summaryFields = {
  version: z.coerce.number().int().positive(),
  title: z.string().min(1),
  ownerId: z.string().min(1),
  editorIds: userIds,
  updatedAt: isoDate,
  updatedBy: z.string().min(1),
  status: z.literal('draft'),
};

/** The hash fields listForUser reads (no doc: lists stay cheap however big plans get). */
export const SUMMARY_FIELDS = Object.keys(summaryFields);
const summarySchema = z.object(summaryFields);

const revisionMetaSchema = jsonOf(
  z.object({
    savedAt: isoDate,
    savedBy: z.string().min(1),
    title: z.string().min(1),
    restoredFrom: z.number().int().positive().optional(),
  }),
);

const pendingEntrySchema = jsonOf(z.object({ values: z.unknown(), savedAt: isoDate }));

const recordSchemaFor = perDocSchema((docSchema) =>
  summarySchema.extend({ doc: jsonOf(docSchema), createdAt: isoDate }),
);

/** The record from its hash read as bytes: the doc is deflated (or JSON, written before). */
export function parseDraftRecord<T>(
  docSchema: z.ZodType<T>,
  id: string,
  hash: Record<string, Buffer>,
  context: Record<string, unknown>,
): DraftRecord<T> {
  const { doc, ...rest } = hash;
  const fields: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(rest)) fields[field] = value.toString('utf8');
  // A doc that does not inflate is simply missing to the schema: corrupt_record like any other.
  fields.doc = doc === undefined ? undefined : inflateStoredJson(doc);
  const parsed = recordSchemaFor(docSchema).safeParse(fields);
  if (!parsed.success) throw corrupt('draft', { ...context, id }, parsed.error);
  // The doc was checked by `docSchema` itself, whose output type is T.
  return { id, ...parsed.data, doc: parsed.data.doc as T };
}

export function parseDraftSummary(
  id: string,
  values: ReadonlyArray<string | null>,
  retentionMs: number,
  context: Record<string, unknown>,
): DraftSummary {
  const hash = Object.fromEntries(
    SUMMARY_FIELDS.map((field, index) => [field, values[index] ?? undefined]),
  );
  const parsed = summarySchema.safeParse(hash);
  if (!parsed.success) throw corrupt('draft', { ...context, id }, parsed.error);
  const { status: _status, ...summary } = parsed.data;
  return { id, ...summary, expiresAt: new Date(summary.updatedAt.getTime() + retentionMs) };
}

export interface RevisionMeta {
  savedAt: Date;
  savedBy: string;
  title: string;
  restoredFrom?: number | undefined;
}

export function encodeRevisionMeta(meta: RevisionMeta): string {
  return JSON.stringify({ ...meta, savedAt: meta.savedAt.toISOString() });
}

export function parseRevisionMeta(
  version: number,
  json: string,
  context: Record<string, unknown>,
): RevisionInfo & { title: string } {
  const parsed = revisionMetaSchema.safeParse(json);
  if (!parsed.success) throw corrupt('revision', { ...context, version }, parsed.error);
  const { restoredFrom, ...rest } = parsed.data;
  return { version, ...rest, ...(restoredFrom === undefined ? {} : { restoredFrom }) };
}

export function parseStoredDoc<T>(
  docSchema: z.ZodType<T>,
  json: string,
  context: Record<string, unknown>,
): T {
  const parsed = jsonOf(docSchema).safeParse(json);
  if (!parsed.success) throw corrupt('document', context, parsed.error);
  return parsed.data;
}

/** A revision as `revs` holds it (deflated, or JSON when written before). */
export function parseRevisionDoc<T>(
  docSchema: z.ZodType<T>,
  stored: Buffer,
  context: Record<string, unknown>,
): T {
  const json = inflateStoredJson(stored);
  if (json === undefined) {
    throw new StoreError('corrupt_record', 'stored revision does not inflate', context);
  }
  return parseStoredDoc(docSchema, json, context);
}

export function encodePendingEntry(values: unknown, savedAt: Date): string {
  return JSON.stringify({ values, savedAt: savedAt.toISOString() });
}

export function parsePendingEntry(json: string, context: Record<string, unknown>): PendingInput {
  const parsed = pendingEntrySchema.safeParse(json);
  if (!parsed.success) throw corrupt('pending input', context, parsed.error);
  return { values: parsed.data.values, savedAt: parsed.data.savedAt };
}

/** Exact-title lookups ignore case and surrounding spaces; "Q3 Plan " and "q3 plan" are one title. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFC').trim().toLowerCase();
}

/** Fixed-length, separator-free member prefix for the title index, whatever the title contains. */
export function titleHash(title: string): string {
  return createHash('sha1').update(normalizeTitle(title)).digest('hex');
}
