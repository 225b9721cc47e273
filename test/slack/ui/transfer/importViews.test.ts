import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import {
  buildImportModal,
  ImportBlockIds,
  PASTE_MAX_CHARS,
  readImportSubmission,
} from '../../../../src/slack/ui/transfer/importModal.js';
import { buildImportResultView } from '../../../../src/slack/ui/transfer/importResultView.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import { buttonsOf, foreignControls, NASTY_TITLE, textsOf } from '../browse/browseFixtures.js';

describe('the import modal', () => {
  it.each(LOCALES)(
    'is a valid modal with a YAML file input and a 3000-character paste box (%s)',
    (locale) => {
      const view = buildImportModal(locale);
      expect(validateView(view)).toEqual([]);
      expect(view.callback_id).toBe(CallbackIds.importPlan);
      const file = view.blocks.find((b) => b.block_id === ImportBlockIds.file);
      const paste = view.blocks.find((b) => b.block_id === ImportBlockIds.paste);
      expect(file).toMatchObject({
        type: 'input',
        optional: true,
        element: { type: 'file_input', filetypes: ['yaml', 'yml', 'txt'], max_files: 1 },
      });
      expect(paste).toMatchObject({
        type: 'input',
        optional: true,
        element: { type: 'plain_text_input', multiline: true, max_length: PASTE_MAX_CHARS },
      });
      // The hint tells the user about Slack's limit before they hit it.
      expect((paste as { hint?: { text: string } }).hint?.text).toMatch(/3,?000/);
      expect(foreignControls(textsOf(view.blocks, 'mrkdwn'))).toEqual([]);
      const cjk = /[\u4e00-\u9fff]/;
      const texts = textsOf(view.blocks).join(' ') + view.title.text;
      expect(cjk.test(texts)).toBe(locale === 'zh-CN');
    },
  );

  it('reads the attached file id or the pasted text from the submitted state', () => {
    const state = (file: unknown[], value: string | null) => ({
      [ImportBlockIds.file]: { value: { type: 'file_input', files: file } },
      [ImportBlockIds.paste]: { value: { type: 'plain_text_input', value } },
    });
    expect(readImportSubmission(state([{ id: 'F0123', name: 'p.yaml' }], null))).toEqual({
      fileId: 'F0123',
    });
    expect(readImportSubmission(state([], 'schemaVersion: 1'))).toEqual({
      pasted: 'schemaVersion: 1',
    });
    expect(readImportSubmission(state([], '   \n'))).toEqual({});
    expect(readImportSubmission({ nonsense: 1 })).toEqual({});
  });
});

describe('the import confirmation', () => {
  const result = {
    planId: '7K3M9QXA',
    title: NASTY_TITLE,
    replacedOwner: 'U0ORIGINAL1',
    editorsKept: ['U0EDITOR001'],
    editorsDropped: ['U0GONE00001'],
  };

  it.each(LOCALES)(
    'is valid, escapes the title and offers Open / Preview of the new draft (%s)',
    (locale) => {
      const view = buildImportResultView(result, locale);
      expect(validateView(view)).toEqual([]);
      expect(buttonsOf(view.blocks)).toEqual([
        [ActionIds.planResume, '7K3M9QXA'],
        [ActionIds.planPreview, '7K3M9QXA'],
      ]);
      const mrkdwn = textsOf(view.blocks, 'mrkdwn');
      // Only the validated mentions of the people concerned; the title pings and links nobody.
      expect(foreignControls(mrkdwn, ['U0ORIGINAL1', 'U0EDITOR001', 'U0GONE00001'])).toEqual([]);
      expect(mrkdwn.join('\n')).toContain('&lt;!channel&gt;');
      expect(mrkdwn.join('\n')).toContain('<@U0ORIGINAL1>');
    },
  );

  it('does not mention a replaced owner or editors when there are none', () => {
    const view = buildImportResultView(
      { planId: 'AB12CD34', title: 'Plan', editorsKept: [], editorsDropped: [] },
      'en',
    );
    expect(validateView(view)).toEqual([]);
    expect(textsOf(view.blocks, 'mrkdwn').join('\n')).not.toMatch(/<@|editor/i);
  });
});
