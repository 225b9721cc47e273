/**
 * Appends the next version of a published plan, atomically: version counter, frozen document
 * (HSETNX: an existing version is never overwritten), list entry, idempotency entry, head and access
 * index change together or not at all.
 * KEYS: head, docs, meta, freezes, access
 * ARGV: planId, freezeKeyHash, frozen version (deflatedJson bytes), metaJson, title, ownerId,
 *       editorIdsJson, publishedAtIso, publishedBy, editorId…
 * Returns {'ok', version} | {'existing', version} (this key froze it before) | {'corrupt', why}.
 */
export const FREEZE_PUBLISHED_LUA = `
local headKey, docsKey, metaKey, freezesKey, accessKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local planId = ARGV[1]

local frozen = redis.call('HGET', freezesKey, ARGV[2])
if frozen then return {'existing', frozen} end

local latestRaw = redis.call('HGET', headKey, 'latest')
local latest = 0
if latestRaw then
  latest = tonumber(latestRaw)
  if not latest or latest < 1 or latest % 1 ~= 0 then return {'corrupt', 'latest'} end
end
local version = latest + 1
-- A document already under the next number means the counter is behind the data: refuse rather
-- than overwrite a frozen version.
if redis.call('HEXISTS', docsKey, tostring(version)) == 1 then return {'corrupt', 'docs'} end

-- Who could see the previous version leaves the index; read from the head, so nobody is forgotten.
local oldOwner = redis.call('HGET', headKey, 'ownerId')
local ok, oldEditors = pcall(cjson.decode, redis.call('HGET', headKey, 'editorIds') or 'null')
if type(oldOwner) == 'string' and ok and type(oldEditors) == 'table' then
  redis.call('ZREM', accessKey, oldOwner .. ':' .. planId)
  for _, user in ipairs(oldEditors) do
    if type(user) == 'string' then redis.call('ZREM', accessKey, user .. ':' .. planId) end
  end
elseif latestRaw then
  local suffix = ':' .. planId
  for _, member in ipairs(redis.call('ZRANGE', accessKey, 0, -1)) do
    if string.sub(member, -#suffix) == suffix then redis.call('ZREM', accessKey, member) end
  end
end

redis.call('HSETNX', docsKey, tostring(version), ARGV[3])
redis.call('HSET', metaKey, tostring(version), ARGV[4])
redis.call('HSET', freezesKey, ARGV[2], tostring(version))
redis.call('HSET', headKey, 'latest', tostring(version), 'title', ARGV[5], 'ownerId', ARGV[6],
  'editorIds', ARGV[7], 'publishedAt', ARGV[8], 'publishedBy', ARGV[9])
redis.call('ZADD', accessKey, 0, ARGV[6] .. ':' .. planId)
for i = 10, #ARGV do redis.call('ZADD', accessKey, 0, ARGV[i] .. ':' .. planId) end
return {'ok', tostring(version)}
`;

/**
 * Records where a version was posted, once.
 * KEYS: meta, posts
 * ARGV: version, postJson
 * Returns {'ok'} | {'same'} (this post was recorded already) | {'different', storedJson} | {'not_found'}.
 */
export const ATTACH_POST_LUA = `
local metaKey, postsKey = KEYS[1], KEYS[2]
if redis.call('HEXISTS', metaKey, ARGV[1]) == 0 then return {'not_found'} end
local current = redis.call('HGET', postsKey, ARGV[1])
if not current then
  redis.call('HSET', postsKey, ARGV[1], ARGV[2])
  return {'ok'}
end
if current == ARGV[2] then return {'same'} end
return {'different', current}
`;
