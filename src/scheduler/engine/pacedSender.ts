import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatPostMessageArguments, ChatUpdateArguments, WebClient } from '@slack/web-api';
import { ErrorCode } from '@slack/web-api';
import type { AppLogger } from '../../logging/logger.js';
import type { ScheduleStore } from '../../store/scheduleStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import { createSemaphore } from './semaphore.js';

/**
 * Background Slack calls, paced so a tick with thousands of due plans neither gets rate-limited
 * into dropping messages nor starves interactive requests:
 * - a post holds its channel's gate in Redis (shared by all replicas) until Slack answers, and
 *   the channel frees `channelIntervalMs` (default 1.2 s; Slack allows ~1 message/s per channel)
 *   after that answer — so posts land ≥ 1.2 s apart as Slack sees them, whichever replica sends
 *   them and however slow one request is in flight;
 * - other methods (and chat.postMessage across a workspace) take slots of their tier's rate;
 * - a 429 frees the gate only after Retry-After (every replica waits, not just the one told) and
 *   the call is retried, up to `maxAttempts`;
 * - at most `maxConcurrentCalls` calls are on the wire per replica, and waiting for a slot holds no
 *   connection; the request path uses its own WebClient, which is never queued behind these.
 * The client given here must not retry by itself (`rejectRateLimitedCalls: true`, `retries: 0`),
 * or its hidden retries would break the pacing. Errors other than 429 are thrown to the job: a
 * failed post with an unknown outcome is the job's to retry (its `once` step is released).
 */

export interface PacedSenderOptions {
  client: WebClient;
  store: ScheduleStore;
  logger: AppLogger;
  channelIntervalMs?: number;
  maxAttempts?: number;
  maxConcurrentCalls?: number;
}

/**
 * How a call waits for its gate to free. The claim loop gives each job one that gives the job's
 * slot up while it sleeps, so jobs queued on one workspace's pace never hold every slot while
 * other workspaces' jobs could run. Default: a plain sleep.
 */
export type GateWait = (ms: number) => Promise<void>;

export interface PacedSender {
  postMessage(
    ws: WorkspaceKey,
    args: ChatPostMessageArguments,
    wait?: GateWait,
  ): Promise<{ channel: string; ts: string }>;
  updateMessage(ws: WorkspaceKey, args: ChatUpdateArguments, wait?: GateWait): Promise<void>;
  openDm(ws: WorkspaceKey, userId: string, wait?: GateWait): Promise<string>;
}

export const DEFAULT_CHANNEL_INTERVAL_MS = 1200;
/** Tier 3 (≥ 50 per minute per workspace): chat.update, conversations.open. */
const TIER3_INTERVAL_MS = 1200;
/** chat.postMessage across a workspace (Slack: several hundred per minute; we stay well below). */
const WORKSPACE_POST_INTERVAL_MS = 200;

export class SlackSendError extends Error {
  override readonly name = 'SlackSendError';
  constructor(
    readonly method: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, retryAfter, data } = error as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
  };
  if (code === ErrorCode.RateLimitedError) {
    return (typeof retryAfter === 'number' ? Math.max(retryAfter, 0) : 1) * 1000;
  }
  // Some methods answer a rate limit with 200 + ok:false instead of a 429.
  if (code === ErrorCode.PlatformError && data?.error === 'ratelimited') return 1000;
  return undefined;
}

function gateId(channel: string): string {
  return `c:${channel.replace(/[|@{}\s]/g, '_')}`;
}

const sleepFor: GateWait = async (ms) => {
  await sleep(ms);
};

/** A post holds its channel at most this long (a replica dying mid-post frees it then). */
const CHANNEL_HOLD_MS = 15_000;
/** While another post to the channel is in flight, look again this often. */
const HELD_POLL_MS = 100;

export function createPacedSender(options: PacedSenderOptions): PacedSender {
  const { client, store, logger } = options;
  const channelInterval = options.channelIntervalMs ?? DEFAULT_CHANNEL_INTERVAL_MS;
  const maxAttempts = options.maxAttempts ?? 6;
  const wire = createSemaphore(options.maxConcurrentCalls ?? 8);

  const rateLimited = (method: string, attempt: number, delay: number, error: unknown) => {
    logger.log('warn', 'slack rate limited a scheduled send', {
      method,
      attempt,
      retryAfterMs: delay,
    });
    if (attempt >= maxAttempts) {
      throw new SlackSendError(method, `still rate limited after ${attempt} attempts`, {
        cause: error,
      });
    }
  };

  /** Tier-limited methods: one slot per `intervalMs` across the workspace; 429 pushes it back. */
  const tiered = async <T>(
    ws: WorkspaceKey,
    method: string,
    intervalMs: number,
    call: () => Promise<T>,
    waitFor: GateWait,
  ): Promise<T> => {
    const gate = `m:${method}`;
    for (let attempt = 1; ; attempt++) {
      const wait = await store.reserveSlot(ws, gate, intervalMs);
      if (wait > 0) await waitFor(wait);
      try {
        return await wire.run(call);
      } catch (error) {
        const delay = retryAfterMs(error);
        if (delay === undefined) throw error;
        await store.blockGateUntil(ws, gate, new Date(Date.now() + delay));
        rateLimited(method, attempt, delay, error);
      }
    }
  };

  /** One post at a time per channel, the next no sooner than `channelInterval` after its answer. */
  const post = async (ws: WorkspaceKey, args: ChatPostMessageArguments, waitFor: GateWait) => {
    const gate = gateId(args.channel);
    for (let attempt = 1; ; attempt++) {
      for (;;) {
        const { waitMs, held } = await store.acquireGate(ws, gate, CHANNEL_HOLD_MS);
        if (waitMs === 0) break;
        await waitFor(held ? Math.min(waitMs, HELD_POLL_MS) : waitMs);
      }
      let freeAfter = channelInterval;
      try {
        return await tiered(
          ws,
          'chat.postMessage',
          WORKSPACE_POST_INTERVAL_MS,
          () => client.chat.postMessage(args),
          waitFor,
        );
      } catch (error) {
        const delay = retryAfterMs(error);
        if (delay === undefined) throw error;
        freeAfter = Math.max(delay, channelInterval);
        rateLimited('chat.postMessage', attempt, delay, error);
      } finally {
        await store.releaseGate(ws, gate, new Date(Date.now() + freeAfter));
      }
    }
  };

  return {
    async postMessage(ws, args, wait = sleepFor) {
      const result = await post(ws, args, wait);
      if (typeof result.channel !== 'string' || typeof result.ts !== 'string') {
        throw new SlackSendError('chat.postMessage', 'Slack answered without channel and ts');
      }
      return { channel: result.channel, ts: result.ts };
    },

    async updateMessage(ws, args, wait = sleepFor) {
      await tiered(ws, 'chat.update', TIER3_INTERVAL_MS, () => client.chat.update(args), wait);
    },

    async openDm(ws, userId, wait = sleepFor) {
      const result = await tiered(
        ws,
        'conversations.open',
        TIER3_INTERVAL_MS,
        () => client.conversations.open({ users: userId }),
        wait,
      );
      const id = result.channel?.id;
      if (typeof id !== 'string') {
        throw new SlackSendError('conversations.open', 'Slack answered without a channel id');
      }
      return id;
    },
  };
}
