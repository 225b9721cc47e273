import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkEditors, checkTitle, checkUserId, checkVersion, encodeDoc } from '../draftInput.js';
import { StoreError } from '../errors.js';
import {
  type FreezeInput,
  type FreezeResult,
  type PublishedPlanSummary,
  type PublishedPost,
  PublishedStoreError,
  type PublishedVersion,
  type PublishedVersionInfo,
} from '../publishedStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import {
  corruptScriptReply,
  encodeFrozenVersion,
  encodePost,
  encodeVersionMeta,
  type FrozenFields,
  parseFrozenVersion,
  parseHead,
  parseVersionInfo,
  ReviewSummarySchema,
  VERSION_NUMBER,
} from './publishedCodec.js';
import {
  checkIdempotencyKey,
  checkPlanId,
  checkPost,
  type PublishedContext,
} from './publishedContext.js';
import { idempotencyKeyHash, publishedAccessKey, publishedPlanKeys } from './publishedKeys.js';

/** Freezing, posting and reading versions; each write is one Lua script (all or nothing). */

const freezeReply = z.union([
  z.tuple([z.enum(['ok', 'existing']), VERSION_NUMBER]),
  z.tuple([z.literal('corrupt'), z.string()]),
]);
const attachReply = z.union([
  z.tuple([z.enum(['ok', 'same', 'not_found'])]),
  z.tuple([z.literal('different'), z.string()]),
]);

function frozenFields<T>(input: FreezeInput<T>): FrozenFields {
  const ownerId = checkUserId(input.ownerId, 'ownerId');
  const summary = ReviewSummarySchema.safeParse(input.reviewSummary);
  if (!summary.success) {
    throw new StoreError('invalid_input', 'reviewSummary is not valid', { field: 'reviewSummary' });
  }
  if (!(input.publishedAt instanceof Date) || Number.isNaN(input.publishedAt.getTime())) {
    throw new StoreError('invalid_input', 'publishedAt is not a date', { field: 'publishedAt' });
  }
  return {
    title: checkTitle(input.title),
    ownerId,
    editorIds: checkEditors(input.editorIds, ownerId),
    publishedBy: checkUserId(input.publishedBy, 'publishedBy'),
    publishedAt: input.publishedAt,
    reviewSummary: summary.data,
  };
}

export async function freezeVersion<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  input: FreezeInput<T>,
): Promise<FreezeResult> {
  const id = checkPlanId(planId);
  const docJson = encodeDoc(ctx.docSchema, input.doc);
  const fields = frozenFields(input);
  const key = checkIdempotencyKey(input.idempotencyKey ?? randomUUID());
  const keys = publishedPlanKeys(ws, id);
  const reply = freezeReply.parse(
    await ctx.scripts.opsplanPublishedFreeze(
      [keys.head, keys.docs, keys.meta, keys.freezes, keys.access],
      [
        id,
        idempotencyKeyHash(key),
        encodeFrozenVersion(JSON.parse(docJson), fields),
        encodeVersionMeta(fields),
        fields.title,
        fields.ownerId,
        JSON.stringify(fields.editorIds),
        fields.publishedAt.toISOString(),
        fields.publishedBy,
        ...fields.editorIds,
      ],
    ),
  );
  if (reply[0] === 'corrupt') throw corruptScriptReply(reply[1], { ws, planId: id });
  return { version: reply[1], created: reply[0] === 'ok' };
}

export async function attachPost<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  version: number,
  post: PublishedPost,
): Promise<void> {
  const id = checkPlanId(planId);
  const number = checkVersion(version, 'version');
  const keys = publishedPlanKeys(ws, id);
  const reply = attachReply.parse(
    await ctx.scripts.opsplanPublishedAttachPost(
      [keys.meta, keys.posts],
      [number, encodePost(checkPost(post))],
    ),
  );
  if (reply[0] === 'not_found') {
    throw new PublishedStoreError('version_not_found', 'no such published version', {
      ws,
      planId: id,
      version: number,
    });
  }
  if (reply[0] === 'different') {
    throw new PublishedStoreError('already_posted', 'this version was already posted elsewhere', {
      ws,
      planId: id,
      version: number,
    });
  }
}

export async function getVersion<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  version: number,
): Promise<PublishedVersion<T> | null> {
  const id = checkPlanId(planId);
  if (!Number.isSafeInteger(version) || version < 1) return null;
  const keys = publishedPlanKeys(ws, id);
  const replies = await ctx.redis
    .multi()
    .hgetBuffer(keys.docs, String(version))
    .hget(keys.posts, String(version))
    .exec();
  const [stored, postJson] = (replies ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  if (!Buffer.isBuffer(stored)) return null;
  const post = typeof postJson === 'string' ? postJson : null;
  return parseFrozenVersion(ctx.docSchema, id, version, stored, post, { ws, planId: id });
}

export async function latestVersion<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
): Promise<PublishedVersion<T> | null> {
  const id = checkPlanId(planId);
  const latest = await ctx.redis.hget(publishedPlanKeys(ws, id).head, 'latest');
  if (latest === null) return null;
  const number = VERSION_NUMBER.safeParse(latest);
  if (!number.success) throw corruptScriptReply('latest', { ws, planId: id });
  // Frozen versions never change, so reading it after the counter cannot see a torn state.
  const found = await getVersion(ctx, ws, id, number.data);
  if (found === null) throw corruptScriptReply('latest version missing', { ws, planId: id });
  return found;
}

export async function listVersions<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
): Promise<PublishedVersionInfo[]> {
  const id = checkPlanId(planId);
  const keys = publishedPlanKeys(ws, id);
  const replies = await ctx.redis.multi().hgetall(keys.meta).hgetall(keys.posts).exec();
  const [meta, posts] = (replies ?? []).map(([error, value]) => {
    if (error) throw error;
    return z.record(z.string(), z.string()).parse(value);
  });
  return Object.entries(meta ?? {})
    .map(([version, json]) => parseVersionInfo(version, json, posts?.[version], { ws, planId: id }))
    .sort((a, b) => b.version - a.version);
}

export async function listPublishedForUser<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  userId: string,
): Promise<PublishedPlanSummary[]> {
  const user = checkUserId(userId, 'userId');
  // Members are "<userId>:<planId>" and user ids contain no ':', so "(<userId>;" ends the range.
  const members = await ctx.redis.zrangebylex(publishedAccessKey(ws), `[${user}:`, `(${user};`);
  const planIds = members.map((member) => member.slice(user.length + 1));
  if (planIds.length === 0) return [];
  const pipeline = ctx.redis.pipeline();
  for (const id of planIds) pipeline.hgetall(publishedPlanKeys(ws, id).head);
  const heads = ((await pipeline.exec()) ?? []).map(([error, value]) => {
    if (error) throw error;
    return z.record(z.string(), z.string()).parse(value);
  });
  const postsPipeline = ctx.redis.pipeline();
  heads.forEach((head, index) => {
    postsPipeline.hexists(
      publishedPlanKeys(ws, planIds[index] as string).posts,
      head.latest ?? '0',
    );
  });
  const posted = ((await postsPipeline.exec()) ?? []).map(([error, value]) => {
    if (error) throw error;
    return value === 1;
  });
  return heads
    .map((head, index) => parseHead(planIds[index] as string, head, posted[index] ?? false, { ws }))
    .sort(
      (a, b) =>
        b.publishedAt.getTime() - a.publishedAt.getTime() || a.planId.localeCompare(b.planId),
    );
}
