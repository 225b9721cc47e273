import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import type { Plan } from '../../../../src/domain/plan.js';
import { builtinTemplates } from '../../../../src/domain/templateLoader.js';
import { messagesFor } from '../../../../src/i18n/messages.js';
import type { ExportFile, ExportOutcome } from '../../../../src/services/transfer/exportPlan.js';
import {
  type TransferDeps,
  transferSubcommands,
} from '../../../../src/slack/listeners/transfer/registerTransfer.js';
import { buildHelpMessage } from '../../../../src/slack/ui/helpMessage.js';
import {
  exportComment,
  exportFailedMessage,
  exportProblemMessage,
  exportSentMessage,
} from '../../../../src/slack/ui/transfer/exportMessages.js';
import type { DraftRecord } from '../../../../src/store/draftStore.js';
import { validateMessagePayload } from '../../../support/slack/blockKitValidator.js';
import { foreignControls, NASTY_TITLE } from '../browse/browseFixtures.js';

const file: ExportFile = {
  filename: 'plan-v2.md',
  content: '# x\n',
  title: NASTY_TITLE,
  planId: '7K3M9QXA',
  format: 'md',
  source: { kind: 'published', version: 2 },
};

const candidate = (i: number) =>
  ({ id: `P000000${i}`, title: `${'&'.repeat(150)}` }) as unknown as DraftRecord<Plan>;

const PROBLEMS: Exclude<ExportOutcome, { kind: 'ok' }>[] = [
  { kind: 'missing_ref' },
  { kind: 'not_found' },
  { kind: 'ambiguous', candidates: Array.from({ length: 30 }, (_, i) => candidate(i)) },
  { kind: 'draft_forbidden' },
  { kind: 'version_forbidden' },
  { kind: 'not_published' },
  { kind: 'version_not_found', version: 9, latest: 2 },
  { kind: 'versions_unavailable' },
  { kind: 'template_missing', templateId: 'gone' },
];

describe('export messages', () => {
  it.each(LOCALES)('are valid and never ping or link through user text (%s)', (locale) => {
    const messages = [
      exportSentMessage(file, locale),
      exportFailedMessage(locale),
      ...PROBLEMS.map((p) => exportProblemMessage(p, '<!channel> `x`', locale)),
    ];
    for (const message of messages) {
      expect(validateMessagePayload(message)).toEqual([]);
      expect(foreignControls([message.text])).toEqual([]);
    }
    expect(foreignControls([exportComment(file, locale)])).toEqual([]);
    expect(exportComment(file, locale)).toContain('v2');
  });

  it('name the copy that was sent: the draft save or the published version', () => {
    expect(exportSentMessage(file, 'en').text).toContain('published version v2');
    const draft = { ...file, source: { kind: 'draft', savedVersion: 5 } } as const;
    expect(exportSentMessage(draft, 'zh-CN').text).toContain('当前草稿，第 5 次保存');
  });
});

describe('export and import in the help', () => {
  const unused = () => Promise.reject(new Error('not used by describe()'));
  const deps = {
    templates: builtinTemplates(),
    locales: { localeOf: unused },
  } as unknown as TransferDeps;

  it.each(LOCALES)(
    'describe themselves in the catalogue language, placeholders escaped (%s)',
    (locale) => {
      const subcommands = transferSubcommands(deps);
      expect(subcommands.map((s) => [s.name, ...s.aliases])).toEqual([
        ['export', '导出'],
        ['import', '导入'],
      ]);
      const help = buildHelpMessage(messagesFor(locale), subcommands);
      expect(validateMessagePayload(help)).toEqual([]);
      expect(foreignControls([help.text])).toEqual([]);
      for (const s of subcommands)
        expect(help.text).toContain(s.describe(messagesFor(locale)).summary.slice(0, 20));
    },
  );
});
