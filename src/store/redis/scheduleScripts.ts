import type { Cluster, Redis } from 'ioredis';
import { RELEASE_CLAIMS_LUA, RENEW_CLAIMS_LUA } from './lua/scheduleLeasesLua.js';
import {
  ADD_ONE_OFF_LUA,
  BEGIN_STEP_LUA,
  CLAIM_DUE_LUA,
  COMPLETE_CLAIM_LUA,
  COMPLETE_STEP_LUA,
  MARK_RUNNING_LUA,
  PULL_FORWARD_LUA,
  RELEASE_STEP_LUA,
  REMOVE_SCHEDULE_LUA,
  RENEW_CLAIM_LUA,
  UPSERT_SCHEDULE_LUA,
} from './lua/scheduleLua.js';
import {
  ACQUIRE_GATE_LUA,
  BLOCK_UNTIL_LUA,
  RELEASE_GATE_LUA,
  RESERVE_SLOT_LUA,
} from './lua/schedulePaceLua.js';

type Arg = string | number;
type ScriptCommand = (...keysAndArgs: Arg[]) => Promise<unknown>;

// EVALSHA with EVAL fallback; numberOfKeys lets Cluster route by the first key.
const SCRIPTS = {
  opsplanScheduleClaim: { lua: CLAIM_DUE_LUA, numberOfKeys: 2 },
  opsplanScheduleRenew: { lua: RENEW_CLAIM_LUA, numberOfKeys: 2 },
  opsplanScheduleRenewMany: { lua: RENEW_CLAIMS_LUA, numberOfKeys: 2 },
  opsplanScheduleReleaseMany: { lua: RELEASE_CLAIMS_LUA, numberOfKeys: 2 },
  opsplanScheduleComplete: { lua: COMPLETE_CLAIM_LUA, numberOfKeys: 3 },
  opsplanScheduleUpsert: { lua: UPSERT_SCHEDULE_LUA, numberOfKeys: 4 },
  opsplanScheduleRemove: { lua: REMOVE_SCHEDULE_LUA, numberOfKeys: 4 },
  opsplanSchedulePullForward: { lua: PULL_FORWARD_LUA, numberOfKeys: 3 },
  opsplanScheduleMarkRunning: { lua: MARK_RUNNING_LUA, numberOfKeys: 2 },
  opsplanScheduleAddOneOff: { lua: ADD_ONE_OFF_LUA, numberOfKeys: 2 },
  opsplanScheduleBeginStep: { lua: BEGIN_STEP_LUA, numberOfKeys: 2 },
  opsplanScheduleCompleteStep: { lua: COMPLETE_STEP_LUA, numberOfKeys: 1 },
  opsplanScheduleReleaseStep: { lua: RELEASE_STEP_LUA, numberOfKeys: 1 },
  opsplanPaceReserve: { lua: RESERVE_SLOT_LUA, numberOfKeys: 1 },
  opsplanPaceAcquire: { lua: ACQUIRE_GATE_LUA, numberOfKeys: 1 },
  opsplanPaceRelease: { lua: RELEASE_GATE_LUA, numberOfKeys: 1 },
  opsplanPaceBlock: { lua: BLOCK_UNTIL_LUA, numberOfKeys: 1 },
} as const;

export type ScheduleScriptName = keyof typeof SCRIPTS;

/** Typed entry points to the schedule's Lua scripts: keys first, then arguments. */
export type ScheduleScripts = Record<
  ScheduleScriptName,
  (keys: readonly string[], args: readonly Arg[]) => Promise<unknown>
>;

export function registerScheduleScripts(client: Redis | Cluster): ScheduleScripts {
  for (const [name, definition] of Object.entries(SCRIPTS)) {
    client.defineCommand(name, definition);
  }
  // defineCommand adds methods at runtime that ioredis' types cannot know about.
  const commands = client as unknown as Record<ScheduleScriptName, ScriptCommand>;
  const call =
    (name: ScheduleScriptName) =>
    (keys: readonly string[], args: readonly Arg[]): Promise<unknown> => {
      if (keys.length !== SCRIPTS[name].numberOfKeys) {
        throw new RangeError(`${name} takes ${SCRIPTS[name].numberOfKeys} keys`);
      }
      return commands[name](...keys, ...args);
    };
  return Object.fromEntries(
    Object.keys(SCRIPTS).map((name) => [name, call(name as ScheduleScriptName)]),
  ) as ScheduleScripts;
}
