import type { WebClient } from '@slack/web-api';
import { z } from 'zod';

const OpenedConversation = z.object({ channel: z.object({ id: z.string().min(1) }) });
const ConversationInfo = z.object({ channel: z.object({ is_private: z.boolean().optional() }) });
const UserInfo = z.object({
  user: z.object({ deleted: z.boolean().optional(), is_bot: z.boolean().optional() }),
});

/** The app's DM channel with a user (`conversations.open`, so it works before any message). */
export async function openDirectMessage(client: WebClient, userId: string): Promise<string> {
  const opened = OpenedConversation.parse(await client.conversations.open({ users: userId }));
  return opened.channel.id;
}

/** True only when Slack says the channel is public; unknown or unreachable counts as private. */
export async function isPublicChannel(client: WebClient, channelId: string): Promise<boolean> {
  try {
    const info = ConversationInfo.parse(await client.conversations.info({ channel: channelId }));
    return info.channel.is_private === false;
  } catch {
    return false;
  }
}

/** An active person of the workspace: known to users.info, not deactivated, not a bot. */
export async function isActiveMember(client: WebClient, userId: string): Promise<boolean> {
  try {
    const info = UserInfo.parse(await client.users.info({ user: userId }));
    return info.user.deleted !== true && info.user.is_bot !== true;
  } catch {
    return false;
  }
}
