import { z } from 'zod';
import type {
  BeginPublishOptions,
  BeginPublishResult,
  PublishedPost,
  PublishStep,
} from '../publishedStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import {
  corruptScriptReply,
  encodePost,
  parsePost,
  parseProgress,
  VERSION_NUMBER,
} from './publishedCodec.js';
import {
  checkDuration,
  checkIdempotencyKey,
  checkLeaseOwner,
  checkPlanId,
  checkPost,
  checkStep,
  type PublishedContext,
} from './publishedContext.js';
import { idempotencyKeyHash, publishedPlanKeys, publishRecordKey } from './publishedKeys.js';

/**
 * Exactly-once publishing across replicas, Slack retries and double clicks: one record per publish
 * request, holding a lease while an attempt runs and the outcome once it is done. The record lives
 * `recordTtlMs` (7 days by default) so a late retry still finds `done`.
 */

const begunReply = z.union([
  z.tuple([z.literal('done'), z.string(), z.string()]),
  z.tuple([z.literal('in_progress'), z.string(), z.coerce.number()]),
  z.tuple([z.literal('acquired'), z.string(), z.string(), z.string(), z.string(), z.string()]),
  z.tuple([z.literal('corrupt')]),
]);
const doneReply = z.tuple([z.literal('done'), z.string(), z.string()]);

interface Target {
  ws: WorkspaceKey;
  planId: string;
  key: string;
}

function target(ws: WorkspaceKey, planId: string, idempotencyKey: string): Target {
  return { ws, planId: checkPlanId(planId), key: checkIdempotencyKey(idempotencyKey) };
}

function checkLease<T>(ctx: PublishedContext<T>, options: BeginPublishOptions) {
  return {
    ttlMs: checkDuration(options.ttlMs, 'ttlMs', ctx.recordTtlMs),
    owner: checkLeaseOwner(options.owner),
  };
}

function doneOutcome(t: Target, version: string, postJson: string) {
  const context = { ws: t.ws, planId: t.planId };
  const number = VERSION_NUMBER.safeParse(version);
  if (!number.success) throw corruptScriptReply('publish record version', context);
  return { version: number.data, post: parsePost(postJson, context) };
}

export async function beginPublish<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  idempotencyKey: string,
  options: BeginPublishOptions,
): Promise<BeginPublishResult> {
  const t = target(ws, planId, idempotencyKey);
  const { ttlMs, owner } = checkLease(ctx, options);
  const reply = begunReply.parse(
    await ctx.scripts.opsplanPublishBegin(
      [publishRecordKey(ws, t.planId, t.key), publishedPlanKeys(ws, t.planId).freezes],
      [ctx.clock().getTime(), ttlMs, owner, ctx.recordTtlMs, idempotencyKeyHash(t.key)],
    ),
  );
  switch (reply[0]) {
    case 'corrupt':
      throw corruptScriptReply('publish record', { ws, planId: t.planId });
    case 'done':
      return { state: 'done', ...doneOutcome(t, reply[1], reply[2]) };
    case 'in_progress':
      return { state: 'in_progress', by: reply[1], leaseExpiresAt: new Date(reply[2]) };
    case 'acquired': {
      const [, previous, frozenField, summaryTs, replyTs, fileId] = reply;
      const frozen = frozenField === '' ? undefined : VERSION_NUMBER.parse(frozenField);
      const progress = parseProgress(summaryTs, replyTs, fileId, { ws, planId: t.planId });
      return {
        state: 'acquired',
        ...(previous === '' ? {} : { takenOverFrom: previous }),
        ...(frozen === undefined ? {} : { frozenVersion: frozen }),
        ...(progress ? { progress } : {}),
      };
    }
  }
}

export async function renewPublishLease<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  idempotencyKey: string,
  options: BeginPublishOptions,
): Promise<boolean> {
  const t = target(ws, planId, idempotencyKey);
  const { ttlMs, owner } = checkLease(ctx, options);
  const reply = await ctx.scripts.opsplanPublishRenew(
    [publishRecordKey(ws, t.planId, t.key)],
    [ctx.clock().getTime(), ttlMs, owner, ctx.recordTtlMs],
  );
  return reply === 1;
}

export async function recordPublishStep<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  idempotencyKey: string,
  options: BeginPublishOptions,
  step: PublishStep,
): Promise<boolean> {
  const t = target(ws, planId, idempotencyKey);
  const { ttlMs, owner } = checkLease(ctx, options);
  const checked = checkStep(step);
  const reply = await ctx.scripts.opsplanPublishRecordStep(
    [publishRecordKey(ws, t.planId, t.key)],
    [
      ctx.clock().getTime(),
      ttlMs,
      owner,
      ctx.recordTtlMs,
      checked.kind,
      checked.kind === 'file' ? checked.fileId : checked.ts,
    ],
  );
  return reply === 1;
}

export async function completePublish<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  idempotencyKey: string,
  result: { version: number; post: PublishedPost },
): Promise<{ version: number; post: PublishedPost }> {
  const t = target(ws, planId, idempotencyKey);
  const version = checkDuration(result.version, 'version', Number.MAX_SAFE_INTEGER);
  const reply = doneReply.parse(
    await ctx.scripts.opsplanPublishComplete(
      [publishRecordKey(ws, t.planId, t.key)],
      [version, encodePost(checkPost(result.post)), ctx.clock().getTime(), ctx.recordTtlMs],
    ),
  );
  return doneOutcome(t, reply[1], reply[2]);
}

export async function abandonPublish<T>(
  ctx: PublishedContext<T>,
  ws: WorkspaceKey,
  planId: string,
  idempotencyKey: string,
  owner: string,
): Promise<boolean> {
  const t = target(ws, planId, idempotencyKey);
  const reply = await ctx.scripts.opsplanPublishAbandon(
    [publishRecordKey(ws, t.planId, t.key)],
    [checkLeaseOwner(owner)],
  );
  return reply === 1;
}
