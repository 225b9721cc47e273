/**
 * Pacing gates shared by all replicas, so a rate holds across processes, not only inside one.
 *
 * A channel gate is also a lock: a post to the channel holds it until Slack answered, then releases
 * it to "free again `interval` after the answer". Spacing by answer time, not by when the request
 * was sent, keeps posts ≥ interval apart as Slack sees them even when one request is slow in
 * flight. The gate value is `h<untilMs>` while held (the hold expires if its holder dies) or
 * `<nextFreeMs>` while pacing.
 *
 * KEYS: gate
 * ARGV: nowMs, holdMs
 * Returns {0, 0} when the caller now holds the gate, else {waitMs, held (1 | 0)}.
 */
export const ACQUIRE_GATE_LUA = `
local now = tonumber(ARGV[1])
local value = redis.call('GET', KEYS[1])
if value then
  local held = string.sub(value, 1, 1) == 'h'
  local untilMs = tonumber(held and string.sub(value, 2) or value)
  if untilMs and untilMs > now then return {untilMs - now, held and 1 or 0} end
end
local hold = tonumber(ARGV[2])
redis.call('SET', KEYS[1], 'h' .. tostring(now + hold), 'PX', hold)
return {0, 0}
`;

/**
 * Releases a channel gate: free again at ARGV freeAtMs (the answer time + interval, or a 429's
 * Retry-After).
 * KEYS: gate
 * ARGV: nowMs, freeAtMs
 */
export const RELEASE_GATE_LUA = `
local freeAt = tonumber(ARGV[2])
redis.call('SET', KEYS[1], tostring(freeAt), 'PX', math.max(freeAt - tonumber(ARGV[1]), 0) + 1000)
return 1
`;

/**
 * A rate gate (a method's tier across a workspace): reserves the next free slot.
 * KEYS: gate
 * ARGV: nowMs, intervalMs
 * Returns how long the caller waits (ms) before its slot.
 */
export const RESERVE_SLOT_LUA = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', slot + interval - now + 1000)
return slot - now
`;

/**
 * Pushes a rate gate back (a 429's Retry-After) without taking a slot.
 * KEYS: gate
 * ARGV: nowMs, notBeforeMs
 */
export const BLOCK_UNTIL_LUA = `
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local blocked = tonumber(ARGV[2])
if blocked > nextFree then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', blocked - tonumber(ARGV[1]) + 1000)
end
return 1
`;
