import type { Args } from './fakeSlackHttp.js';

/** The workspace the fake Slack API pretends to be: identity, users, channels, messages, views, files. */

export interface FakeIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  /** Only returned by users.info when the caller passes include_locale=true, as Slack does. */
  locale: string;
  is_bot: boolean;
  deleted: boolean;
  is_admin: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_member: boolean;
  is_archived: boolean;
  /** false makes every call naming the channel answer channel_not_found. */
  exists: boolean;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[] | undefined;
  thread_ts: string | undefined;
}

export interface StoredView {
  view: Args;
  hash: string;
  externalId: string;
  userId: string | undefined;
}

export interface UploadedFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  bytes: Buffer | undefined;
  /** The bytes as UTF-8, for the Markdown/YAML exports tests read back. */
  content: string | undefined;
  completed: boolean;
  channelId: string | undefined;
  threadTs: string | undefined;
  initialComment: string | undefined;
}

export interface FakeWorkspace {
  identity: FakeIdentity;
  /** Base URL of the fake server (http://127.0.0.1:PORT/). */
  baseUrl: string;
  users: Map<string, Partial<FakeUser>>;
  channels: Map<string, Partial<FakeChannel>>;
  messages: Map<string, StoredMessage>;
  views: Map<string, StoredView>;
  homeViews: Map<string, string>;
  files: Map<string, UploadedFile>;
  postTimes: Map<string, number[]>;
  nextTs(): string;
  nextId(prefix: string): string;
}

const TS_EPOCH_SECONDS = 1_716_900_000;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function createWorkspace(identity: FakeIdentity, baseUrl: string): FakeWorkspace {
  let tsCounter = 0;
  let idCounter = 0;
  return {
    identity,
    baseUrl,
    users: new Map(),
    channels: new Map(),
    messages: new Map(),
    views: new Map(),
    homeViews: new Map(),
    files: new Map(),
    postTimes: new Map(),
    // Unique and increasing across the whole workspace, shaped like Slack's `1716900000.000100`.
    nextTs() {
      tsCounter += 100;
      const seconds = TS_EPOCH_SECONDS + Math.floor(tsCounter / 1_000_000);
      return `${seconds}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
    },
    nextId(prefix: string) {
      idCounter += 1;
      let n = idCounter;
      let suffix = '';
      for (let i = 0; i < 10; i++) {
        suffix = (ID_ALPHABET[n % ID_ALPHABET.length] ?? '0') + suffix;
        n = Math.floor(n / ID_ALPHABET.length);
      }
      return `${prefix}${suffix}`;
    },
  };
}

export function messageKey(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

export function userOf(ws: FakeWorkspace, id: string): FakeUser {
  return {
    id,
    name: id.toLowerCase(),
    real_name: `User ${id}`,
    tz: 'UTC',
    locale: 'en-US',
    is_bot: false,
    deleted: false,
    is_admin: false,
    ...ws.users.get(id),
  };
}

/** Channels default to an existing public channel the bot is in; DMs (`D…`) are private IMs. */
export function channelOf(ws: FakeWorkspace, id: string): FakeChannel {
  return {
    id,
    name: id.startsWith('D') ? id : `channel-${id.toLowerCase()}`,
    is_private: id.startsWith('G') || id.startsWith('D'),
    is_member: true,
    is_archived: false,
    exists: true,
    ...ws.channels.get(id),
  };
}

/** Seconds east of UTC for an IANA zone right now, as users.info's tz_offset. */
export function tzOffsetSeconds(tz: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}
