import type { Locale } from '../../../domain/locale.js';
import { messagesFor } from '../../../i18n/messages.js';
import { buildHelpMessage } from '../../ui/helpMessage.js';
import type { Subcommand } from '../subcommand.js';

const LANGUAGE_ARGS: Record<string, Locale> = {
  en: 'en',
  english: 'en',
  英文: 'en',
  zh: 'zh-CN',
  'zh-cn': 'zh-CN',
  cn: 'zh-CN',
  chinese: 'zh-CN',
  中文: 'zh-CN',
};

/** Built with the full list so that help always shows exactly what the router accepts. */
export function createHelpSubcommand(all: () => readonly Subcommand[]): Subcommand {
  return {
    name: 'help',
    aliases: ['帮助', '?', '-h', '--help'],
    describe: (m) => m.subcommands.help,
    async run(ctx) {
      const requested = ctx.args[0] ? LANGUAGE_ARGS[ctx.args[0].toLowerCase()] : undefined;
      const messages = requested ? messagesFor(requested) : ctx.messages;
      await ctx.ackWith(buildHelpMessage(messages, all()));
    },
  };
}
