import type { Locale } from '../../../domain/locale.js';
import { messagesFor } from '../../../i18n/messages.js';
import { withStorage } from '../../../store/storageUnavailable.js';
import type { UserPreferencesStore } from '../../../store/userPreferencesStore.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import type { Subcommand } from '../subcommand.js';

const CHOICES: Record<string, Locale | 'auto'> = {
  en: 'en',
  english: 'en',
  英文: 'en',
  zh: 'zh-CN',
  'zh-cn': 'zh-CN',
  cn: 'zh-CN',
  chinese: 'zh-CN',
  中文: 'zh-CN',
  auto: 'auto',
  自动: 'auto',
};

/** `/opsplan language zh|en|auto` — OpsPlan's language for this user, whatever Slack's is. */
export function createLanguageSubcommand(preferences: UserPreferencesStore): Subcommand {
  return {
    name: 'language',
    aliases: ['lang', '语言'],
    describe: (m) => m.subcommands.language,
    async run(ctx) {
      const arg = ctx.args[0]?.toLowerCase();
      if (!arg) {
        await ctx.ackWith(buildNoticeMessage(ctx.messages.language.current));
        return;
      }
      const choice = CHOICES[arg];
      if (!choice) {
        await ctx.ackWith(
          buildNoticeMessage(ctx.messages.language.invalid({ value: escapeForMrkdwnCode(arg) })),
        );
        return;
      }
      await withStorage(() =>
        preferences.setLocale(
          workspaceKey(ctx.identity),
          ctx.identity.userId,
          choice === 'auto' ? undefined : choice,
        ),
      );
      const confirmation =
        choice === 'auto' ? ctx.messages.language.followSlack : messagesFor(choice).language.set;
      await ctx.ackWith(buildNoticeMessage(confirmation));
    },
  };
}
