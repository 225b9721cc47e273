/**
 * A shared pacing gate: every replica reserves the next free send slot of a channel (or a
 * method's tier) in Redis, so the rate holds across replicas, not only inside one process.
 *
 * KEYS: gate
 * ARGV: nowMs, intervalMs, notBeforeMs ('' or an instant no slot may precede, e.g. Retry-After)
 * Returns how long the caller waits (ms) before its slot.
 */
export const RESERVE_SLOT_LUA = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[3] ~= '' then nextFree = math.max(nextFree, tonumber(ARGV[3])) end
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', slot + interval - now + 1000)
return slot - now
`;

/**
 * Pushes a gate back (a 429's Retry-After) without taking a slot.
 * KEYS: gate
 * ARGV: nowMs, notBeforeMs
 */
export const BLOCK_UNTIL_LUA = `
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local blocked = tonumber(ARGV[2])
if blocked > nextFree then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', blocked - tonumber(ARGV[1]) + 1000)
end
return 1
`;
