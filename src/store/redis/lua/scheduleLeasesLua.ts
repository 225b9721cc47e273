/**
 * Leases of many claims at once, for a replica that holds thousands (claimed on one tick, queued
 * until a job slot frees): one script per batch of one bucket instead of one round trip per claim.
 * Same rules as RENEW_CLAIM_LUA: only the token's holder may extend or give a claim back.
 */

/**
 * KEYS: due, claims
 * ARGV: (sid, token, untilMs) repeated
 * Returns the positions (0-based, in argument order) of the claims the caller no longer holds
 * (another replica claimed them, or they ended). Positions, not sids: a replica may hold a stale
 * claim and a fresh one on the same sid, and only the stale one is lost.
 */
export const RENEW_CLAIMS_LUA = `
local lost = {}
for i = 1, #ARGV, 3 do
  local sid = ARGV[i]
  if redis.call('HGET', KEYS[2], sid) == ARGV[i + 1] then
    redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[i + 2]), sid)
  else
    lost[#lost + 1] = (i - 1) / 3
  end
end
return lost
`;

/**
 * Gives claims back unrun (a replica stopping with work still queued): each is due again at its
 * dueMs, so any replica claims it on its next tick instead of after the lease.
 * KEYS: due, claims
 * ARGV: (sid, token, dueMs) repeated
 * Returns how many were still the caller's and are now released.
 */
export const RELEASE_CLAIMS_LUA = `
local released = 0
for i = 1, #ARGV, 3 do
  local sid = ARGV[i]
  if redis.call('HGET', KEYS[2], sid) == ARGV[i + 1] then
    redis.call('HDEL', KEYS[2], sid)
    redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[i + 2]), sid)
    released = released + 1
  end
end
return released
`;
