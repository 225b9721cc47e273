/**
 * Lua for check-ins: an answer and its series entries are written together (a replica dying midway
 * cannot leave a value in the series that its round does not know about), and the digest claim is a
 * compare-and-set with a lease.
 */

/**
 * KEYS[1] round hash, KEYS[1+i] series of the i-th KPI.
 * ARGV: expected revision, answer field, answer JSON, report time ms, series cap, round TTL ms, then
 * per KPI: kpiId, its new member ('' for none), the members it replaces ("\n"-joined).
 * The caller read those members at the expected revision; any answer since makes it read again.
 * Returns the new revision, -1 when the round does not exist, -2 when the revision moved.
 */
export const RECORD_ANSWER_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return -1 end
if (redis.call('HGET', KEYS[1], 'rev') or '0') ~= ARGV[1] then return -2 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
local cap = tonumber(ARGV[5])
local count = (#ARGV - 6) / 3
for i = 1, count do
  local kpi = ARGV[6 + 3 * i - 2]
  local series = KEYS[1 + i]
  -- Rounds written before the compact layout name their member in a field of its own.
  local legacy = redis.call('HGET', KEYS[1], 'val:' .. kpi)
  if legacy then
    redis.call('ZREM', series, legacy)
    redis.call('HDEL', KEYS[1], 'val:' .. kpi)
  end
  for old in string.gmatch(ARGV[6 + 3 * i], '[^\\n]+') do redis.call('ZREM', series, old) end
  local member = ARGV[6 + 3 * i - 1]
  if member ~= '' then
    redis.call('ZADD', series, ARGV[4], member)
    redis.call('ZREMRANGEBYRANK', series, 0, -(cap + 1))
  end
end
local rev = redis.call('HINCRBY', KEYS[1], 'rev', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return rev
`;

/**
 * KEYS[1] round hash. ARGV: token, now ms, lease ms.
 * Returns {'posted', digest JSON} | {'busy'} | {'claimed'} | {'missing'}.
 */
export const CLAIM_DIGEST_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return {'missing'} end
local posted = redis.call('HGET', KEYS[1], 'digest')
if posted then return {'posted', posted} end
local claim = redis.call('HGET', KEYS[1], 'digestClaim')
local now = tonumber(ARGV[2])
if claim then
  local sep = string.find(claim, ':', 1, true)
  local leaseUntil = tonumber(string.sub(claim, 1, sep - 1))
  local holder = string.sub(claim, sep + 1)
  if holder ~= ARGV[1] and leaseUntil > now then return {'busy'} end
end
redis.call('HSET', KEYS[1], 'digestClaim', tostring(now + tonumber(ARGV[3])) .. ':' .. ARGV[1])
return {'claimed'}
`;

/**
 * KEYS[1] round hash. ARGV: digest JSON. Once the digest is out its claim only ever answers
 * "posted", so the claim goes. A round that expired meanwhile stays gone (no TTL-less leftover).
 * Returns 1, or 0 when the round does not exist.
 */
export const ATTACH_DIGEST_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'digest', ARGV[1])
redis.call('HDEL', KEYS[1], 'digestClaim')
return 1
`;
