import type { Cluster, Redis } from 'ioredis';
import type { DraftKeys } from './draftKeys.js';
import { CREATE_DRAFT_LUA } from './lua/createDraftLua.js';
import { DELETE_DRAFT_LUA } from './lua/deleteDraftLua.js';
import { PUT_PENDING_INPUT_LUA, TAKE_PENDING_INPUT_LUA } from './lua/pendingInputLua.js';
import { READ_REVISION_LUA } from './lua/readRevisionLua.js';
import { SAVE_DRAFT_LUA } from './lua/saveDraftLua.js';

type Arg = string | number | Buffer;
type ScriptCommand = (...keysAndArgs: Arg[]) => Promise<unknown>;

// defineCommand gives EVALSHA with a transparent EVAL fallback (after a restart or SCRIPT FLUSH the
// server forgets the scripts) and, thanks to numberOfKeys, lets Cluster route by the first key.
const SCRIPTS = {
  opsplanDraftCreate: { lua: CREATE_DRAFT_LUA, numberOfKeys: 6 },
  opsplanDraftSave: { lua: SAVE_DRAFT_LUA, numberOfKeys: 6 },
  opsplanDraftDelete: { lua: DELETE_DRAFT_LUA, numberOfKeys: 7 },
  opsplanPendingPut: { lua: PUT_PENDING_INPUT_LUA, numberOfKeys: 2 },
  opsplanPendingTake: { lua: TAKE_PENDING_INPUT_LUA, numberOfKeys: 1 },
  opsplanDraftRevision: { lua: READ_REVISION_LUA, numberOfKeys: 3 },
} as const;

type ScriptName = keyof typeof SCRIPTS;

/** Typed entry points to the Lua scripts; each names every key it touches. */
export interface DraftScripts {
  create(keys: DraftKeys, args: Arg[]): Promise<unknown>;
  save(keys: DraftKeys, args: Arg[]): Promise<unknown>;
  delete(keys: DraftKeys, args: Arg[]): Promise<unknown>;
  putPending(keys: DraftKeys, args: Arg[]): Promise<unknown>;
  takePending(keys: DraftKeys, args: Arg[]): Promise<unknown>;
  readRevision(keys: DraftKeys, version: number): Promise<unknown>;
}

export function registerDraftScripts(client: Redis | Cluster): DraftScripts {
  for (const [name, definition] of Object.entries(SCRIPTS)) {
    client.defineCommand(name, definition);
  }
  // defineCommand adds methods at runtime that ioredis' types cannot know about.
  const commands = client as unknown as Record<ScriptName | `${ScriptName}Buffer`, ScriptCommand>;
  const draftWriteKeys = (k: DraftKeys) => [
    k.draft,
    k.revs,
    k.revmeta,
    k.updatedIndex,
    k.accessIndex,
    k.titleIndex,
  ];
  return {
    create: (keys, args) => commands.opsplanDraftCreate(...draftWriteKeys(keys), ...args),
    // Its reply holds the record, whose doc is binary: the Buffer variant leaves it intact.
    save: (keys, args) => commands.opsplanDraftSaveBuffer(...draftWriteKeys(keys), ...args),
    delete: (keys, args) =>
      commands.opsplanDraftDelete(
        keys.draft,
        keys.revs,
        keys.revmeta,
        keys.pending,
        keys.updatedIndex,
        keys.accessIndex,
        keys.titleIndex,
        ...args,
      ),
    putPending: (keys, args) => commands.opsplanPendingPut(keys.draft, keys.pending, ...args),
    takePending: (keys, args) => commands.opsplanPendingTake(keys.pending, ...args),
    readRevision: (keys, version) =>
      commands.opsplanDraftRevisionBuffer(keys.draft, keys.revs, keys.revmeta, version),
  };
}
