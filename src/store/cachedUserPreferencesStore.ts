import type { AppLogger } from '../logging/logger.js';
import type { RedisConnection } from './redisConnection.js';
import type { UserPreferences, UserPreferencesStore } from './userPreferencesStore.js';
import type { WorkspaceKey } from './workspaceKey.js';

/**
 * Every interaction needs the user's language, and people choose it about once. Reading it from
 * Redis on every request cost a round trip and a tenth of the app's CPU under load, so each replica
 * keeps what it read. A change must still show on the very next request, whichever replica serves
 * it: the replica that writes announces the change on a Redis channel and every replica forgets its
 * copy when the announcement arrives (milliseconds; a person needs longer to type the next command).
 *
 * While the announcement channel is down a replica cannot hear changes, so it caches nothing and
 * reads through, and it forgets everything when the channel comes back. A TTL bounds the one gap
 * left: an announcement lost while a Cluster moves its subscription to another node.
 */
export const PREFERENCES_CHANGED_CHANNEL = 'opsplan:preferences-changed';

export interface CachedUserPreferencesStoreOptions {
  store: UserPreferencesStore;
  /** The app's connection: announces changes. */
  publisher: RedisConnection;
  /** A connection of its own (subscriber mode takes it over); closed by `close()`. */
  subscriber: RedisConnection;
  logger: AppLogger;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export interface CachedUserPreferencesStore extends UserPreferencesStore {
  /** Resolves once changes are heard (again, after a disconnection); reads go to Redis until then. */
  listening(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  prefs: UserPreferences;
  expires: number;
}

export function createCachedUserPreferencesStore(
  options: CachedUserPreferencesStoreOptions,
): CachedUserPreferencesStore {
  const { store, publisher, subscriber, logger } = options;
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let live = false;
  // Bumped by every forget: a read that started before a change must not cache the old value.
  let generation = 0;
  let heardAgain: () => void = () => {};
  const deafPeriod = () =>
    new Promise<void>((resolve) => {
      heardAgain = resolve;
    });
  let listening = deafPeriod();

  const cacheKey = (ws: WorkspaceKey, userId: string) => `${ws} ${userId}`;

  function forget(key?: string): void {
    generation++;
    if (key === undefined) entries.clear();
    else entries.delete(key);
  }

  async function listen(): Promise<void> {
    try {
      await subscriber.subscribe(PREFERENCES_CHANGED_CHANNEL);
      // Changes made while nobody listened were missed: start from nothing.
      forget();
      live = true;
      heardAgain();
    } catch (err) {
      logger.log('warn', 'language preference changes not heard; reading through', {
        err: err instanceof Error ? err.message : String(err),
      });
    }
  }

  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== PREFERENCES_CHANGED_CHANNEL) return;
    // The payload is our own `cacheKey`; anything else forgets everything rather than guess.
    forget(/^\S+ \S+$/.test(message) ? message : undefined);
  });
  subscriber.on('close', () => {
    if (live) listening = deafPeriod();
    live = false;
    forget();
  });
  subscriber.on('ready', () => void listen());
  if (subscriber.status === 'ready') void listen();

  return {
    async get(ws, userId) {
      const key = cacheKey(ws, userId);
      const hit = entries.get(key);
      if (live && hit && hit.expires > now()) return hit.prefs;
      const startedAt = generation;
      const prefs = await store.get(ws, userId);
      if (live && startedAt === generation) {
        entries.delete(key);
        if (entries.size >= maxEntries) {
          // Map keeps insertion order, so the first key is the least recently read.
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entries.set(key, { prefs, expires: now() + ttlMs });
      }
      return prefs;
    },
    async setLocale(ws, userId, locale) {
      const key = cacheKey(ws, userId);
      await store.setLocale(ws, userId, locale);
      forget(key);
      try {
        await publisher.publish(PREFERENCES_CHANGED_CHANNEL, key);
      } catch (err) {
        // Saved, but other replicas may show the old language until their copy expires.
        logger.log('warn', 'language change saved but not announced', {
          err: err instanceof Error ? err.message : String(err),
        });
      }
    },
    listening: () => listening,
    async close() {
      live = false;
      forget();
      subscriber.disconnect();
    },
  };
}
