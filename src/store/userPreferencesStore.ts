import type { Cluster, Redis } from 'ioredis';
import { type Locale, LocaleSchema } from '../domain/locale.js';
import { workspacePrefix } from './redis/draftKeys.js';
import type { WorkspaceKey } from './workspaceKey.js';

/** Choices a user makes once and OpsPlan remembers across devices and replicas. */
export interface UserPreferences {
  /** Overrides the Slack client's language for OpsPlan's texts. */
  locale?: Locale;
}

export interface UserPreferencesStore {
  get(ws: WorkspaceKey, userId: string): Promise<UserPreferences>;
  setLocale(ws: WorkspaceKey, userId: string, locale: Locale | undefined): Promise<void>;
}

/** `opsplan:{<ws>}:user:<userId>:prefs` — a HASH, in the workspace's slot like every other key. */
function prefsKey(ws: WorkspaceKey, userId: string): string {
  return `${workspacePrefix(ws)}user:${userId}:prefs`;
}

export function createRedisUserPreferencesStore(redis: Redis | Cluster): UserPreferencesStore {
  return {
    async get(ws, userId) {
      const raw = await redis.hget(prefsKey(ws, userId), 'locale');
      // A value written by a future version, or corrupted, must not break every command.
      const locale = LocaleSchema.safeParse(raw);
      return locale.success ? { locale: locale.data } : {};
    },
    async setLocale(ws, userId, locale) {
      if (locale) await redis.hset(prefsKey(ws, userId), 'locale', locale);
      else await redis.hdel(prefsKey(ws, userId), 'locale');
    },
  };
}
