/**
 * Lua for check-ins: an answer and its series entries are written together (a replica dying midway
 * cannot leave a value in the series that its round does not know about), and the digest claim is a
 * compare-and-set with a lease.
 */

/**
 * KEYS[1] round hash, KEYS[1+i] series of the i-th KPI.
 * ARGV: userId, answer JSON, report time ms, series cap, round TTL ms, then (kpiId, member) pairs.
 * Returns the new revision, or -1 when the round does not exist.
 */
export const RECORD_ANSWER_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return -1 end
redis.call('HSET', KEYS[1], 'ans:' .. ARGV[1], ARGV[2])
local cap = tonumber(ARGV[4])
local count = (#ARGV - 5) / 2
for i = 1, count do
  local kpi = ARGV[5 + 2 * i - 1]
  local member = ARGV[5 + 2 * i]
  local series = KEYS[1 + i]
  local old = redis.call('HGET', KEYS[1], 'val:' .. kpi)
  if old then redis.call('ZREM', series, old) end
  redis.call('ZADD', series, ARGV[3], member)
  redis.call('HSET', KEYS[1], 'val:' .. kpi, member)
  redis.call('ZREMRANGEBYRANK', series, 0, -(cap + 1))
end
local rev = redis.call('HINCRBY', KEYS[1], 'rev', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
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
