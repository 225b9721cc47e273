/**
 * KEYS: draft, pending   ARGV: field, entryJson, ttlSeconds
 * Only stores values for a draft that exists, so a late `view_closed` after a delete leaves nothing.
 */
export const PUT_PENDING_INPUT_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
`;

/** KEYS: pending   ARGV: field — returns the entry JSON (or nil) and removes it. */
export const TAKE_PENDING_INPUT_LUA = `
local entry = redis.call('HGET', KEYS[1], ARGV[1])
if entry then redis.call('HDEL', KEYS[1], ARGV[1]) end
return entry
`;
