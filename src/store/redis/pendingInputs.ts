import { normalizeDraftId } from '../draftId.js';
import { checkSectionId, checkUserId } from '../draftInput.js';
import { PENDING_INPUT_TTL_DAYS, type PendingInput } from '../draftStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import { draftKeys } from './draftKeys.js';
import { encodePendingEntry, parsePendingEntry } from './draftRecordCodec.js';
import { DAY_MS, type RedisDraftContext } from './redisDraftContext.js';

/**
 * Values of a step the user closed without submitting (Slack `view_closed`), per user, draft and
 * section. They live in one hash per draft so deleting the draft removes them in the same script.
 */

const TTL_MS = PENDING_INPUT_TTL_DAYS * DAY_MS;

function pendingField(userId: string, sectionId: string): string {
  return JSON.stringify([checkUserId(userId, 'userId'), checkSectionId(sectionId)]);
}

export async function putPendingInput<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  userId: string,
  sectionId: string,
  values: unknown,
): Promise<boolean> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return false;
  const field = pendingField(userId, sectionId);
  const stored = await ctx.scripts.putPending(draftKeys(ws, canonical), [
    field,
    encodePendingEntry(values, ctx.clock()),
    Math.ceil(TTL_MS / 1000),
  ]);
  return stored === 1;
}

export async function getPendingInput<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  userId: string,
  sectionId: string,
): Promise<PendingInput | null> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return null;
  const field = pendingField(userId, sectionId);
  const json = await ctx.redis.hget(draftKeys(ws, canonical).pending, field);
  return fresh(ctx, json, { ws, id: canonical });
}

export async function takePendingInput<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  userId: string,
  sectionId: string,
): Promise<PendingInput | null> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return null;
  const field = pendingField(userId, sectionId);
  const json = await ctx.scripts.takePending(draftKeys(ws, canonical), [field]);
  return fresh(ctx, json, { ws, id: canonical });
}

function fresh<T>(
  ctx: RedisDraftContext<T>,
  json: unknown,
  context: Record<string, unknown>,
): PendingInput | null {
  if (typeof json !== 'string') return null;
  const entry = parsePendingEntry(json, context);
  // The hash's TTL counts from the newest put; older fields expire individually here.
  return ctx.clock().getTime() - entry.savedAt.getTime() > TTL_MS ? null : entry;
}
