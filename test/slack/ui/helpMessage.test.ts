import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/locale.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { messagesFor } from '../../../src/i18n/messages.js';
import type { Subcommand } from '../../../src/slack/commands/subcommand.js';
import { createHelpSubcommand } from '../../../src/slack/commands/subcommands/helpSubcommand.js';
import { createLanguageSubcommand } from '../../../src/slack/commands/subcommands/languageSubcommand.js';
import { createNewSubcommand } from '../../../src/slack/commands/subcommands/newSubcommand.js';
import { buildHelpMessage } from '../../../src/slack/ui/helpMessage.js';
import { validateMessagePayload } from '../../support/slack/blockKitValidator.js';

describe('buildHelpMessage', () => {
  const subcommands: Subcommand[] = [];
  subcommands.push(
    createHelpSubcommand(() => subcommands),
    createNewSubcommand(builtinTemplates()),
    createLanguageSubcommand({ get: async () => ({}), setLocale: async () => undefined }),
  );

  it.each(LOCALES)(
    'lists every subcommand with usage and summary in %s, as valid Block Kit',
    (locale) => {
      const messages = messagesFor(locale);
      const help = buildHelpMessage(messages, subcommands);
      expect(validateMessagePayload(help)).toEqual([]);
      for (const s of subcommands) {
        const { usage, summary } = s.describe(messages);
        expect(help.text).toContain(usage);
        expect(help.text).toContain(summary);
      }
    },
  );
});
