import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { withDeadline } from '../async/withDeadline.js';
import type { RedisConfig } from '../config.js';
import type { AppLogger } from '../logging/logger.js';
import { restoreFastStringPrototype } from './redis/fastStringPrototype.js';

// Loading ioredis slows every string operation of the process until this runs: see the function.
restoreFastStringPrototype();

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

export type RedisConnection = Redis | Cluster;

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
    // A demoted primary answers READONLY, or NOREPLICAS when it refuses writes it cannot
    // replicate: reconnect so Sentinel points us at the current primary.
    reconnectOnError: (err) => /^(READONLY|NOREPLICAS)/.test(err.message),
    enableReadyCheck: true,
  };
}

/** Credentials, TLS and database of the data nodes, from REDIS_URL in every topology. */
function nodeOptions(url: string): Pick<RedisOptions, 'username' | 'password' | 'db' | 'tls'> {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Opens the connection the configuration describes: one server (`redis://`, `rediss://`),
 * a Sentinel-managed primary (which ioredis follows across failovers), or a Cluster. All
 * keep the request-path timeouts above.
 */
export function connectRedis(
  config: RedisConfig,
  logger?: AppLogger,
  /** For a subscriber: `autoResubscribe: false` when the owner resubscribes (and handles failures) itself. */
  extra: Pick<RedisOptions, 'autoResubscribe'> = {},
): RedisConnection {
  const base = { ...redisOptions(logger), ...extra };
  let client: RedisConnection;
  if (config.kind === 'standalone') {
    client = new Redis(config.url, base);
  } else if (config.kind === 'sentinel') {
    client = new Redis({
      ...base,
      ...nodeOptions(config.url),
      sentinels: config.sentinels,
      name: config.name,
      ...(config.sentinelPassword ? { sentinelPassword: config.sentinelPassword } : {}),
      // A failover is an expected event: reconnect to the new primary promptly.
      sentinelRetryStrategy: (attempt: number) => Math.min(100 * attempt, 1000),
      // Sentinel leaves the old primary writable for seconds after a switchover; listening to
      // the sentinels' +switch-master moves us at once, so writes do not land on a node that
      // is about to be demoted and lose them.
      failoverDetector: true,
    });
  } else {
    const { db: _db, ...node } = nodeOptions(config.url);
    const { retryStrategy, enableOfflineQueue, ...perNode } = base;
    client = new Cluster(config.nodes, {
      enableOfflineQueue,
      clusterRetryStrategy: (attempt: number) => retryStrategy?.(attempt) ?? 1000,
      redisOptions: { ...perNode, ...node },
      // During a failover MOVED/CLUSTERDOWN are retried briefly; beyond that the request fails
      // inside Slack's budget rather than hanging.
      retryDelayOnFailover: 100,
      retryDelayOnClusterDown: 100,
      slotsRefreshTimeout: REQUEST_PATH_TIMEOUTS.connectTimeoutMs,
    });
  }
  client.on('error', (err: Error) => {
    // Without a listener ioredis prints every reconnect failure as an unhandled error.
    logger?.log('debug', 'redis connection error', {
      err: { name: err.name, message: err.message },
    });
  });
  client.on('ready', () => logger?.log('info', 'redis ready', { topology: config.kind }));
  client.on('end', () => logger?.log('info', 'redis connection closed'));
  return client;
}

/** Round-trips a PING within `timeoutMs`; false when Redis is unreachable or hung. */
export async function pingRedis(client: RedisConnection, timeoutMs = 500): Promise<boolean> {
  if (client.status !== 'ready') return false;
  try {
    return (await withDeadline(client.ping(), timeoutMs, 'redis ping')) === 'PONG';
  } catch {
    return false;
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
