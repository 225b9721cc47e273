import type { Messages } from '../../i18n/messages.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';
import type { Subcommand } from '../commands/subcommand.js';
import type { SlackMessage } from './slackMessage.js';

export function buildHelpMessage(
  messages: Messages,
  subcommands: readonly Subcommand[],
): SlackMessage {
  // Usages are written naturally (`<plan>`); in mrkdwn a raw `<…>` would be read as a link.
  const lines = subcommands.map((s) => {
    const { usage, summary } = s.describe(messages);
    return `• \`${escapeMrkdwn(usage)}\` — ${escapeMrkdwn(summary)}`;
  });
  const commands = [messages.help.commandsHeading, ...lines].join('\n');
  return {
    text: `${messages.help.title}\n${messages.help.intro}\n${commands}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: messages.help.title, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: messages.help.intro } },
      { type: 'section', text: { type: 'mrkdwn', text: commands } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: messages.help.languageHint }] },
    ],
  };
}
