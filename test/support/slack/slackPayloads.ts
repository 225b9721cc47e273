import { randomBytes, randomInt } from 'node:crypto';
import { buildStateValues, type UserInputs } from './viewState.js';

/**
 * Request bodies shaped like the real captures in /work/shared/slack/payloads/: same fields,
 * same order, same encodings. Tests pass only what matters; the rest gets realistic defaults.
 */

type JsonObject = Record<string, unknown>;

/** Who the payloads come from: the app and bot ids must match what the app believes it is. */
export interface PayloadDefaults {
  apiAppId: string;
  botUserId: string;
  /** Legacy verification token Slack still sends in bodies; apps must not rely on it. */
  verificationToken: string;
}

export interface Actor {
  teamId: string;
  userId: string;
  enterpriseId?: string;
  triggerId?: string;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function newTriggerId(): string {
  return `${randomInt(1e12, 9e12)}.${randomInt(1e11, 9e11)}.${randomBytes(16).toString('hex')}`;
}

/** `action_ts` / `event_ts` style: seconds with six decimals. */
export function slackTs(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

const domainOf = (teamId: string) => `team-${teamId.toLowerCase()}`;
const team = (a: Actor) => ({
  id: a.teamId,
  domain: domainOf(a.teamId),
  ...(a.enterpriseId ? { enterprise_id: a.enterpriseId } : {}),
});
const user = (a: Actor) => ({
  id: a.userId,
  username: a.userId.toLowerCase(),
  name: a.userId.toLowerCase(),
  team_id: a.teamId,
});
const enterprise = (a: Actor) =>
  a.enterpriseId ? { id: a.enterpriseId, name: `Grid ${a.enterpriseId}` } : null;

export interface SlashCommandInput extends Actor {
  text: string;
  command?: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
}

/** The form fields of a slash command, in the order Slack sends them. */
export function slashCommandForm(input: SlashCommandInput, d: PayloadDefaults): URLSearchParams {
  const form = new URLSearchParams();
  const channelId = input.channelId ?? 'C0GENERAL01';
  form.append('token', d.verificationToken);
  form.append('team_id', input.teamId);
  form.append('team_domain', domainOf(input.teamId));
  if (input.enterpriseId) {
    form.append('enterprise_id', input.enterpriseId);
    form.append('enterprise_name', `Grid ${input.enterpriseId}`);
  }
  form.append('channel_id', channelId);
  form.append(
    'channel_name',
    input.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general'),
  );
  form.append('user_id', input.userId);
  form.append('user_name', input.userId.toLowerCase());
  form.append('command', input.command ?? '/opsplan');
  form.append('text', input.text);
  form.append('api_app_id', d.apiAppId);
  form.append('is_enterprise_install', 'false');
  form.append('response_url', input.responseUrl);
  form.append('trigger_id', input.triggerId ?? newTriggerId());
  return form;
}

/** One entry of `actions[]`; omitted fields are read from the element with that action_id in the blocks. */
export interface ActionInput {
  action_id: string;
  block_id?: string;
  type?: string;
  value?: string;
  [field: string]: unknown;
}

function findElement(
  blocks: unknown,
  actionId: string,
): { blockId: string; element: JsonObject } | undefined {
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isObject(block)) continue;
    const candidates = [
      block.element,
      block.accessory,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    const element = candidates.find((c) => isObject(c) && c.action_id === actionId);
    if (isObject(element)) return { blockId: String(block.block_id ?? ''), element };
  }
  return undefined;
}

function actionEntry(input: ActionInput, blocks: unknown, nowMs: number): JsonObject {
  const { action_id: actionId, block_id: blockId, type, ...rest } = input;
  const found = findElement(blocks, actionId);
  const element = found?.element ?? {};
  return {
    action_id: actionId,
    block_id: blockId ?? found?.blockId ?? 'block',
    ...(element.text !== undefined ? { text: element.text } : {}),
    ...(element.value !== undefined ? { value: element.value } : {}),
    ...(element.style !== undefined ? { style: element.style } : {}),
    type: type ?? element.type ?? 'button',
    action_ts: slackTs(nowMs),
    ...rest,
  };
}

export interface BlockActionsInput extends Actor {
  actions: ActionInput[];
  /** For a click inside a modal or the App Home: the view as Slack returned it (id, hash, blocks…). */
  view?: JsonObject;
  /** For a click on a message: the message (ts, blocks, text) and where it is. */
  message?: { ts: string; text?: string; blocks?: unknown[]; is_ephemeral?: boolean };
  channelId?: string;
  responseUrl?: string;
  /** What the user typed or picked before clicking (defaults to the elements' initial values). */
  values?: UserInputs;
}

export function blockActionsPayload(
  input: BlockActionsInput,
  d: PayloadDefaults,
  nowMs: number,
): JsonObject {
  const common = {
    type: 'block_actions',
    user: user(input),
    api_app_id: d.apiAppId,
    token: d.verificationToken,
  };
  const triggerId = input.triggerId ?? newTriggerId();
  if (input.view) {
    const blocks = input.view.blocks;
    return {
      ...common,
      container: { type: 'view', view_id: input.view.id },
      trigger_id: triggerId,
      team: team(input),
      enterprise: enterprise(input),
      is_enterprise_install: false,
      view: { ...input.view, state: { values: buildStateValues(blocks, input.values) } },
      actions: input.actions.map((a) => actionEntry(a, blocks, nowMs)),
    };
  }
  const message = input.message ?? { ts: slackTs(nowMs), text: '', blocks: [] };
  const channelId = input.channelId ?? 'C0GENERAL01';
  const messageBody = {
    user: d.botUserId,
    type: 'message',
    ts: message.ts,
    bot_id: 'B0FAKEBOT01',
    app_id: d.apiAppId,
    text: message.text ?? '',
    team: input.teamId,
    blocks: message.blocks ?? [],
  };
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channelId,
      is_ephemeral: message.is_ephemeral ?? false,
    },
    trigger_id: triggerId,
    team: team(input),
    enterprise: enterprise(input),
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    message: messageBody,
    state: { values: buildStateValues(message.blocks, input.values) },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: input.actions.map((a) => actionEntry(a, message.blocks, nowMs)),
  };
}

