import { ACCESS_INDEX_LUA } from './accessIndexLua.js';

/**
 * Compare-and-set of a draft on its version, with history and indexes, in one atomic step.
 * KEYS: draft, revs, revmeta, updatedIndex, accessIndex, titleIndex
 * ARGV: id, expectedVersion, doc (deflatedJson bytes), title, titleHash, nowIso, nowMs, by,
 *       revMetaJson, saveId, historyLimit, editorsGiven ('1' | '0'), editorId…
 * The newest revision's document is the record's own: a save moves the one it replaces into revs.
 * Returns {'ok', hgetall} | {'conflict', hgetall} | {'not_found'} | {'corrupt'} (called through
 * the Buffer variant: the record's doc is binary).
 */
export const SAVE_DRAFT_LUA = `${ACCESS_INDEX_LUA}
local draftKey, revsKey, revmetaKey, updatedKey, accessKey, titleKey =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id = ARGV[1]
if redis.call('EXISTS', draftKey) == 0 then return {'not_found'} end

local current = tonumber(redis.call('HGET', draftKey, 'version'))
local owner = redis.call('HGET', draftKey, 'ownerId')
if not current or type(owner) ~= 'string' or owner == '' then return {'corrupt'} end
local expected = tonumber(ARGV[2])
if current ~= expected then
  -- ioredis resends unanswered commands after a reconnect: a save that already landed must not be
  -- reported to its own author as a conflict.
  if current == expected + 1 and redis.call('HGET', draftKey, 'saveId') == ARGV[10] then
    return {'ok', redis.call('HGETALL', draftKey)}
  end
  return {'conflict', redis.call('HGETALL', draftKey)}
end

local version = current + 1
if ARGV[12] == '1' then
  removeAccessEntries(accessKey, draftKey, id)
  redis.call('ZADD', accessKey, 0, owner .. ':' .. id)
  -- The owner is only known here, so this is where it is kept out of the editor list.
  local editors = {}
  for i = 13, #ARGV do
    if ARGV[i] ~= owner then
      editors[#editors + 1] = ARGV[i]
      redis.call('ZADD', accessKey, 0, ARGV[i] .. ':' .. id)
    end
  end
  -- cjson encodes an empty table as an object, so the empty list is spelled out.
  redis.call('HSET', draftKey, 'editorIds', #editors == 0 and '[]' or cjson.encode(editors))
end
removeTitleEntry(titleKey, draftKey, id)
redis.call('ZADD', titleKey, 0, ARGV[5] .. ':' .. id)

local previous = redis.call('HGET', draftKey, 'doc')
if previous then redis.call('HSET', revsKey, tostring(current), previous) end
redis.call('HSET', draftKey,
  'version', version, 'doc', ARGV[3], 'title', ARGV[4], 'titleHash', ARGV[5],
  'updatedAt', ARGV[6], 'updatedBy', ARGV[8], 'saveId', ARGV[10])
redis.call('HSET', revmetaKey, tostring(version), ARGV[9])
-- Versions only ever grow by one, so the retained history is exactly the window ending at version.
local dropped = version - tonumber(ARGV[11])
if dropped >= 1 then
  redis.call('HDEL', revsKey, tostring(dropped))
  redis.call('HDEL', revmetaKey, tostring(dropped))
end
redis.call('ZADD', updatedKey, ARGV[7], id)
return {'ok', redis.call('HGETALL', draftKey)}
`;
