import type { WorkspaceKey } from '../workspaceKey.js';

/**
 * Redis key layout of the draft store (see also src/store/README.md).
 *
 *   opsplan:workspaces                         SET    workspace keys that ever had a draft (for the sweep)
 *   opsplan:{<ws>}:draft:<id>                  HASH   the record: version, doc (deflatedJson), title, titleHash,
 *                                                     ownerId, editorIds (JSON), createdAt, updatedAt,
 *                                                     updatedBy, status, saveId
 *   opsplan:{<ws>}:draft:<id>:revs             HASH   <version> → doc of that save (deflatedJson), for the
 *                                                     49 before the current one (whose doc is the record's)
 *   opsplan:{<ws>}:draft:<id>:revmeta          HASH   <version> → {"savedAt","savedBy","title","restoredFrom"?}
 *   opsplan:{<ws>}:draft:<id>:pending          HASH   JSON [userId, sectionId] → {"values","savedAt"};
 *                                                     the only key with a TTL (7 days after the last put)
 *   opsplan:{<ws>}:drafts:updated              ZSET   <id> scored by updatedAt (ms) — sweep and expiry
 *   opsplan:{<ws>}:drafts:access               ZSET   "<userId>:<id>", score 0, for owner and each editor
 *                                                     — listForUser is a ZRANGEBYLEX on "<userId>:"
 *   opsplan:{<ws>}:drafts:title                ZSET   "<sha1(normalised title)>:<id>", score 0 — findByRef
 *
 * Every key of a workspace except the global `opsplan:workspaces` carries the hash tag `{<ws>}`, so
 * they all live in one Redis Cluster slot and any Lua script may touch any of them. Scripts still
 * declare every key they touch in KEYS (index keys are fixed names, never computed inside Lua).
 * Reserved for published plans (issue 5): `opsplan:{<ws>}:plan:<id>…` — same slot, same id space.
 */
export const WORKSPACES_KEY = 'opsplan:workspaces';

export function workspacePrefix(ws: WorkspaceKey): string {
  return `opsplan:{${ws}}:`;
}

export interface DraftKeys {
  draft: string;
  revs: string;
  revmeta: string;
  pending: string;
  updatedIndex: string;
  accessIndex: string;
  titleIndex: string;
}

export function workspaceIndexKeys(ws: WorkspaceKey) {
  const prefix = workspacePrefix(ws);
  return {
    updatedIndex: `${prefix}drafts:updated`,
    accessIndex: `${prefix}drafts:access`,
    titleIndex: `${prefix}drafts:title`,
  };
}

export function draftKeys(ws: WorkspaceKey, id: string): DraftKeys {
  const draft = `${workspacePrefix(ws)}draft:${id}`;
  return {
    draft,
    revs: `${draft}:revs`,
    revmeta: `${draft}:revmeta`,
    pending: `${draft}:pending`,
    ...workspaceIndexKeys(ws),
  };
}
