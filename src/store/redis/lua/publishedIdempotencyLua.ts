/**
 * The idempotency record of one publish request: a lease while it runs, the outcome once done.
 * Time is the caller's clock (ARGV nowMs), so tests control lease expiry; replicas' clocks only need
 * to agree to well within a lease.
 */

/**
 * KEYS: record, freezes
 * ARGV: nowMs, leaseMs, owner, recordTtlMs, keyHash
 * Returns {'done', version, postJson} | {'in_progress', owner, leaseUntil}
 *       | {'acquired', previousOwner or '', frozenVersion or ''} | {'corrupt'}.
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
return {'acquired', previous, redis.call('HGET', freezesKey, ARGV[5]) or ''}
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
