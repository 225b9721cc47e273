import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../domain/locale.js';
import type { Messages } from '../../i18n/messages.js';
import type { AppLogger } from '../../logging/logger.js';
import type { SlackMessage } from '../ui/slackMessage.js';
import type { WorkspaceIdentity } from '../workspaceIdentity.js';

/** What a subcommand needs to answer; identity comes only from the verified request. */
export interface SubcommandContext {
  args: string[];
  command: SlashCommand;
  identity: WorkspaceIdentity;
  locale: Locale;
  messages: Messages;
  client: WebClient;
  respond: RespondFn;
  logger: AppLogger;
  /** Answers the command in the HTTP response itself: fastest, and only possible once. */
  ackWith(message: SlackMessage): Promise<void>;
  /** Acknowledges without a message, before work such as opening a modal. */
  ack(): Promise<void>;
}

export interface Subcommand {
  name: string;
  /** Other words that reach it, e.g. Chinese verbs. */
  aliases: readonly string[];
  /** Picks the help line from the catalogue of the user's language. */
  describe(messages: Messages): { usage: string; summary: string };
  run(ctx: SubcommandContext): Promise<void>;
}