export interface ViewSubmissionInput extends Actor {
  /** The view as Slack returned it from views.open/update/push (take it from the fake's recorded call). */
  view: JsonObject;
  /** What the user typed or picked, keyed by block_id (or action_id). */
  values?: UserInputs;
  responseUrls?: Array<{
    block_id: string;
    action_id: string;
    channel_id: string;
    response_url: string;
  }>;
}

function submittedView(
  view: JsonObject,
  values: UserInputs | undefined,
  teamId: string,
  closed = false,
): JsonObject {
  return {
    id: view.id ?? 'V0SUBMITTED',
    team_id: view.team_id ?? teamId,
    ...view,
    state: { values: buildStateValues(view.blocks, values, { omitUntouched: closed }) },
    hash: view.hash ?? `${Math.floor(Date.now() / 1000)}.fakehash`,
  };
}

export function viewSubmissionPayload(input: ViewSubmissionInput, d: PayloadDefaults): JsonObject {
  return {
    type: 'view_submission',
    team: team(input),
    user: user(input),
    api_app_id: d.apiAppId,
    token: d.verificationToken,
    trigger_id: input.triggerId ?? newTriggerId(),
    view: submittedView(input.view, input.values, input.teamId),
    response_urls: input.responseUrls ?? [],
    is_enterprise_install: false,
    enterprise: enterprise(input),
  };
}

export interface ViewClosedInput extends Actor {
  view: JsonObject;
  values?: UserInputs;
  isCleared?: boolean;
}

export function viewClosedPayload(input: ViewClosedInput, d: PayloadDefaults): JsonObject {
  return {
    type: 'view_closed',
    team: team(input),
    user: user(input),
    api_app_id: d.apiAppId,
    token: d.verificationToken,
    view: submittedView(input.view, input.values, input.teamId, true),
    is_cleared: input.isCleared ?? false,
    is_enterprise_install: false,
    enterprise: enterprise(input),
  };
}

export interface EventInput {
  teamId: string;
  event: JsonObject & { type: string };
  eventId?: string;
  enterpriseId?: string;
}

export function eventCallbackPayload(
  input: EventInput,
  d: PayloadDefaults,
  nowMs: number,
): JsonObject {
  const eventTs = slackTs(nowMs);
  return {
    token: d.verificationToken,
    team_id: input.teamId,
    ...(input.enterpriseId ? { enterprise_id: input.enterpriseId } : {}),
    api_app_id: d.apiAppId,
    event: { event_ts: eventTs, ...input.event },
    type: 'event_callback',
    event_id: input.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(nowMs / 1000),
    authorizations: [
      {
        enterprise_id: input.enterpriseId ?? null,
        team_id: input.teamId,
        user_id: d.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(12).toString('base64url')}`,
  };
}
