import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normalizeDraftId } from '../draftId.js';
import {
  checkEditors,
  checkRequestId,
  checkTitle,
  checkUserId,
  checkVersion,
  encodeDoc,
} from '../draftInput.js';
import {
  type CreateDraftInput,
  type CreateWithIdResult,
  type DeleteResult,
  type DraftRecord,
  HISTORY_LIMIT,
  type SaveDraftInput,
  type SaveResult,
} from '../draftStore.js';
import { StoreError } from '../errors.js';
import type { WorkspaceKey } from '../workspaceKey.js';
import { bufferHashFromReply, bufferText } from './codecParts.js';
import { deflateJson } from './deflatedJson.js';
import { draftKeys, WORKSPACES_KEY } from './draftKeys.js';
import {
  encodeRevisionMeta,
  parseDraftRecord,
  parseStoredDoc,
  titleHash,
} from './draftRecordCodec.js';
import type { RedisDraftContext } from './redisDraftContext.js';

/** The mutating operations; each is exactly one Lua script, so it happens entirely or not at all. */

const MAX_ID_ATTEMPTS = 5;

const createReply = z.tuple([z.enum(['ok', 'id_taken'])]);
const saveReply = z.union([
  z.tuple([bufferText(z.enum(['ok', 'conflict'])), z.array(z.instanceof(Buffer))]),
  z.tuple([bufferText(z.enum(['not_found', 'corrupt']))]),
]);
export const deleteReply = z.union([
  z.tuple([z.literal('deleted'), z.array(z.string())]),
  z.tuple([z.literal('conflict'), z.string()]),
  z.tuple([z.enum(['fresh', 'not_found'])]),
]);

interface CheckedCreate {
  docJson: string;
  /** What Redis keeps of the doc (record and revision 1). */
  stored: Buffer;
  title: string;
  ownerId: string;
  by: string;
  editorIds: string[];
}

function checkCreate<T>(ctx: RedisDraftContext<T>, input: CreateDraftInput<T>): CheckedCreate {
  const ownerId = checkUserId(input.ownerId, 'ownerId');
  const docJson = encodeDoc(ctx.docSchema, input.doc);
  return {
    docJson,
    stored: deflateJson(docJson),
    title: checkTitle(input.title),
    ownerId,
    by: checkUserId(input.by, 'by'),
    editorIds: checkEditors(input.editorIds, ownerId),
  };
}

/** Runs the create script for one id: the record, or undefined when the id is taken. */
async function createUnder<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  input: CheckedCreate,
  now: Date,
): Promise<DraftRecord<T> | undefined> {
  const { docJson, stored, title, ownerId, by, editorIds } = input;
  const reply = await ctx.scripts.create(draftKeys(ws, id), [
    id,
    stored,
    title,
    titleHash(title),
    ownerId,
    JSON.stringify(editorIds),
    now.toISOString(),
    now.getTime(),
    by,
    encodeRevisionMeta({ savedAt: now, savedBy: by, title }),
    randomUUID(),
    ...editorIds,
  ]);
  if (createReply.parse(reply)[0] === 'id_taken') return undefined;
  return {
    id,
    version: 1,
    doc: parseStoredDoc(ctx.docSchema, docJson, { ws, id }),
    title,
    ownerId,
    editorIds,
    createdAt: now,
    updatedAt: now,
    updatedBy: by,
    status: 'draft',
  };
}

export async function createDraft<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  input: CreateDraftInput<T>,
): Promise<DraftRecord<T>> {
  const checked = checkCreate(ctx, input);
  const now = ctx.clock();
  // Registered before the draft exists, so the sweep can never miss a workspace that has drafts.
  await ctx.redis.sadd(WORKSPACES_KEY, ws);
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt += 1) {
    const record = await createUnder(ctx, ws, ctx.generateId(), checked, now);
    if (record) return record;
  }
  throw new StoreError('id_exhausted', 'no free draft id', { ws });
}

export async function createDraftWithId<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  input: CreateDraftInput<T>,
): Promise<CreateWithIdResult<T>> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined)
    throw new StoreError('invalid_input', 'not a draft id', { field: 'id' });
  const checked = checkCreate(ctx, input);
  const now = ctx.clock();
  await ctx.redis.sadd(WORKSPACES_KEY, ws);
  const record = await createUnder(ctx, ws, canonical, checked, now);
  return record ? { ok: true, record } : { ok: false, reason: 'exists' };
}

export async function saveDraft<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  input: SaveDraftInput<T>,
  restoredFrom?: number,
): Promise<SaveResult<T>> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return { ok: false, reason: 'not_found' };
  const expectedVersion = checkVersion(input.expectedVersion, 'expectedVersion');
  const docJson = encodeDoc(ctx.docSchema, input.doc);
  const title = checkTitle(input.title);
  const by = checkUserId(input.by, 'by');
  const requestId = checkRequestId(input.requestId ?? randomUUID());
  // The owner is only known inside the script, which drops it from the editors.
  const editorIds = input.editorIds === undefined ? undefined : checkEditors(input.editorIds, '');
  const now = ctx.clock();
  const reply = saveReply.parse(
    await ctx.scripts.save(draftKeys(ws, canonical), [
      canonical,
      expectedVersion,
      deflateJson(docJson),
      title,
      titleHash(title),
      now.toISOString(),
      now.getTime(),
      by,
      encodeRevisionMeta({ savedAt: now, savedBy: by, title, restoredFrom }),
      requestId,
      HISTORY_LIMIT,
      editorIds === undefined ? '0' : '1',
      ...(editorIds ?? []),
    ]),
  );
  if (reply[0] === 'not_found') return { ok: false, reason: 'not_found' };
  if (reply[0] === 'corrupt') {
    throw new StoreError('corrupt_record', 'stored draft has no valid version or owner', {
      ws,
      id: canonical,
    });
  }
  const record = parseDraftRecord(ctx.docSchema, canonical, bufferHashFromReply(reply[1]), { ws });
  return reply[0] === 'ok'
    ? { ok: true, record }
    : { ok: false, reason: 'conflict', current: record };
}

export async function deleteDraft<T>(
  ctx: RedisDraftContext<T>,
  ws: WorkspaceKey,
  id: string,
  expectedVersion: number | undefined,
): Promise<DeleteResult> {
  const canonical = normalizeDraftId(id);
  if (canonical === undefined) return { ok: false, reason: 'not_found' };
  const expected =
    expectedVersion === undefined ? '' : checkVersion(expectedVersion, 'expectedVersion');
  const reply = deleteReply.parse(
    await ctx.scripts.delete(draftKeys(ws, canonical), [canonical, expected, '']),
  );
  switch (reply[0]) {
    case 'deleted':
      return { ok: true };
    case 'conflict': {
      const currentVersion = Number(reply[1]);
      if (!Number.isSafeInteger(currentVersion) || reply[1] === '') {
        throw new StoreError('corrupt_record', 'stored draft version is not a number', {
          ws,
          id: canonical,
        });
      }
      return { ok: false, reason: 'conflict', currentVersion };
    }
    default:
      return { ok: false, reason: 'not_found' };
  }
}
