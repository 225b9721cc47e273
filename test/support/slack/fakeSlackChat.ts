import type { Args } from './fakeSlackHttp.js';
import {
  channelOf,
  type FakeWorkspace,
  messageKey,
  type StoredMessage,
  tzOffsetSeconds,
  userOf,
} from './fakeSlackState.js';

/** auth.*, chat.*, conversations.* and users.* of the fake, answering with Slack's response shapes. */

export type MethodHandler = (args: Args, ws: FakeWorkspace) => Args;

export const slackError = (error: string, extra: Args = {}): Args => ({
  ok: false,
  error,
  ...extra,
});
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const ok = (body: Args): Args => ({ ok: true, ...body, response_metadata: { warnings: [] } });

/** A user id as channel means "DM that user", which Slack resolves to the IM channel. */
function resolveChannel(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
}

/** Slack's errors for a channel the bot cannot post to, or undefined when posting is fine. */
function postingError(ws: FakeWorkspace, channelId: string | undefined): Args | undefined {
  if (!channelId) return slackError('channel_not_found');
  const channel = channelOf(ws, channelId);
  if (!channel.exists) return slackError('channel_not_found');
  if (channel.is_archived) return slackError('is_archived');
  // With chat:write.public a bot may post to public channels it has not joined, never to private ones.
  if (channel.is_private && !channel.is_member && !channelId.startsWith('D'))
    return slackError('not_in_channel');
  return undefined;
}

function messageBody(ws: FakeWorkspace, message: StoredMessage): Args {
  const { botUserId, botId, appId, teamId } = ws.identity;
  return {
    user: botUserId,
    type: 'message',
    ts: message.ts,
    bot_id: botId,
    app_id: appId,
    text: message.text,
    team: teamId,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
  };
}

function channelBody(ws: FakeWorkspace, id: string): Args {
  const channel = channelOf(ws, id);
  const isIm = id.startsWith('D');
  return {
    id,
    name: channel.name,
    is_channel: !channel.is_private && !isIm,
    is_group: channel.is_private && !isIm,
    is_im: isIm,
    is_private: channel.is_private,
    is_member: channel.is_member,
    is_archived: channel.is_archived,
    is_general: false,
    created: 1_700_000_000,
    creator: 'U0000000001',
    context_team_id: ws.identity.teamId,
  };
}

const chatPostMessage: MethodHandler = (args, ws) => {
  const channel = str(args.channel) ? resolveChannel(String(args.channel)) : undefined;
  const refusal = postingError(ws, channel);
  if (refusal || !channel) return refusal ?? slackError('channel_not_found');
  const message: StoredMessage = {
    channel,
    ts: ws.nextTs(),
    text: str(args.text) ?? '',
    blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
    thread_ts: str(args.thread_ts),
  };
  ws.messages.set(messageKey(channel, message.ts), message);
  const times = ws.postTimes.get(channel) ?? [];
  times.push(Date.now());
  ws.postTimes.set(channel, times);
  return ok({ channel, ts: message.ts, message: messageBody(ws, message) });
};

const chatPostEphemeral: MethodHandler = (args, ws) => {
  const channel = str(args.channel) ? resolveChannel(String(args.channel)) : undefined;
  const refusal = postingError(ws, channel);
  if (refusal) return refusal;
  if (!str(args.user)) return slackError('user_not_found');
  if (userOf(ws, String(args.user)).deleted) return slackError('user_not_in_channel');
  return ok({ message_ts: ws.nextTs() });
};

const chatUpdate: MethodHandler = (args, ws) => {
  const channel = str(args.channel) ?? '';
  const ts = str(args.ts) ?? '';
  const stored = ws.messages.get(messageKey(channel, ts));
  if (!channelOf(ws, channel).exists) return slackError('channel_not_found');
  if (!stored) return slackError('message_not_found');
  const updated: StoredMessage = {
    ...stored,
    text: typeof args.text === 'string' ? args.text : stored.text,
    blocks: Array.isArray(args.blocks) ? args.blocks : stored.blocks,
  };
  ws.messages.set(messageKey(channel, ts), updated);
  return ok({ channel, ts, text: updated.text, message: messageBody(ws, updated) });
};

