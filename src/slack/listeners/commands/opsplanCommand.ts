import type { App } from '@slack/bolt';
import { messagesFor } from '../../../i18n/messages.js';
import type { AppLogger } from '../../../logging/logger.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import { COMMAND } from '../../commandName.js';
import { parseCommandText } from '../../commands/parseCommandText.js';
import type { SubcommandRouter } from '../../commands/subcommandRouter.js';
import { setRequestLocale } from '../../requestLocale.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { identityFromCommand } from '../../workspaceIdentity.js';

export interface OpsplanCommandDeps {
  router: SubcommandRouter;
  locales: UserLocaleResolver;
  logger: AppLogger;
}

export function registerOpsplanCommand(app: App, deps: OpsplanCommandDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client, context }) => {
    const identity = identityFromCommand(command);
    const parsed = parseCommandText(command.text ?? '');
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const messages = messagesFor(locale);
    const route = deps.router.route(parsed.name);
    const logger = deps.logger.child({
      subcommand: parsed.name || 'help',
      teamId: identity.teamId,
    });

    if (route.kind === 'unknown') {
      const text = messages.errors.unknownSubcommand({
        name: escapeForMrkdwnCode(parsed.name),
        ...(route.suggestion ? { suggestion: route.suggestion } : {}),
      });
      await ack({ response_type: 'ephemeral', ...buildNoticeMessage(text) });
      return;
    }

    let acked = false;
    await route.subcommand.run({
      args: parsed.args,
      command,
      identity,
      locale,
      messages,
      client,
      respond,
      logger,
      ackWith: async (message) => {
        acked = true;
        await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      },
      ack: async () => {
        acked = true;
        await ack();
      },
    });
    if (!acked) await ack();
  });
}
