import type { Cluster, Redis } from 'ioredis';
import { ATTACH_POST_LUA, FREEZE_PUBLISHED_LUA } from './lua/publishedFreezeLua.js';
import {
  ABANDON_PUBLISH_LUA,
  BEGIN_PUBLISH_LUA,
  COMPLETE_PUBLISH_LUA,
  RECORD_PUBLISH_STEP_LUA,
  RENEW_PUBLISH_LUA,
} from './lua/publishedIdempotencyLua.js';

type Arg = string | number | Buffer;
type ScriptCommand = (...keysAndArgs: Arg[]) => Promise<unknown>;

// As for drafts: EVALSHA with EVAL fallback, and numberOfKeys lets Cluster route by the first key.
const SCRIPTS = {
  opsplanPublishedFreeze: { lua: FREEZE_PUBLISHED_LUA, numberOfKeys: 5 },
  opsplanPublishedAttachPost: { lua: ATTACH_POST_LUA, numberOfKeys: 2 },
  opsplanPublishBegin: { lua: BEGIN_PUBLISH_LUA, numberOfKeys: 2 },
  opsplanPublishRenew: { lua: RENEW_PUBLISH_LUA, numberOfKeys: 1 },
  opsplanPublishRecordStep: { lua: RECORD_PUBLISH_STEP_LUA, numberOfKeys: 1 },
  opsplanPublishAbandon: { lua: ABANDON_PUBLISH_LUA, numberOfKeys: 1 },
  opsplanPublishComplete: { lua: COMPLETE_PUBLISH_LUA, numberOfKeys: 1 },
} as const;

export type PublishedScriptName = keyof typeof SCRIPTS;

/** Typed entry points to the published store's Lua scripts: keys first, then arguments. */
export type PublishedScripts = Record<
  PublishedScriptName,
  (keys: readonly string[], args: readonly Arg[]) => Promise<unknown>
>;

export function registerPublishedScripts(client: Redis | Cluster): PublishedScripts {
  for (const [name, definition] of Object.entries(SCRIPTS)) {
    client.defineCommand(name, definition);
  }
  // defineCommand adds methods at runtime that ioredis' types cannot know about.
  const commands = client as unknown as Record<PublishedScriptName, ScriptCommand>;
  const call =
    (name: PublishedScriptName) =>
    (keys: readonly string[], args: readonly Arg[]): Promise<unknown> => {
      if (keys.length !== SCRIPTS[name].numberOfKeys) {
        throw new RangeError(`${name} takes ${SCRIPTS[name].numberOfKeys} keys`);
      }
      return commands[name](...keys, ...args);
    };
  return Object.fromEntries(
    Object.keys(SCRIPTS).map((name) => [name, call(name as PublishedScriptName)]),
  ) as PublishedScripts;
}
