import { z } from 'zod';
import type { ReviewSummary } from '../../domain/review/types.js';
import { StoreError } from '../errors.js';
import type {
  PublishedPlanSummary,
  PublishedPost,
  PublishedVersion,
  PublishedVersionInfo,
  PublishProgress,
} from '../publishedStore.js';
import { corrupt, isoDate, jsonOf, perDocSchema } from './codecParts.js';
import { deflateJson, inflateStoredJson } from './deflatedJson.js';

/**
 * Conversion between published records and what Redis holds. Reads go through zod: anything
 * missing, mistyped or not JSON is a `corrupt_record` StoreError, never a half-parsed value. Writes
 * go through the same schemas first, so the store never writes what it could not read back.
 */

const userId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const count = z.number().int().nonnegative();
const SLACK_TS = /^\d{1,12}\.\d{1,9}$/;
const ts = z.string().regex(SLACK_TS, { error: 'not a Slack message ts' });

export const ReviewSummarySchema = z.strictObject({ error: count, warning: count, tip: count });

const fileId = z.string().regex(/^F[A-Z0-9]{2,39}$/, { error: 'not a Slack file id' });

export const PublishedPostSchema = z.strictObject({
  channel: z.string().regex(/^[CGD][A-Z0-9]{2,39}$/, { error: 'not a Slack channel id' }),
  summaryTs: ts,
  threadTs: ts,
  sectionTs: z.array(ts).max(1000),
  fileId: fileId.optional(),
  permalink: z
    .url({ protocol: /^https$/, error: 'not an https URL' })
    .max(2000)
    .optional(),
});

export const VERSION_NUMBER = z.coerce.number().int().positive();

/** A step is checked before it is written, so a takeover can always read the progress back. */
export const PublishStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('summary'), ts }),
  z.strictObject({ kind: z.literal('reply'), ts }),
  z.strictObject({ kind: z.literal('file'), fileId }),
]);

const progressFields = z.object({
  summaryTs: ts,
  replyTs: z
    .string()
    .transform((joined) => (joined === '' ? [] : joined.split(' ')))
    .pipe(z.array(ts)),
  fileId: z.union([z.literal(''), fileId]),
});

/** The progress fields of a publish record as the begin script returns them ('' when absent). */
export function parseProgress(
  summaryTs: string,
  replyTs: string,
  file: string,
  context: Record<string, unknown>,
): PublishProgress | undefined {
  if (summaryTs === '' && replyTs === '' && file === '') return undefined;
  const parsed = progressFields.safeParse({ summaryTs, replyTs, fileId: file });
  if (!parsed.success) throw corrupt('publish progress', context, parsed.error);
  const { fileId: recordedFile, ...rest } = parsed.data;
  return { ...rest, ...(recordedFile === '' ? {} : { fileId: recordedFile }) };
}

const frozenFields = {
  title: z.string().min(1),
  ownerId: userId,
  editorIds: z.array(userId),
  publishedBy: userId,
  publishedAt: isoDate,
  reviewSummary: ReviewSummarySchema,
};

const versionMetaSchema = jsonOf(
  z.object({ title: z.string().min(1), publishedAt: isoDate, publishedBy: userId }),
);
const headSchema = z.object({
  latest: VERSION_NUMBER,
  title: z.string().min(1),
  ownerId: userId,
  editorIds: jsonOf(z.array(userId)),
  publishedAt: isoDate,
  publishedBy: userId,
});

/** Field order fixed here so the same post always encodes to the same string (attachPost compares). */
export function encodePost(post: PublishedPost): string {
  const { channel, summaryTs, threadTs, sectionTs, fileId, permalink } = post;
  return JSON.stringify({ channel, summaryTs, threadTs, sectionTs, fileId, permalink });
}

export interface FrozenFields {
  title: string;
  ownerId: string;
  editorIds: string[];
  publishedBy: string;
  publishedAt: Date;
  reviewSummary: ReviewSummary;
}

/** Deflated (see deflatedJson): a frozen version is kept forever and read back whole. */
export function encodeFrozenVersion(doc: unknown, fields: FrozenFields): Buffer {
  return deflateJson(
    JSON.stringify({ ...fields, doc, publishedAt: fields.publishedAt.toISOString() }),
  );
}

export function encodeVersionMeta(fields: FrozenFields): string {
  const { title, publishedAt, publishedBy } = fields;
  return JSON.stringify({ title, publishedAt: publishedAt.toISOString(), publishedBy });
}

export function parsePost(json: string, context: Record<string, unknown>): PublishedPost {
  const parsed = jsonOf(PublishedPostSchema).safeParse(json);
  if (!parsed.success) throw corrupt('post', context, parsed.error);
  return withoutUndefined(parsed.data);
}

const frozenVersionSchemaFor = perDocSchema((docSchema) =>
  jsonOf(z.object({ ...frozenFields, doc: docSchema })),
);

export function parseFrozenVersion<T>(
  docSchema: z.ZodType<T>,
  planId: string,
  version: number,
  stored: Buffer,
  postJson: string | null,
  context: Record<string, unknown>,
): PublishedVersion<T> {
  const json = inflateStoredJson(stored);
  if (json === undefined) {
    throw new StoreError('corrupt_record', 'stored published version does not inflate', {
      ...context,
      version,
    });
  }
  const parsed = frozenVersionSchemaFor(docSchema).safeParse(json);
  if (!parsed.success) throw corrupt('published version', { ...context, version }, parsed.error);
  const { doc, ...fields } = parsed.data;
  const post = postJson === null ? undefined : parsePost(postJson, { ...context, version });
  // The doc was checked by `docSchema` itself, whose output type is T.
  return { planId, version, doc: doc as T, ...fields, ...(post ? { post } : {}) };
}

export function parseVersionInfo(
  version: string,
  metaJson: string,
  postJson: string | undefined,
  context: Record<string, unknown>,
): PublishedVersionInfo {
  const number = VERSION_NUMBER.safeParse(version);
  const meta = versionMetaSchema.safeParse(metaJson);
  if (!number.success) throw corrupt('version number', context, number.error);
  if (!meta.success) throw corrupt('version entry', { ...context, version }, meta.error);
  const post = postJson === undefined ? undefined : parsePost(postJson, { ...context, version });
  return {
    version: number.data,
    ...meta.data,
    posted: post !== undefined,
    ...(post ? { post } : {}),
  };
}

export function parseHead(
  planId: string,
  head: Record<string, string>,
  posted: boolean,
  context: Record<string, unknown>,
): PublishedPlanSummary {
  const parsed = headSchema.safeParse(head);
  if (!parsed.success) throw corrupt('published plan', { ...context, planId }, parsed.error);
  const { latest, ...rest } = parsed.data;
  return { planId, latestVersion: latest, ...rest, posted };
}

export function corruptScriptReply(why: string, context: Record<string, unknown>): StoreError {
  return new StoreError(
    'corrupt_record',
    `stored published plan is inconsistent (${why})`,
    context,
  );
}

function withoutUndefined(post: z.infer<typeof PublishedPostSchema>): PublishedPost {
  const { fileId, permalink, ...rest } = post;
  return {
    ...rest,
    ...(fileId === undefined ? {} : { fileId }),
    ...(permalink === undefined ? {} : { permalink }),
  };
}
