import type { WebClient } from '@slack/web-api';
import { type Locale, localeFromSlack } from '../domain/locale.js';
import type { AppLogger } from '../logging/logger.js';

export interface UserLocaleResolver {
  /** The user's language from their Slack profile, else the workspace default. Never throws. */
  localeOf(teamId: string, userId: string): Promise<Locale>;
}

export interface UserLocaleResolverOptions {
  client: WebClient;
  defaultLocale: Locale;
  logger: AppLogger;
  /** How long a looked-up locale is trusted; people rarely switch languages. */
  ttlMs?: number;
  /** Slack must not hold up a 3-second interaction for a nicety. */
  lookupTimeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createUserLocaleResolver(options: UserLocaleResolverOptions): UserLocaleResolver {
  const { client, defaultLocale, logger } = options;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 800;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { locale: Locale; expires: number }>();

  async function lookup(userId: string): Promise<Locale> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const res = await Promise.race([
        client.users.info({ user: userId, include_locale: true }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('users.info timed out')), lookupTimeoutMs);
        }),
      ]);
      return localeFromSlack(res.user?.locale, defaultLocale);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async localeOf(teamId, userId) {
      const key = `${teamId}:${userId}`;
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return hit.locale;
      try {
        const locale = await lookup(userId);
        if (cache.size >= maxEntries) {
          // Map keeps insertion order, so the first key is the oldest entry.
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(key, { locale, expires: now() + ttlMs });
        return locale;
      } catch (err) {
        logger.log('debug', 'user locale lookup failed; using the default', {
          userId,
          err: err instanceof Error ? err.message : String(err),
        });
        return defaultLocale;
      }
    },
  };
}
