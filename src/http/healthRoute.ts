import type { CustomRoute } from '@slack/bolt';
import { pingRedis, type RedisConnection } from '../store/redisConnection.js';

/**
 * GET /healthz — 200 while Redis answers; 503 when it does not, or while the app is shutting
 * down, so a load balancer stops routing here before the listener closes.
 */
export function healthRoute(
  redis: RedisConnection,
  isDraining: () => boolean = () => false,
): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
      if (isDraining()) {
        res.writeHead(503, headers);
        res.end(JSON.stringify({ status: 'draining' }));
        return;
      }
      const up = await pingRedis(redis);
      res.writeHead(up ? 200 : 503, headers);
      res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', redis: up ? 'up' : 'down' }));
    },
  };
}
