import { ACCESS_INDEX_LUA } from './accessIndexLua.js';

/**
 * Removes a draft and everything hanging off it in one atomic step.
 * KEYS: draft, revs, revmeta, pending, updatedIndex, accessIndex, titleIndex
 * ARGV: id, expectedVersion ('' = any), notUpdatedAfterMs ('' = any; the sweep's cutoff, so a draft
 *       saved after the sweep read the index survives)
 * Returns {'deleted', hgetall} | {'conflict', version} | {'fresh'} | {'not_found'}.
 */
export const DELETE_DRAFT_LUA = `${ACCESS_INDEX_LUA}
local draftKey, revsKey, revmetaKey, pendingKey, updatedKey, accessKey, titleKey =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local id = ARGV[1]
if redis.call('EXISTS', draftKey) == 0 then return {'not_found'} end

local version = redis.call('HGET', draftKey, 'version')
if ARGV[2] ~= '' and tonumber(version) ~= tonumber(ARGV[2]) then
  return {'conflict', version or ''}
end
if ARGV[3] ~= '' then
  local score = redis.call('ZSCORE', updatedKey, id)
  if score and tonumber(score) > tonumber(ARGV[3]) then return {'fresh'} end
end

local fields = redis.call('HGETALL', draftKey)
removeAccessEntries(accessKey, draftKey, id)
removeTitleEntry(titleKey, draftKey, id)
redis.call('ZREM', updatedKey, id)
redis.call('DEL', draftKey, revsKey, revmetaKey, pendingKey)
return {'deleted', fields}
`;
