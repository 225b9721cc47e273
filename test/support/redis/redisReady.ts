import type { Cluster, Redis } from 'ioredis';

/**
 * Resolves once `redis` is ready (at once if it already is): an event, not a sleep. Not
 * `events.once`, which rejects on the 'error' events ioredis emits for every failed reconnect
 * attempt. A connection that never recovers fails with its status after `timeoutMs`, instead of
 * surfacing as a test timeout.
 */
export function redisReady(redis: Redis | Cluster, timeoutMs = 15_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(
        new Error(`Redis connection not ready after ${timeoutMs} ms (status: ${redis.status})`),
      );
    }, timeoutMs);
    redis.once('ready', onReady);
  });
}
