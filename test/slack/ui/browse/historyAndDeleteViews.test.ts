import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import type { Plan } from '../../../../src/domain/plan.js';
import {
  decodeDeleteMetadata,
  decodeHistoryMetadata,
  decodeRestore,
} from '../../../../src/slack/ui/browse/browseValues.js';
import { buildDeleteConfirmModal } from '../../../../src/slack/ui/browse/deleteModals.js';
import { buildHistoryModal } from '../../../../src/slack/ui/browse/historyModal.js';
import {
  ambiguousMessage,
  notFoundMessage,
} from '../../../../src/slack/ui/browse/lookupMessages.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import type { DraftRecord, RevisionInfo } from '../../../../src/store/draftStore.js';
import { goodPlan } from '../../../domain/review/fixtures.js';
import { validateMessagePayload, validateView } from '../../../support/slack/blockKitValidator.js';
import { buttonsOf, foreignControls, NASTY_TITLE, NOW, textsOf } from './browseFixtures.js';

function record(id: string, version: number, title = NASTY_TITLE): DraftRecord<Plan> {
  const plan = goodPlan();
  return {
    id,
    version,
    doc: plan,
    title,
    ownerId: plan.meta.owner,
    editorIds: [],
    createdAt: new Date('2026-10-01T00:00:00Z'),
    updatedAt: NOW,
    updatedBy: plan.meta.owner,
    status: 'draft',
  };
}

function revisions(count: number): RevisionInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    version: count - i,
    savedAt: new Date(NOW.getTime() - i * 3600_000),
    savedBy: i % 2 === 0 ? 'U0OWNER1' : 'U0EDITOR1',
    ...(i === 0 ? { restoredFrom: 2 } : {}),
  }));
}

describe('buildHistoryModal', () => {
  it.each(LOCALES)(
    'lists 50 saves newest first; the owner can restore all but the current one (%s)',
    (locale) => {
      const view = buildHistoryModal({
        history: { record: record('AB12CD34', 50), revisions: revisions(50), canRestore: true },
        locale,
        now: NOW,
        fromHome: true,
      });
      expect(validateView(view)).toEqual([]);
      expect(view.callback_id).toBe(CallbackIds.history);
      expect(decodeHistoryMetadata(view.private_metadata)).toEqual({
        p: 'AB12CD34',
        cv: 50,
        h: true,
      });
      const restores = buttonsOf(view.blocks).filter(([a]) => a === ActionIds.historyRestore);
      expect(restores.map(([, v]) => decodeRestore(v)?.v)).toEqual(
        Array.from({ length: 49 }, (_, i) => 49 - i),
      );
      const text = textsOf(view.blocks, 'mrkdwn').join('\n');
      expect(text).toContain('<@U0OWNER1>');
      expect(text).toContain('<@U0EDITOR1>');
      expect(text).toContain(locale === 'en' ? 'restored from v2' : '由 v2 恢复');
      expect(text).toContain(locale === 'en' ? '1 hour ago' : '1小时前');
      expect(foreignControls(textsOf(view.blocks, 'mrkdwn'), ['U0OWNER1', 'U0EDITOR1'])).toEqual(
        [],
      );
      // Every Restore asks first.
      for (const block of view.blocks) {
        if (block.type === 'section' && block.accessory?.type === 'button')
          expect(block.accessory.confirm).toBeDefined();
      }
    },
  );

  it.each(LOCALES)('an editor sees the history but no Restore, and is told why (%s)', (locale) => {
    const view = buildHistoryModal({
      history: { record: record('AB12CD34', 3), revisions: revisions(3), canRestore: false },
      locale,
      now: NOW,
      fromHome: false,
      notice: ':warning: something happened',
    });
    expect(validateView(view)).toEqual([]);
    expect(buttonsOf(view.blocks)).toEqual([]);
    const text = textsOf(view.blocks, 'mrkdwn').join('\n');
    expect(text).toContain(locale === 'en' ? 'Only the owner can restore' : '只有负责人可以恢复');
    expect(text).toContain('something happened');
  });
});

describe('buildDeleteConfirmModal', () => {
  it.each(LOCALES)('asks before deleting, remembering the version seen (%s)', (locale) => {
    const view = buildDeleteConfirmModal({
      planId: 'AB12CD34',
      title: NASTY_TITLE,
      version: 7,
      fromHome: false,
      locale,
    });
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe(CallbackIds.deleteConfirm);
    expect(decodeDeleteMetadata(view.private_metadata)).toEqual({ p: 'AB12CD34', v: 7, h: false });
    expect(foreignControls(textsOf(view.blocks, 'mrkdwn'))).toEqual([]);
    expect(view.submit?.text).toBe(locale === 'en' ? 'Delete' : '删除');
  });
});

describe('lookup messages', () => {
  it.each(LOCALES)('lists ambiguous matches with the command naming each by id (%s)', (locale) => {
    const long = `${NASTY_TITLE} `.repeat(5).slice(0, 150);
    const candidates = Array.from({ length: 25 }, (_, i) =>
      record(`ID${String(i).padStart(6, '0')}`, 1, long),
    );
    const message = ambiguousMessage('<!channel>', 'preview', candidates, locale);
    expect(validateMessagePayload(message)).toEqual([]);
    const text = textsOf(message.blocks, 'mrkdwn').join('\n');
    expect(text).toContain('`/opsplan preview ID000000`');
    expect(foreignControls(textsOf(message.blocks, 'mrkdwn'))).toEqual([]);
  });

  it.each(LOCALES)(
    'answers an unknown reference with a hint to /opsplan list, echoing it safely (%s)',
    (locale) => {
      const message = notFoundMessage('<https://evil.example|x> `code`', locale);
      expect(validateMessagePayload(message)).toEqual([]);
      expect(message.text).toContain('/opsplan list');
      expect(foreignControls([message.text])).toEqual([]);
    },
  );
});
