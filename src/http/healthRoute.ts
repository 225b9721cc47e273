import type { CustomRoute } from '@slack/bolt';
import type { RedisConnection } from '../store/redisConnection.js';
import { pingRedis } from '../store/redisConnection.js';

/** GET /healthz — 200 while Redis answers, 503 otherwise, so a load balancer drains us. */
export function healthRoute(redis: RedisConnection): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      const up = await pingRedis(redis);
      res.writeHead(up ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', redis: up ? 'up' : 'down' }));
    },
  };
}
