import { ErrorCode } from '@slack/web-api';

/**
 * Retrying Slack Web API calls made by a publish. The client it runs on must NOT retry by itself
 * (retries 0, rejectRateLimitedCalls): only the caller knows whether repeating a call is safe. A
 * chat.postMessage whose answer never came may have posted — sending it again could post twice.
 */

export type SlackFailure =
  /** The request went out and no answer came back (connection cut, timeout): it may have worked. */
  | { kind: 'unknown_outcome' }
  /** Still rate limited after the allowed retries. */
  | { kind: 'rate_limited' }
  /** Slack answered 5xx (or the upload host failed) on every allowed attempt. */
  | { kind: 'server_error'; status?: number }
  /** Slack refused the call (`ok: false`), e.g. `not_in_channel`. */
  | { kind: 'refused'; error: string };

export class SlackCallError extends Error {
  override readonly name = 'SlackCallError';

  constructor(
    readonly method: string,
    readonly failure: SlackFailure,
  ) {
    super(`${method} failed: ${failure.kind}${'error' in failure ? ` (${failure.error})` : ''}`);
  }
}

export interface RetryPolicy {
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  /** Longest Retry-After honoured; a longer one ends the attempt (the user can retry later). */
  maxRetryAfterMs: number;
  /** First back-off after a 5xx; doubles each time up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxRetryAfterMs: 30_000,
  backoffMs: 250,
  maxBackoffMs: 4_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Classified =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error'; status?: number }
  | { kind: 'unknown_outcome' }
  | { kind: 'refused'; error: string };

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

/** What a thrown error from @slack/web-api (or the upload host) means for a retry. */
export function classifySlackError(error: unknown): Classified {
  const code = codeOf(error);
  const fields = (error ?? {}) as {
    retryAfter?: unknown;
    statusCode?: unknown;
    data?: { error?: unknown };
  };
  if (code === ErrorCode.RateLimitedError) {
    const seconds = typeof fields.retryAfter === 'number' ? fields.retryAfter : 1;
    return { kind: 'rate_limited', retryAfterMs: Math.max(0, seconds) * 1000 };
  }
  if (code === ErrorCode.HTTPError) {
    const status = typeof fields.statusCode === 'number' ? fields.statusCode : undefined;
    return status === undefined ? { kind: 'server_error' } : { kind: 'server_error', status };
  }
  if (code === ErrorCode.RequestError) return { kind: 'unknown_outcome' };
  if (code === ErrorCode.PlatformError) {
    const slackError = typeof fields.data?.error === 'string' ? fields.data.error : 'unknown';
    // Some methods answer a rate limit with 200 + ok:false instead of 429.
    if (slackError === 'ratelimited') return { kind: 'rate_limited', retryAfterMs: 1000 };
    if (slackError === 'internal_error' || slackError === 'fatal_error')
      return { kind: 'server_error' };
    return { kind: 'refused', error: slackError };
  }
  return { kind: 'server_error' };
}

export interface CallOptions {
  /**
   * Whether repeating the call after an unknown outcome is harmless (reads, deletes, a permalink).
   * Never for chat.postMessage.
   */
  idempotent: boolean;
}

/**
 * Runs `call`, retrying 429 after its Retry-After and 5xx with exponential back-off, both bounded.
 * Throws `SlackCallError` with what finally went wrong.
 */
export async function callSlack<T>(
  method: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  options: CallOptions,
): Promise<T> {
  let backoff = policy.backoffMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const what = classifySlackError(error);
      const last = attempt >= policy.maxAttempts;
      switch (what.kind) {
        case 'refused':
          throw new SlackCallError(method, what);
        case 'unknown_outcome':
          if (!options.idempotent || last) throw new SlackCallError(method, what);
          await policy.sleep(backoff);
          backoff = Math.min(backoff * 2, policy.maxBackoffMs);
          break;
        case 'rate_limited':
          if (last || what.retryAfterMs > policy.maxRetryAfterMs)
            throw new SlackCallError(method, { kind: 'rate_limited' });
          await policy.sleep(what.retryAfterMs);
          break;
        case 'server_error':
          if (last) throw new SlackCallError(method, what);
          await policy.sleep(backoff);
          backoff = Math.min(backoff * 2, policy.maxBackoffMs);
          break;
      }
    }
  }
}

export function isSlackCallError(error: unknown): error is SlackCallError {
  return error instanceof SlackCallError;
}
