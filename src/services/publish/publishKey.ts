import type { DraftRecord } from '../../store/draftStore.js';

/**
 * The idempotency key of a publish request: the draft as the user reviewed it (id, version and
 * save time — a draft recreated after a sweep starts again at version 1 with a new time) and the
 * target channel. A double click, Slack's retry of the same request, a second replica handling it,
 * or clicking Publish again on an unchanged plan all land on the same key, so the plan is posted
 * once; after a failed attempt is cleaned up, publishing again reuses the version already frozen.
 */
export function publishIdempotencyKey(
  record: Pick<DraftRecord<unknown>, 'id' | 'version' | 'updatedAt'>,
  channel: string,
): string {
  return `publish:v1:${record.id}:${record.version}:${record.updatedAt.getTime()}:${channel}`;
}
