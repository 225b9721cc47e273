import { ErrorCode } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { DeadlineExceededError, withDeadline } from '../async/withDeadline.js';
import type { AppLogger } from '../logging/logger.js';

/**
 * How long a response_url post (Bolt's `respond()`) may take. Slack answers one in well under a
 * second; this is about what one interactive Web API attempt gets (2.5 s). It is not retried: a
 * post whose answer was lost may already be on the user's screen. Unbounded, a silent
 * response_url kept the request in flight until the shutdown drain gave up on it (10 s).
 */
export const RESPOND_DEADLINE_MS = 3_000;

const RESPONSE_URL_POST = 'response_url post';

/**
 * The fetch Bolt is given (`clientOptions.fetch`). Bolt posts to response_urls with it and passes
 * no timeout, and a global middleware cannot swap the `respond` listeners receive (each gets its
 * own copy of the arguments), so the bound goes here. Calls that bring their own abort signal —
 * every WebClient call, which has its own timeout and retries — pass through untouched.
 */
export function createRespondFetch(logger: AppLogger): FetchFunction {
  return async (url, init) => {
    if (init?.signal) return fetch(url, init);
    const abandon = new AbortController();
    try {
      return await withDeadline(
        fetch(url, { ...init, signal: abandon.signal }),
        RESPOND_DEADLINE_MS,
        RESPONSE_URL_POST,
      );
    } catch (err) {
      if (err instanceof DeadlineExceededError) {
        // Free the socket too: nobody is waiting for this answer any more.
        abandon.abort(err);
        // The URL itself is a credential for posting to the user; it stays out of the log.
        logger.log('warn', 'response_url did not answer; abandoned', {
          method: 'response_url',
          code: err.code,
          deadlineMs: RESPOND_DEADLINE_MS,
        });
      }
      throw err;
    }
  };
}

/** Whether `err` is a response_url post that failed: refused by Slack, or abandoned at the deadline. */
export function isResponseUrlFailure(err: unknown): boolean {
  if ((err as { code?: unknown } | null)?.code === ErrorCode.RespondError) return true;
  return err instanceof DeadlineExceededError && err.message.startsWith(RESPONSE_URL_POST);
}
