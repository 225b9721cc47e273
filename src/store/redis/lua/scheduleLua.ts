/**
 * Lua of the durable schedule. Every script touches keys of one bucket slot only (`{sched:<n>}`),
 * all declared in KEYS. Time is the caller's clock (ARGV nowMs) so tests control leases; replicas'
 * clocks only need to agree to well within a lease.
 *
 * A claim is the only right to run an occurrence: `claims[sid]` holds the claimer's token and the
 * due ZSET score is pushed to the end of its lease. A replica that dies simply stops renewing: the
 * score comes due again and the next claimer overwrites the token, so the dead one (if it was only
 * slow) can no longer complete, renew or start a step.
 */

/**
 * KEYS: due, claims
 * ARGV: nowMs, leaseMs, limit, token
 * Returns the claimed schedule ids, most overdue first.
 */
export const CLAIM_DUE_LUA = `
local now = tonumber(ARGV[1])
local untilMs = now + tonumber(ARGV[2])
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], untilMs, id)
  redis.call('HSET', KEYS[2], id, ARGV[4])
end
return ids
`;

/**
 * KEYS: due, claims
 * ARGV: sid, token, untilMs
 * Returns 1 when the caller still holds the claim (now extended), else 0.
 */
export const RENEW_CLAIM_LUA = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[3]), ARGV[1])
return 1
`;

/**
 * Ends a claim: records how far the schedule is done and when it is due next.
 * KEYS: due, claims, schedule
 * ARGV: sid, token, lastDoneMs or '', nextDueMs or '' (no next: out of the due index),
 *       revRead ('*': whatever it is now), nowMs, attempts ('' resets), finishedTtlMs ('' keeps the
 *       record; else the one-off
 *       is marked finished and expires then)
 * Returns 'ok', 'lost' (another replica claimed it since) or 'gone' (schedule removed meanwhile).
 */
export const COMPLETE_CLAIM_LUA = `
local sid, token = ARGV[1], ARGV[2]
if redis.call('HGET', KEYS[2], sid) ~= token then return 'lost' end
redis.call('HDEL', KEYS[2], sid)
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('ZREM', KEYS[1], sid)
  return 'gone'
end
if ARGV[3] ~= '' then
  local previous = tonumber(redis.call('HGET', KEYS[3], 'lastDone') or '0')
  if tonumber(ARGV[3]) > previous then redis.call('HSET', KEYS[3], 'lastDone', ARGV[3]) end
end
redis.call('HDEL', KEYS[3], 'running')
if ARGV[7] == '' then redis.call('HDEL', KEYS[3], 'attempts')
else redis.call('HSET', KEYS[3], 'attempts', ARGV[7]) end
if ARGV[8] ~= '' then
  redis.call('HSET', KEYS[3], 'finished', ARGV[6])
  redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[8]))
  redis.call('ZREM', KEYS[1], sid)
  return 'ok'
end
local rev = redis.call('HGET', KEYS[3], 'rev') or ''
if ARGV[5] ~= '*' and rev ~= ARGV[5] then
  -- The spec changed while we ran: whatever we computed is stale, look again now.
  redis.call('ZADD', KEYS[1], tonumber(ARGV[6]), sid)
elseif ARGV[4] == '' then
  redis.call('ZREM', KEYS[1], sid)
else
  redis.call('ZADD', KEYS[1], tonumber(ARGV[4]), sid)
end
return 'ok'
`;

/**
 * Upserts a recurring schedule. An unchanged spec keeps its due time and progress; a new or
 * changed one is due at ARGV nextDueMs (unless claimed right now: the claimer sees the new rev
 * when it completes and re-queues it).
 * KEYS: due, claims, schedule, planSet
 * ARGV: sid, ws, planId, kind, target, specJson, nowMs, nextDueMs or ''
 * Returns 'created', 'updated' or 'unchanged'.
 */
export const UPSERT_SCHEDULE_LUA = `
local sid = ARGV[1]
redis.call('SADD', KEYS[4], sid)
local existing = redis.call('HGET', KEYS[3], 'spec')
if existing == ARGV[6] then return 'unchanged' end
local result = 'updated'
if not existing then
  result = 'created'
  redis.call('HSET', KEYS[3], 'ws', ARGV[2], 'planId', ARGV[3], 'kind', ARGV[4], 'target', ARGV[5],
    'createdAt', ARGV[7])
