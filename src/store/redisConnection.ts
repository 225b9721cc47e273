import { Redis, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config.js';
import type { AppLogger } from '../logging/logger.js';

/**
 * Slack allows 3 s per interaction. ioredis defaults would queue commands while
 * disconnected and retry them for ~10 s, so a request would outlive its budget and the
 * user would see a generic Slack failure. These settings make a command on the request
 * path fail in about a second when Redis is down or hung, while the client keeps
 * reconnecting in the background so the app recovers without a restart.
 */
export const REQUEST_PATH_TIMEOUTS = {
  /** A hung server (SIGSTOP, network partition) fails a command after this long. */
  commandTimeoutMs: 1000,
  connectTimeoutMs: 1000,
  /** Back-off between reconnect attempts, capped so recovery is noticed quickly. */
  maxReconnectDelayMs: 1000,
} as const;

export type RedisConnection = Redis;

export function redisOptions(logger?: AppLogger): RedisOptions {
  return {
    // Fail immediately while disconnected instead of queueing behind a dead socket.
    enableOfflineQueue: false,
    commandTimeout: REQUEST_PATH_TIMEOUTS.commandTimeoutMs,
    connectTimeout: REQUEST_PATH_TIMEOUTS.connectTimeoutMs,
    // A command interrupted by a disconnect is failed, not replayed after reconnect:
    // replaying a compare-and-set after the user was told it failed would surprise them.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => {
      const delay = Math.min(
        50 * 2 ** Math.min(attempt, 5),
        REQUEST_PATH_TIMEOUTS.maxReconnectDelayMs,
      );
      if (attempt === 1 || attempt % 30 === 0)
        logger?.log('warn', 'redis reconnecting', { attempt, delayMs: delay });
      return delay;
    },
    reconnectOnError: (err) => err.message.startsWith('READONLY'),
    enableReadyCheck: true,
  };
}

/**
 * Opens the connection described by the configuration. `rediss://` URLs get TLS from
 * ioredis itself. Sentinel and Cluster will be further kinds of RedisConfig.
 */
export function connectRedis(config: RedisConfig, logger?: AppLogger): RedisConnection {
  const client = new Redis(config.url, redisOptions(logger));
  client.on('error', (err: Error) => {
    // Without a listener ioredis prints every reconnect failure as an unhandled error.
    logger?.log('debug', 'redis connection error', {
      err: { name: err.name, message: err.message },
    });
  });
  client.on('ready', () => logger?.log('info', 'redis ready'));
  client.on('end', () => logger?.log('info', 'redis connection closed'));
  return client;
}

/** Round-trips a PING within `timeoutMs`; false when Redis is unreachable or hung. */
export async function pingRedis(client: RedisConnection, timeoutMs = 500): Promise<boolean> {
  if (client.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      client.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
      }),
    ]);
    return reply === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the connection, letting in-flight commands finish; forces it if Redis is gone. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
