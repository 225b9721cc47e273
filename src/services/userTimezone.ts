import type { WebClient } from '@slack/web-api';
import { isValidTimeZone } from '../domain/plan.js';

/** The user's Slack profile time zone, else the fallback; never holds a request up for long. */
export async function userTimezone(
  client: WebClient,
  userId: string,
  fallback: string,
  timeoutMs = 800,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const res = await Promise.race([
      client.users.info({ user: userId }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('users.info timed out')), timeoutMs);
      }),
    ]);
    const tz = res.user?.tz;
    return tz && isValidTimeZone(tz) ? tz : fallback;
  } catch {
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
