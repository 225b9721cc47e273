/**
 * The idempotency record of one publish request: a lease while it runs, the outcome once done.
 * Time is the caller's clock (ARGV nowMs), so tests control lease expiry; replicas' clocks only need
 * to agree to well within a lease.
 */

/**
 * Taking over an expired lease keeps the record's progress fields (summaryTs, replyTs, fileId) and
 * hands them to the new holder, which continues from them.
 * KEYS: record, freezes
 * ARGV: nowMs, leaseMs, owner, recordTtlMs, keyHash
 * Returns {'done', version, postJson} | {'in_progress', owner, leaseUntil}
 *       | {'acquired', previousOwner or '', frozenVersion or '', summaryTs, replyTs, fileId}
 *       | {'corrupt'}; missing progress fields are ''.
 */
export const BEGIN_PUBLISH_LUA = `
local recordKey, freezesKey = KEYS[1], KEYS[2]
local now = tonumber(ARGV[1])
local state = redis.call('HGET', recordKey, 'state')
local previous = ''
if state == 'done' then
  return {'done', redis.call('HGET', recordKey, 'version') or '', redis.call('HGET', recordKey, 'post') or ''}
elseif state == 'in_progress' then
  local leaseUntil = tonumber(redis.call('HGET', recordKey, 'leaseUntil'))
  local owner = redis.call('HGET', recordKey, 'owner')
  if not leaseUntil or type(owner) ~= 'string' then return {'corrupt'} end
  if leaseUntil > now then return {'in_progress', owner, tostring(leaseUntil)} end
  previous = owner
elseif state then
  return {'corrupt'}
end
redis.call('HSET', recordKey, 'state', 'in_progress', 'owner', ARGV[3],
  'leaseUntil', tostring(now + tonumber(ARGV[2])), 'startedAt', ARGV[1])
redis.call('PEXPIRE', recordKey, ARGV[4])
local progress = redis.call('HMGET', recordKey, 'summaryTs', 'replyTs', 'fileId')
return {'acquired', previous, redis.call('HGET', freezesKey, ARGV[5]) or '',
  progress[1] or '', progress[2] or '', progress[3] or ''}
`;

/**
 * KEYS: record
 * ARGV: nowMs, leaseMs, owner, recordTtlMs
 * Returns 1 when the caller still held the lease (now extended), else 0.
 */
export const RENEW_PUBLISH_LUA = `
local recordKey = KEYS[1]
if redis.call('HGET', recordKey, 'state') ~= 'in_progress' then return 0 end
if redis.call('HGET', recordKey, 'owner') ~= ARGV[3] then return 0 end
redis.call('HSET', recordKey, 'leaseUntil', tostring(tonumber(ARGV[1]) + tonumber(ARGV[2])))
redis.call('PEXPIRE', recordKey, ARGV[4])
return 1
`;

/**
 * One posted step, written only by the lease holder (a replica whose lease was taken over must not
 * add to the new holder's progress), extending the lease like a renewal. A summary starts the post
 * over; replies are appended space-separated in posting order.
 * KEYS: record
 * ARGV: nowMs, leaseMs, owner, recordTtlMs, kind ('summary' | 'reply' | 'file'), value
 * Returns 1 when recorded, 0 when the caller does not hold the lease.
 */
export const RECORD_PUBLISH_STEP_LUA = `
local recordKey = KEYS[1]
if redis.call('HGET', recordKey, 'state') ~= 'in_progress' then return 0 end
if redis.call('HGET', recordKey, 'owner') ~= ARGV[3] then return 0 end
local kind, value = ARGV[5], ARGV[6]
if kind == 'summary' then
  redis.call('HDEL', recordKey, 'replyTs', 'fileId')
  redis.call('HSET', recordKey, 'summaryTs', value)
elseif kind == 'reply' then
  local replies = redis.call('HGET', recordKey, 'replyTs')
  redis.call('HSET', recordKey, 'replyTs', replies and (replies .. ' ' .. value) or value)
elseif kind == 'file' then
  redis.call('HSET', recordKey, 'fileId', value)
else
  return redis.error_reply('unknown publish step')
end
redis.call('HSET', recordKey, 'leaseUntil', tostring(tonumber(ARGV[1]) + tonumber(ARGV[2])))
redis.call('PEXPIRE', recordKey, ARGV[4])
return 1
`;

/**
 * KEYS: record
 * ARGV: owner
 * Returns 1 when the caller's lease was released, else 0.
 */
export const ABANDON_PUBLISH_LUA = `
local recordKey = KEYS[1]
if redis.call('HGET', recordKey, 'state') ~= 'in_progress' then return 0 end
if redis.call('HGET', recordKey, 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', recordKey)
return 1
`;

/**
 * The first completion wins; later ones return it unchanged.
 * KEYS: record
 * ARGV: version, postJson, nowMs, recordTtlMs
 * Returns {'done', version, postJson}.
 */
export const COMPLETE_PUBLISH_LUA = `
local recordKey = KEYS[1]
if redis.call('HGET', recordKey, 'state') == 'done' then
  return {'done', redis.call('HGET', recordKey, 'version') or '', redis.call('HGET', recordKey, 'post') or ''}
end
redis.call('DEL', recordKey)
redis.call('HSET', recordKey, 'state', 'done', 'version', ARGV[1], 'post', ARGV[2], 'completedAt', ARGV[3])
redis.call('PEXPIRE', recordKey, ARGV[4])
return {'done', ARGV[1], ARGV[2]}
`;
