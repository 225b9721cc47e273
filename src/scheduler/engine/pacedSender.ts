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
 * - every post to a channel takes the channel's next send slot from a gate in Redis shared by all
 *   replicas (default one per 1.2 s: Slack allows ~1 message/s per channel, the margin absorbs
 *   clock jitter between replicas); other methods take a per-workspace slot of their tier;
 * - a 429 pushes that gate back by Retry-After (so every replica waits, not only the one that was
 *   told) and the call is retried, up to `maxAttempts`;
 * - at most `maxConcurrentCalls` calls are on the wire per replica, and waiting for a slot holds no
 *   connection, so the WebClient used for requests (a separate one) is never queued behind us.
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

export interface PacedSender {
  postMessage(
    ws: WorkspaceKey,
    args: ChatPostMessageArguments,
  ): Promise<{ channel: string; ts: string }>;
  updateMessage(ws: WorkspaceKey, args: ChatUpdateArguments): Promise<void>;
  openDm(ws: WorkspaceKey, userId: string): Promise<string>;
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

export function createPacedSender(options: PacedSenderOptions): PacedSender {
  const { client, store, logger } = options;
  const channelInterval = options.channelIntervalMs ?? DEFAULT_CHANNEL_INTERVAL_MS;
  const maxAttempts = options.maxAttempts ?? 6;
  const wire = createSemaphore(options.maxConcurrentCalls ?? 8);

  const paced = async <T>(
    ws: WorkspaceKey,
    method: string,
    gates: ReadonlyArray<{ id: string; intervalMs: number }>,
    call: () => Promise<T>,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      let wait = 0;
      for (const gate of gates) {
        wait = Math.max(wait, await store.reserveSlot(ws, gate.id, gate.intervalMs));
      }
      if (wait > 0) await sleep(wait);
      try {
        return await wire.run(call);
      } catch (error) {
        const delay = retryAfterMs(error);
        if (delay === undefined) throw error;
        const until = new Date(Date.now() + delay);
        // The first gate is the one Slack limits (the channel for posts, the method otherwise).
        const limited = gates[0];
        if (limited) await store.blockGateUntil(ws, limited.id, until);
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
      }
    }
  };

  return {
    async postMessage(ws, args) {
      const channel = args.channel;
      const result = await paced(
        ws,
        'chat.postMessage',
        [
          { id: gateId(channel), intervalMs: channelInterval },
          { id: 'm:chat.postMessage', intervalMs: WORKSPACE_POST_INTERVAL_MS },
        ],
        () => client.chat.postMessage(args),
      );
      if (typeof result.channel !== 'string' || typeof result.ts !== 'string') {
        throw new SlackSendError('chat.postMessage', 'Slack answered without channel and ts');
      }
      return { channel: result.channel, ts: result.ts };
    },

    async updateMessage(ws, args) {
      await paced(ws, 'chat.update', [{ id: 'm:chat.update', intervalMs: TIER3_INTERVAL_MS }], () =>
        client.chat.update(args),
      );
    },

    async openDm(ws, userId) {
      const result = await paced(
        ws,
        'conversations.open',
        [{ id: 'm:conversations.open', intervalMs: TIER3_INTERVAL_MS }],
        () => client.conversations.open({ users: userId }),
      );
      const id = result.channel?.id;
      if (typeof id !== 'string') {
        throw new SlackSendError('conversations.open', 'Slack answered without a channel id');
      }
      return id;
    },
  };
}
