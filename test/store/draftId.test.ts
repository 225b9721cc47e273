import { describe, expect, it } from 'vitest';
import {
  DRAFT_ID_LENGTH,
  draftIdFor,
  generateDraftId,
  normalizeDraftId,
} from '../../src/store/draftId.js';

describe('draft ids', () => {
  it('are 8 Crockford characters a user can type back, random or derived from a key', () => {
    for (const id of [generateDraftId(), draftIdFor('T0ABC\nU0ABC\nV0ABC')]) {
      expect(id).toHaveLength(DRAFT_ID_LENGTH);
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(normalizeDraftId(id.toLowerCase())).toBe(id);
    }
  });

  it('derived from the same key are the same; from different keys, different', () => {
    expect(draftIdFor('T0ABC\nU0ABC\nV0ABC')).toBe(draftIdFor('T0ABC\nU0ABC\nV0ABC'));
    const ids = new Set(Array.from({ length: 2000 }, (_, i) => draftIdFor(`T0ABC\nU0ABC\nV${i}`)));
    expect(ids.size).toBe(2000);
  });
});
