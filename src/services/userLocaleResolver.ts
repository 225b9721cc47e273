import type { WebClient } from '@slack/web-api';
import { withDeadline } from '../async/withDeadline.js';
import { type Locale, localeFromSlack } from '../domain/locale.js';
import type { AppLogger } from '../logging/logger.js';
import type { WorkspaceIdentity } from '../slack/workspaceIdentity.js';
import type { UserPreferencesStore } from '../store/userPreferencesStore.js';
import { workspaceKey } from '../store/workspaceKey.js';

export interface UserLocaleResolver {
  /**
   * The user's own choice (`/opsplan language`), else their Slack language, else the
   * workspace default. Never throws: a language is not worth failing a request over.
   */
  localeOf(identity: WorkspaceIdentity): Promise<Locale>;
}

export interface UserLocaleResolverOptions {
  client: WebClient;
  preferences: UserPreferencesStore;
  defaultLocale: Locale;
  logger: AppLogger;
  /** How long a Slack profile locale is trusted; people rarely switch languages. */
  ttlMs?: number;
  /** Slack must not hold up a 3-second interaction for a nicety. */
  lookupTimeoutMs?: number;
  /**
   * The stored choice is optional too: when Redis is hung, the request still needs its
   * budget for the work that does need storage.
   */
  preferenceTimeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createUserLocaleResolver(options: UserLocaleResolverOptions): UserLocaleResolver {
  const { client, preferences, defaultLocale, logger } = options;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 800;
  const preferenceTimeoutMs = options.preferenceTimeoutMs ?? 250;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const slackLocales = new Map<string, { locale: Locale; expires: number }>();

  async function fromSlack(userId: string): Promise<Locale> {
    const res = await withDeadline(
      client.users.info({ user: userId, include_locale: true }),
      lookupTimeoutMs,
      'users.info',
    );
    return localeFromSlack(res.user?.locale, defaultLocale);
  }

  async function slackLocaleOf(teamId: string, userId: string): Promise<Locale> {
    const key = `${teamId}:${userId}`;
    const hit = slackLocales.get(key);
    if (hit && hit.expires > now()) return hit.locale;
    const locale = await fromSlack(userId);
    if (slackLocales.size >= maxEntries) {
      // Map keeps insertion order, so the first key is the oldest entry.
      const oldest = slackLocales.keys().next().value;
      if (oldest !== undefined) slackLocales.delete(oldest);
    }
    slackLocales.set(key, { locale, expires: now() + ttlMs });
    return locale;
  }

  return {
    async localeOf(identity) {
      try {
        // Cached by the store, which hears changes made on other replicas.
        const prefs = await withDeadline(
          preferences.get(workspaceKey(identity), identity.userId),
          preferenceTimeoutMs,
          'language preference',
        );
        if (prefs.locale) return prefs.locale;
      } catch (err) {
        logger.log('debug', 'language preference unavailable; falling back', {
          err: describe(err),
        });
      }
      try {
        return await slackLocaleOf(identity.teamId, identity.userId);
      } catch (err) {
        logger.log('debug', 'Slack locale lookup failed; using the default', {
          err: describe(err),
        });
        return defaultLocale;
      }
    },
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