end
redis.call('HSET', KEYS[3], 'spec', ARGV[6])
redis.call('HINCRBY', KEYS[3], 'rev', 1)
if redis.call('HEXISTS', KEYS[2], sid) == 1 then return result end
if ARGV[8] == '' then redis.call('ZREM', KEYS[1], sid)
else redis.call('ZADD', KEYS[1], tonumber(ARGV[8]), sid) end
return result
`;

/**
 * KEYS: due, claims, schedule, planSet
 * ARGV: sid
 */
export const REMOVE_SCHEDULE_LUA = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3])
redis.call('SREM', KEYS[4], ARGV[1])
return 1
`;

/**
 * Adds a one-off job (deferred follow-up or on-demand trigger) unless one with this id exists or
 * existed recently (finished ones are kept until they expire): a second defer is a no-op.
 * KEYS: due, schedule
 * ARGV: sid, ws, planId, kind, target, periodKey, atMs, trigger, payloadJson or '', nowMs
 * Returns 1 when added, 0 when it already existed.
 */
export const ADD_ONE_OFF_LUA = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[2], 'ws', ARGV[2], 'planId', ARGV[3], 'kind', ARGV[4], 'target', ARGV[5],
  'oneOff', '1', 'periodKey', ARGV[6], 'at', ARGV[7], 'trigger', ARGV[8], 'createdAt', ARGV[10], 'rev', '1')
if ARGV[9] ~= '' then redis.call('HSET', KEYS[2], 'payload', ARGV[9]) end
redis.call('ZADD', KEYS[1], tonumber(ARGV[7]), ARGV[1])
return 1
`;

/**
 * Starts a step of an occurrence (JobTools.once) for the current claim holder.
 * KEYS: claims, occurrence
 * ARGV: sid, token, step, ttlMs
 * Returns {'lost'} | {'done', resultJson} | {'acquired', previousHolderToken or ''}.
 */
export const BEGIN_STEP_LUA = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return {'lost'} end
local result = redis.call('HGET', KEYS[2], 'r:' .. ARGV[3])
if result then return {'done', result} end
local previous = redis.call('HGET', KEYS[2], 'l:' .. ARGV[3]) or ''
redis.call('HSET', KEYS[2], 'l:' .. ARGV[3], ARGV[2])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
return {'acquired', previous}
`;

/**
 * Records a step's result. Recorded even when the claim was lost meanwhile: the message was sent,
 * and a replica that took over must find it rather than send again.
 * KEYS: occurrence
 * ARGV: step, token, resultJson, ttlMs
 * Returns 1 when this call recorded it, 0 when a result was already there.
 */
export const COMPLETE_STEP_LUA = `
local stored = redis.call('HSETNX', KEYS[1], 'r:' .. ARGV[1], ARGV[3])
if redis.call('HGET', KEYS[1], 'l:' .. ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], 'l:' .. ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
return stored
`;

/**
 * KEYS: occurrence
 * ARGV: step, token — releases the caller's step lease after a failed send.
 */
export const RELEASE_STEP_LUA = `
if redis.call('HGET', KEYS[1], 'l:' .. ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], 'l:' .. ARGV[1]) end
return 1
`;

/**
 * Notes which occurrence the claim holder is running, so a replica taking over after a lost claim
 * finishes that one first even when, by then, catch-up would treat it as skipped.
 * KEYS: claims, schedule
 * ARGV: sid, token, occurrenceJson
 * Returns 1, or 0 when the caller no longer holds the claim.
 */
export const MARK_RUNNING_LUA = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[2], 'running', ARGV[3])
return 1
`;

/**
 * "Run it now" for a one-off that already exists and waits for a later time (a deferred digest
 * asked for early): its due time moves to now. Not when it is claimed, finished or already due.
 * KEYS: due, claims, schedule
 * ARGV: sid, nowMs
 * Returns 1 when moved, else 0.
 */
export const PULL_FORWARD_LUA = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
if redis.call('HEXISTS', KEYS[3], 'finished') == 1 then return 0 end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) <= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
return 1
`;
