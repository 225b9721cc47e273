import { z } from 'zod';
import { normalizeDraftId } from '../draftId.js';
import { checkUserId } from '../draftInput.js';
import type { DraftRecord, DraftSummary, Revision, RevisionInfo } from '../draftStore.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import { draftKeys, workspaceIndexKeys } from './draftKeys.js';
import {
  normalizeTitle,
  parseDraftRecord,
  parseDraftSummary,
  parseRevisionDoc,
  parseRevisionMeta,
  SUMMARY_FIELDS,
  titleHash,
} from './draftRecordCodec.js';
import type { RedisDraftContext } from './redisDraftContext.js';

/** Read-only operations; all of them parse what they read with zod (see draftRecordCodec). */

export async function getDraft<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
): Promise<DraftRecord<T> | null> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return null;
  const hash = await ctx.redis.hgetallBuffer(draftKeys(ws, canonical).draft);
  if (Object.keys(hash).length === 0) return null;
  return parseDraftRecord(ctx.docSchema, canonical, hash, { ws });
}

export async function findDraftsByRef<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  ref: string,
): Promise<DraftRecord<T>[]> {
  if (ref.trim() === '') return [];
  const byId = await getDraft(ctx, ws, ref);
  const prefix = titleHash(ref);
  const members = await ctx.redis.zrangebylex(
    workspaceIndexKeys(ws).titleIndex,
    `[${prefix}:`,
    `(${prefix};`,
  );
  const wanted = normalizeTitle(ref);
  const byTitle: DraftRecord<T>[] = [];
  for (const member of members) {
    const id = member.slice(prefix.length + 1);
    if (id === byId?.id) continue;
    const record = await getDraft(ctx, ws, id);
    // The hash only narrows the search; equality of the titles themselves decides.
    if (record !== null && normalizeTitle(record.title) === wanted) byTitle.push(record);
  }
  byTitle.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return byId === null ? byTitle : [byId, ...byTitle];
}

export async function draftHistory<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
): Promise<RevisionInfo[]> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return [];
  const entries = await ctx.redis.hgetall(draftKeys(ws, canonical).revmeta);
  return Object.entries(entries)
    .map(([version, json]) => {
      const { title: _title, ...info } = parseRevisionMeta(Number(version), json, {
        ws,
        id: canonical,
      });
      return info;
    })
    .sort((a, b) => b.version - a.version);
}

export async function getDraftRevision<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  version: number,
): Promise<Revision<T> | null> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined || !Number.isSafeInteger(version)) return null;
  const reply = z
    .union([z.tuple([]), z.tuple([z.instanceof(Buffer), z.instanceof(Buffer)])])
    .parse(await ctx.scripts.readRevision(draftKeys(ws, canonical), version));
  if (reply.length === 0) return null;
  const [meta, stored] = reply;
  const context = { ws, id: canonical, version };
  return {
    ...parseRevisionMeta(version, meta.toString('utf8'), context),
    doc: parseRevisionDoc(ctx.docSchema, stored, context),
  };
}

export async function listDraftsForUser<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  userId: string,
): Promise<DraftSummary[]> {
  const user = checkUserId(userId, 'userId');
  // Members are "<userId>:<id>" and user ids contain no ':', so "(<userId>;" ends the range.
  const members = await ctx.redis.zrangebylex(
    workspaceIndexKeys(ws).accessIndex,
    `[${user}:`,
    `(${user};`,
  );
  if (members.length === 0) return [];
  const ids = members.map((member) => member.slice(user.length + 1));
  const pipeline = ctx.redis.pipeline();
  for (const id of ids) pipeline.hmget(draftKeys(ws, id).draft, ...SUMMARY_FIELDS);
  const replies = (await pipeline.exec()) ?? [];
  const summaries: DraftSummary[] = [];
  replies.forEach(([error, values], index) => {
    if (error) throw error;
    const fields = z.array(z.string().nullable()).parse(values);
    // A delete between the index read and this read: the draft is simply gone.
    if (fields.every((field) => field === null)) return;
    summaries.push(parseDraftSummary(ids[index] as string, fields, ctx.retentionMs, { ws }));
  });
  return summaries.sort(
    (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id),
  );
}
