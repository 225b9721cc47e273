import type { DraftRecord } from '../store/draftStore.js';

/** The owner and the editors may change a plan; only the owner manages its editors. */
export function canEdit(
  record: Pick<DraftRecord<unknown>, 'ownerId' | 'editorIds'>,
  userId: string,
): boolean {
  return record.ownerId === userId || record.editorIds.includes(userId);
}

export function isOwner(record: Pick<DraftRecord<unknown>, 'ownerId'>, userId: string): boolean {
  return record.ownerId === userId;
}
