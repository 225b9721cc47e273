import type { WebClient } from '@slack/web-api';
import { withDeadline } from '../async/withDeadline.js';
import { isValidTimeZone } from '../domain/plan.js';

/** The user's Slack profile time zone, else the fallback; never holds a request up for long. */
export async function userTimezone(
  client: WebClient,
  userId: string,
  fallback: string,
  timeoutMs = 800,
): Promise<string> {
  try {
    const res = await withDeadline(client.users.info({ user: userId }), timeoutMs, 'users.info');
    const tz = res.user?.tz;
    return tz && isValidTimeZone(tz) ? tz : fallback;
  } catch {
    return fallback;
  }
}
