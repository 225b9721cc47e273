import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale.js';
import type { Plan } from '../../../../src/domain/plan.js';
import { builtinTemplates } from '../../../../src/domain/templateLoader.js';
import { messagesFor } from '../../../../src/i18n/messages.js';
import type { BrowseDeps } from '../../../../src/slack/listeners/browse/browseDeps.js';
import { browseSubcommands } from '../../../../src/slack/listeners/browse/registerBrowse.js';
import { localeOfMessages } from '../../../../src/slack/ui/browse/browseTexts.js';
import { buildHelpMessage } from '../../../../src/slack/ui/helpMessage.js';
import type { DraftStore } from '../../../../src/store/draftStore.js';
import { validateMessagePayload } from '../../../support/slack/blockKitValidator.js';
import { foreignControls } from './browseFixtures.js';

// describe() never touches these; the subcommands are only asked for their help lines.
const unused = () => Promise.reject(new Error('not used by describe()'));
const deps: BrowseDeps = {
  drafts: {} as DraftStore<Plan>,
  templates: builtinTemplates(),
  locales: { localeOf: unused },
  logger: { child: () => deps.logger } as unknown as BrowseDeps['logger'],
  openSection: unused,
  openNewPlan: unused,
};

describe('browse subcommands in the help', () => {
  it.each(LOCALES)(
    'describe themselves in the language of the catalogue they are given (%s)',
    (locale) => {
      expect(localeOfMessages(messagesFor(locale))).toBe(locale);
      const subcommands = browseSubcommands(deps);
      expect(subcommands.map((s) => s.name)).toEqual(['list', 'preview', 'delete', 'history']);
      const help = buildHelpMessage(messagesFor(locale), subcommands);
      expect(validateMessagePayload(help)).toEqual([]);
      for (const s of subcommands) {
        const line = s.describe(messagesFor(locale));
        expect(help.text).toContain(line.summary);
        // buildHelpMessage escapes placeholders such as <plan>: raw angle brackets would become a broken link.
        expect(foreignControls([help.text])).toEqual([]);
        if (locale === 'zh-CN') expect(line.summary).toMatch(/[\u4e00-\u9fff]/);
        else expect(line.summary).not.toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );
});
