import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import {
  type CachedUserPreferencesStore,
  createCachedUserPreferencesStore,
} from '../../src/store/cachedUserPreferencesStore.js';
import {
  createRedisUserPreferencesStore,
  type UserPreferencesStore,
} from '../../src/store/userPreferencesStore.js';
import { type WorkspaceKey, workspaceKey } from '../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../support/redis/testRedis.js';

const logger = createLogger({ level: 'error', secrets: [] });
const opened: Array<{ close(): Promise<void> | void }> = [];

afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

function connection(): Redis {
  const redis = connectTestRedis();
  opened.push({ close: () => void redis.disconnect() });
  return redis;
}

/** One app replica's view of the preferences: its own connections, its own cache. */
async function replica(
  store: UserPreferencesStore = createRedisUserPreferencesStore(connection()),
): Promise<{ prefs: CachedUserPreferencesStore; subscriber: Redis }> {
  // As the app opens it: the store resubscribes after every reconnection itself.
  const subscriber = new Redis(inject('redisUrl'), {
    maxRetriesPerRequest: 1,
    autoResubscribe: false,
  });
  opened.push({ close: () => void subscriber.disconnect() });
  const prefs = createCachedUserPreferencesStore({
    store,
    publisher: connection(),
    subscriber,
    logger,
  });
  opened.push(prefs);
  await prefs.listening();
  return { prefs, subscriber };
}

function newUser(): { ws: WorkspaceKey; user: string; key: string } {
  const ws = workspaceKey({ teamId: uniqueWorkspace() });
  return { ws, user: 'U0CACHE1', key: `opsplan:{${ws}}:user:U0CACHE1:prefs` };
}

describe('cached user preferences', () => {
  it('shows a language chosen on one replica on the next read of another that had cached the old one', async () => {
    const { ws, user } = newUser();
    const a = await replica();
    const b = await replica();
    await a.prefs.setLocale(ws, user, 'en');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });

    await a.prefs.setLocale(ws, user, 'zh-CN');
    expect(await a.prefs.get(ws, user)).toEqual({ locale: 'zh-CN' });
    // The announcement travels through Redis; it arrives within milliseconds.
    await vi.waitFor(async () => expect(await b.prefs.get(ws, user)).toEqual({ locale: 'zh-CN' }));

    await b.prefs.setLocale(ws, user, undefined);
    await vi.waitFor(async () => expect(await a.prefs.get(ws, user)).toEqual({}));
  });

  it('answers repeated reads from memory, so a change written behind its back shows only when announced', async () => {
    const { ws, user, key } = newUser();
    const raw = connection();
    const b = await replica();
    await raw.hset(key, 'locale', 'en');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });

    await raw.hset(key, 'locale', 'zh-CN');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });

    const other = await replica();
    await other.prefs.setLocale(ws, user, 'zh-CN');
    await vi.waitFor(async () => expect(await b.prefs.get(ws, user)).toEqual({ locale: 'zh-CN' }));
  });

  it('reads through while it cannot hear changes, and forgets what it held once it hears again', async () => {
    const { ws, user, key } = newUser();
    const raw = connection();
    const b = await replica();
    await raw.hset(key, 'locale', 'en');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });

    const closed = new Promise((resolve) => b.subscriber.once('close', resolve));
    b.subscriber.disconnect();
    await closed;
    await raw.hset(key, 'locale', 'zh-CN');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'zh-CN' });

    // A change made while it was deaf must not survive the reconnection in its cache.
    await raw.hset(key, 'locale', 'en');
    await b.subscriber.connect();
    await b.prefs.listening();
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });
    await raw.hset(key, 'locale', 'zh-CN');
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'en' });
  });

  it('does not keep a value read while a change was being announced', async () => {
    const { ws, user, key } = newUser();
    const raw = connection();
    const real = createRedisUserPreferencesStore(connection());
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let hold = true;
    // The real store, with its answer held back so a change can be announced meanwhile.
    const slowStore: UserPreferencesStore = {
      async get(w, u) {
        const prefs = await real.get(w, u);
        if (hold) await held;
        return prefs;
      },
      setLocale: (w, u, l) => real.setLocale(w, u, l),
    };
    const b = await replica(slowStore);
    const a = await replica();
    await raw.hset(key, 'locale', 'en');

    const stale = b.prefs.get(ws, user);
    const heard = new Promise((resolve) => b.subscriber.once('message', resolve));
    await a.prefs.setLocale(ws, user, 'zh-CN');
    await heard;
    hold = false;
    release();
    expect(await stale).toEqual({ locale: 'en' });
    expect(await b.prefs.get(ws, user)).toEqual({ locale: 'zh-CN' });
  });
});
