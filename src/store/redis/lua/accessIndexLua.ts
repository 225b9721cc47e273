/**
 * Lua shared by the scripts that rewrite a draft's entries in the access index. Editors are read from
 * the record itself (so a caller cannot make the script forget anyone); if that JSON is unreadable the
 * whole index is scanned for the draft's entries instead, so a corrupt record never leaves orphans.
 */
export const ACCESS_INDEX_LUA = `
local function removeAccessEntries(accessKey, draftKey, id)
  local owner = redis.call('HGET', draftKey, 'ownerId')
  local ok, editors = pcall(cjson.decode, redis.call('HGET', draftKey, 'editorIds') or 'null')
  if type(owner) == 'string' and ok and type(editors) == 'table' then
    redis.call('ZREM', accessKey, owner .. ':' .. id)
    for _, user in ipairs(editors) do
      if type(user) == 'string' then redis.call('ZREM', accessKey, user .. ':' .. id) end
    end
    return
  end
  local suffix = ':' .. id
  for _, member in ipairs(redis.call('ZRANGE', accessKey, 0, -1)) do
    if string.sub(member, -#suffix) == suffix then redis.call('ZREM', accessKey, member) end
  end
end

local function removeTitleEntry(titleKey, draftKey, id)
  local titleHash = redis.call('HGET', draftKey, 'titleHash')
  if titleHash then
    redis.call('ZREM', titleKey, titleHash .. ':' .. id)
    return
  end
  local suffix = ':' .. id
  for _, member in ipairs(redis.call('ZRANGE', titleKey, 0, -1)) do
    if string.sub(member, -#suffix) == suffix then redis.call('ZREM', titleKey, member) end
  end
end
`;
