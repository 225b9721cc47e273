/**
 * KEYS: draft, revs, revmeta, updatedIndex, accessIndex, titleIndex
 * ARGV: id, doc (deflatedJson bytes), title, titleHash, ownerId, editorIdsJson, nowIso, nowMs, by,
 *       revMetaJson, saveId, editorId…
 * Revision 1's document is the record's own until the next save moves it into revs.
 * Returns {'ok'} or {'id_taken'} (the caller draws another id).
 */
export const CREATE_DRAFT_LUA = `
local draftKey, revsKey, revmetaKey, updatedKey, accessKey, titleKey =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id = ARGV[1]
if redis.call('EXISTS', draftKey) == 1 then return {'id_taken'} end

redis.call('HSET', draftKey,
  'version', 1, 'doc', ARGV[2], 'title', ARGV[3], 'titleHash', ARGV[4], 'ownerId', ARGV[5],
  'editorIds', ARGV[6], 'createdAt', ARGV[7], 'updatedAt', ARGV[7], 'updatedBy', ARGV[9],
  'status', 'draft', 'saveId', ARGV[11])
redis.call('HSET', revmetaKey, '1', ARGV[10])
redis.call('ZADD', updatedKey, ARGV[8], id)
redis.call('ZADD', accessKey, 0, ARGV[5] .. ':' .. id)
for i = 12, #ARGV do redis.call('ZADD', accessKey, 0, ARGV[i] .. ':' .. id) end
redis.call('ZADD', titleKey, 0, ARGV[4] .. ':' .. id)
return {'ok'}
`;
