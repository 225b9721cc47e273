/**
 * KEYS: draft, revs, revmeta   ARGV: version
 * One revision, read atomically: the newest one's document is the record's own (a save moves it
 * into revs), older ones are in revs. Returns {metaJson, doc} or {} when the version is not kept.
 * Called through the Buffer variant: the document is binary.
 */
export const READ_REVISION_LUA = `
local meta = redis.call('HGET', KEYS[3], ARGV[1])
if not meta then return {} end
local doc = redis.call('HGET', KEYS[2], ARGV[1])
if not doc and redis.call('HGET', KEYS[1], 'version') == ARGV[1] then
  doc = redis.call('HGET', KEYS[1], 'doc')
end
if not doc then return {} end
return {meta, doc}
`;
