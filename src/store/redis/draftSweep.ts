import type { SweptDraft } from '../draftStore.js';
import { parseWorkspaceKey, type WorkspaceKey } from '../workspaceKey.js';
import { hashFromReply } from './codecParts.js';
import { draftKeys, WORKSPACES_KEY, workspaceIndexKeys } from './draftKeys.js';
import { deleteReply } from './draftWrites.js';
import type { RedisDraftContext } from './redisDraftContext.js';

/**
 * Removal of abandoned drafts, called by the scheduler. Each draft goes through the delete script
 * with the cutoff, so a draft saved after the index was read survives (the script answers 'fresh').
 */
export async function sweepAbandonedDrafts<T>(
  ctx: RedisDraftContext<T>,
  now: Date,
): Promise<SweptDraft[]> {
  const cutoff = now.getTime() - ctx.retentionMs;
  const swept: SweptDraft[] = [];
  for (const ws of await knownWorkspaces(ctx)) {
    const found = await ctx.redis.zrangebyscore(
      workspaceIndexKeys(ws).updatedIndex,
      '-inf',
      cutoff,
      'WITHSCORES',
    );
    for (let index = 0; index + 1 < found.length; index += 2) {
      const id = found[index] as string;
      const reply = deleteReply.parse(
        await ctx.scripts.delete(draftKeys(ws, id), [id, '', cutoff]),
      );
      if (reply[0] !== 'deleted') continue;
      const fields = hashFromReply(reply[1]);
      swept.push({
        workspace: ws,
        id,
        title: fields.title ?? '',
        ownerId: fields.ownerId ?? '',
        updatedAt: new Date(Number(found[index + 1])),
      });
    }
  }
  return swept;
}

async function knownWorkspaces<T>(ctx: RedisDraftContext<T>): Promise<WorkspaceKey[]> {
  const workspaces: WorkspaceKey[] = [];
  let cursor = '0';
  do {
    const [next, members] = await ctx.redis.sscan(WORKSPACES_KEY, cursor, 'COUNT', 500);
    cursor = next;
    for (const member of members) {
      const ws = parseWorkspaceKey(member);
      if (ws !== undefined) workspaces.push(ws);
    }
  } while (cursor !== '0');
  return workspaces;
}