const chatDelete: MethodHandler = (args, ws) => {
  const channel = str(args.channel) ?? '';
  const ts = str(args.ts) ?? '';
  if (!channelOf(ws, channel).exists) return slackError('channel_not_found');
  if (!ws.messages.delete(messageKey(channel, ts))) return slackError('message_not_found');
  return ok({ channel, ts });
};

const chatGetPermalink: MethodHandler = (args, ws) => {
  const channel = str(args.channel) ?? '';
  const ts = str(args.message_ts) ?? '';
  if (!channelOf(ws, channel).exists) return slackError('channel_not_found');
  if (!ws.messages.has(messageKey(channel, ts))) return slackError('message_not_found');
  const permalink = `https://${ws.identity.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return ok({ channel, permalink });
};

const conversationsInfo: MethodHandler = (args, ws) => {
  const id = str(args.channel) ?? '';
  const channel = channelOf(ws, id);
  // A bot cannot see a private channel it is not in: Slack pretends it does not exist.
  if (!id || !channel.exists || (channel.is_private && !channel.is_member))
    return slackError('channel_not_found');
  return ok({ channel: channelBody(ws, id) });
};

const conversationsJoin: MethodHandler = (args, ws) => {
  const id = str(args.channel) ?? '';
  const channel = channelOf(ws, id);
  if (!id || !channel.exists) return slackError('channel_not_found');
  if (channel.is_archived) return slackError('is_archived');
  if (channel.is_private) return slackError('method_not_supported_for_channel_type');
  const already = channel.is_member;
  ws.channels.set(id, { ...ws.channels.get(id), is_member: true });
  return ok({
    channel: channelBody(ws, id),
    ...(already ? { warning: 'already_in_channel', already_in_channel: true } : {}),
  });
};

const conversationsOpen: MethodHandler = (args) => {
  const users = (str(args.users) ?? '').split(',').filter(Boolean);
  const channel = str(args.channel);
  if (channel) return ok({ no_op: true, already_open: true, channel: { id: channel } });
  if (users.length !== 1 || !users[0])
    return slackError(users.length === 0 ? 'users_list_not_supplied' : 'invalid_arguments');
  return ok({ channel: { id: resolveChannel(users[0]) } });
};

const usersInfo: MethodHandler = (args, ws) => {
  const id = str(args.user) ?? '';
  if (!/^[UW][A-Z0-9]+$/.test(id)) return slackError('user_not_found');
  const user = userOf(ws, id);
  const includeLocale = args.include_locale === true || args.include_locale === 'true';
  return ok({
    user: {
      id,
      team_id: ws.identity.teamId,
      name: user.name,
      deleted: user.deleted,
      real_name: user.real_name,
      tz: user.tz,
      tz_label: user.tz,
      tz_offset: tzOffsetSeconds(user.tz),
      is_admin: user.is_admin,
      is_owner: false,
      is_bot: user.is_bot,
      is_app_user: false,
      updated: 1_700_000_000,
      profile: {
        real_name: user.real_name,
        display_name: user.name,
        real_name_normalized: user.real_name,
        display_name_normalized: user.name,
        image_48: `https://avatars.example.invalid/${id}_48.png`,
        team: ws.identity.teamId,
      },
      ...(includeLocale ? { locale: user.locale } : {}),
    },
  });
};

const authTest: MethodHandler = (_args, ws) =>
  ok({
    url: `https://${ws.identity.teamDomain}.slack.com/`,
    team: ws.identity.teamName,
    user: 'opsplan',
    team_id: ws.identity.teamId,
    user_id: ws.identity.botUserId,
    bot_id: ws.identity.botId,
    is_enterprise_install: false,
  });

export const chatHandlers: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'chat.postEphemeral': chatPostEphemeral,
  'chat.update': chatUpdate,
  'chat.delete': chatDelete,
  'chat.getPermalink': chatGetPermalink,
  'conversations.info': conversationsInfo,
  'conversations.join': conversationsJoin,
  'conversations.open': conversationsOpen,
  'users.info': usersInfo,
};

export { ok as slackOk };
