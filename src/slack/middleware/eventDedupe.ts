import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { AppLogger } from '../../logging/logger.js';
import type { RedisConnection } from '../../store/redisConnection.js';
import { workspaceKey } from '../../store/workspaceKey.js';

export interface EventDedupeDeps {
  redis: RedisConnection;
  logger: AppLogger;
  /**
   * How long an event id is remembered. Slack retries a delivery three times within about
   * five minutes; an hour leaves room for a slow retry or a replay from a queue.
   */
  ttlSeconds?: number;
}

const DEFAULT_TTL_SECONDS = 3600;

// Only Events API deliveries carry an event_id; anything else passes untouched. Ids are checked
// because they become part of a Redis key (a `}` would move it to another Cluster slot).
const EventDelivery = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  team_id: z.string(),
  enterprise_id: z.string().nullish(),
});

/** `opsplan:{<ws>}:event:<event_id>`: in the workspace's slot like every other key. */
export function eventClaimKey(ws: string, eventId: string): string {
  return `opsplan:{${ws}}:event:${eventId}`;
}

// Release only our own claim: a retry that claimed the id after ours expired must keep it.
const RELEASE_OWN_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Drops an Events API delivery that was already handled: a second delivery of the same
 * `event_id`, which is what an `X-Slack-Retry-Num` retry is. The first delivery claims the id
 * with SET NX and a TTL; a listener failure releases the claim so a later retry can redo the work.
 *
 * Fails OPEN: when Redis cannot answer, the event is processed. The only event OpsPlan
 * subscribes to is `app_home_opened`, whose handler re-renders the Home tab with views.publish —
 * doing it twice shows the same view, dropping it leaves the user a stale or empty Home.
 * A future event with a non-idempotent effect must carry its own idempotency key.
 *
 * Events are acknowledged by Bolt before global middleware runs, so a dropped duplicate still
 * gets its 200 and Slack stops retrying. Register after the error boundary.
 */
export function createEventDedupe(deps: EventDedupeDeps): Middleware<AnyMiddlewareArgs> {
  const ttl = deps.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  return async ({ body, context, next }) => {
    const delivery = EventDelivery.safeParse(body);
    if (!delivery.success) {
      await next();
      return;
    }
    const { event_id: eventId, team_id: teamId, enterprise_id: enterpriseId } = delivery.data;
    let key: string;
    try {
      key = eventClaimKey(
        workspaceKey(enterpriseId ? { teamId, enterpriseId } : { teamId }),
        eventId,
      );
    } catch {
      // Not a Slack team id: nothing safe to key on; the listener refuses such a body itself.
      await next();
      return;
    }

    const token = randomUUID();
    let claimed: boolean;
    try {
      claimed = (await deps.redis.set(key, token, 'EX', ttl, 'NX')) === 'OK';
    } catch (err) {
      deps.logger.log('warn', 'event dedupe unavailable, processing anyway', {
        eventId,
        teamId,
        err: err instanceof Error ? err.message : String(err),
      });
      await next();
      return;
    }
    if (!claimed) {
      deps.logger.log('info', 'duplicate event dropped', {
        eventId,
        teamId,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
      });
      return;
    }

    try {
      await next();
    } catch (err) {
      await deps.redis.eval(RELEASE_OWN_CLAIM, 1, key, token).catch(() => undefined);
      throw err;
    }
  };
}
