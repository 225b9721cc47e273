import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { App } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Config } from './config.js';
import { PlanSchema } from './domain/plan.js';
import { loadTemplates } from './domain/templateLoader.js';
import { healthRoute } from './http/healthRoute.js';
import { type AppLogger, createLogger } from './logging/logger.js';
import { sweepAbandonedDraftsJob } from './scheduler/jobs/sweepAbandonedDrafts.js';
import {
  type ScheduledJob,
  type SchedulerClock,
  startSchedulerClock,
} from './scheduler/schedulerClock.js';
import { createUserLocaleResolver } from './services/userLocaleResolver.js';
import { createBoltApp } from './slack/createBoltApp.js';
import { createErrorBoundary } from './slack/middleware/errorBoundary.js';
import { createEventDedupe } from './slack/middleware/eventDedupe.js';
import { createInFlightTracker } from './slack/middleware/inFlightTracker.js';
import { wireFeatures } from './slack/wireFeatures.js';
import {
  type CachedUserPreferencesStore,
  createCachedUserPreferencesStore,
} from './store/cachedUserPreferencesStore.js';
import { RedisPublishedStore } from './store/redis/publishedRedisStore.js';
import { RedisDraftStore } from './store/redis/redisDraftStore.js';
import { closeRedis, connectRedis, type RedisConnection } from './store/redisConnection.js';
import { createRedisUserPreferencesStore } from './store/userPreferencesStore.js';

export interface OpsPlanApp {
  readonly bolt: App;
  readonly redis: RedisConnection;
  /** Cached per replica; `listening()` tells when it hears other replicas' changes. */
  readonly preferences: CachedUserPreferencesStore;
  readonly logger: AppLogger;
  /** Starts listening; resolves with the bound HTTP port (useful with PORT=0). */
  start(): Promise<{ port: number | undefined }>;
  /** Graceful: stop taking work, stop the scheduler, finish in-flight work, close Redis. */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

export interface CreateAppOptions {
  logger?: AppLogger;
}

/** Composition root: config → templates → redis → stores → Bolt app → listeners → scheduler. */
export async function createOpsPlanApp(
  config: Config,
  options: CreateAppOptions = {},
): Promise<OpsPlanApp> {
  const secrets = [
    config.slack.botToken,
    config.slack.signingSecret ?? '',
    config.slack.mode === 'socket' ? config.slack.appToken : '',
  ];
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets });

  // A broken team template stops start-up with its file, path and reason.
  const templates = await loadTemplates(
    config.templatesDir ? { extraDir: config.templatesDir } : {},
  );

  const redis = connectRedis(config.redis, logger.child({ component: 'redis' }));
  const drafts = new RedisDraftStore(redis, PlanSchema, {
    retentionDays: config.draftRetentionDays,
  });
  const published = new RedisPublishedStore(redis, PlanSchema);
  /** Names this process in publish leases and logs. */
  const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  let draining = false;
  const bolt = createBoltApp({
    config,
    logger,
    routes: [healthRoute(redis, () => draining)],
  });

  const preferences = createCachedUserPreferencesStore({
    store: createRedisUserPreferencesStore(redis),
    publisher: redis,
    // The store resubscribes on every 'ready' itself; ioredis's own resubscription would reject
    // unhandled when Redis drops again before it is sent (no offline queue).
    subscriber: connectRedis(config.redis, logger.child({ component: 'redis-subscriber' }), {
      autoResubscribe: false,
    }),
    logger,
  });
  const locales = createUserLocaleResolver({
    client: bolt.client,
    preferences,
    defaultLocale: config.defaultLocale,
    logger,
  });
  const inFlight = createInFlightTracker();
  bolt.use(createErrorBoundary({ logger, locales, inFlight }));
  // Slack redelivers events it thinks were lost; every replica must handle each one once.
  bolt.use(createEventDedupe({ redis, logger }));

  // Background sends (publishing, reminders, check-ins) decide themselves which calls are safe
  // to repeat: a chat.postMessage whose answer was lost must not be resent blindly, so this
  // client never retries on its own and reports rate limits instead of sleeping on them.
  const backgroundClient = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: logger.child({ component: 'slack-background' }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });

  const { engine } = wireFeatures({
    config,
    bolt,
    redis,
    drafts,
    published,
    templates,
    preferences,
    locales,
    logger,
    backgroundClient,
    replicaId,
  });

  const jobs: ScheduledJob[] = [
    engine.tickJob,
    sweepAbandonedDraftsJob(drafts, logger.child({ job: 'sweep' })),
  ];
  let clock: SchedulerClock | undefined;
  let httpServer: Server | undefined;
  let stopping: Promise<void> | undefined;
  let receiverStarted = false;

  return {
    bolt,
    redis,
    preferences,
    logger,
    async start() {
      try {
        await bolt.init();
      } catch (err) {
        // init() calls auth.test: the first place a wrong token or unreachable Slack shows.
        throw new Error(
          `could not verify SLACK_BOT_TOKEN with Slack at ${config.slack.apiUrl} (auth.test): ${
            err instanceof Error ? err.message : String(err)
          }`,
          { cause: err },
        );
      }
      const started = (await bolt.start()) as Server | undefined;
      receiverStarted = true;
      if (config.slack.mode === 'http' && started) {
        httpServer = started;
        // Node closes idle connections after 5 s by default. A pool (a load balancer's, or
        // Slack's) then reconnects in bursts, and a busy replica accepts only one new
        // connection per event-loop turn (libuv ≥ 1.45), so a burst queues behind the turns
        // (bench/report/findings.md). Kept connections avoid the burst.
        started.keepAliveTimeout = config.httpKeepAliveTimeoutMs;
      }
      clock = startSchedulerClock({
        tick: config.schedulerTick,
        jobs,
        logger: logger.child({ component: 'scheduler' }),
        runCoordinator: engine.runCoordinator,
      });
      const address = config.slack.mode === 'http' ? started?.address() : undefined;
      const port = address && typeof address === 'object' ? address.port : config.port;
      logger.log('info', 'opsplan started', { mode: config.slack.mode, port });
      return { port };
    },
    stop(opts = {}) {
      stopping ??= (async () => {
        logger.log('info', 'opsplan stopping', { drainMs: config.shutdownDrainMs });
        // Closing the listener resets connections the kernel accepted but Node has not read
        // yet, and Node cannot stop accepting without closing. So first tell the load balancer
        // (/healthz answers 503) and keep serving until it has moved traffic elsewhere.
        draining = true;
        const clockStopped = clock?.stop();
        if (receiverStarted && config.slack.mode === 'http' && config.shutdownDrainMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
        }
        // Closing the receiver stops new requests; the server closes idle keep-alive
        // sockets and lets requests already being answered complete. A connection whose
        // answer is still being written would then stay open for the whole keep-alive (65 s)
        // and hold the exit, so from now on a finished answer closes its connection at once.
        if (httpServer) httpServer.keepAliveTimeout = 1;
        const receiverStopped = receiverStarted
          ? bolt.stop().catch((err: unknown) => {
              logger.log('warn', 'receiver stop failed', { err: String(err) });
            })
          : Promise.resolve();
        await clockStopped;
        await engine.stop();
        const drained = await inFlight.drained(opts.drainTimeoutMs ?? 10_000);
        if (!drained)
          logger.log('warn', 'stopped with work still in flight', { count: inFlight.count });
        await receiverStopped;
        await preferences.close();
        await closeRedis(redis);
        logger.log('info', 'opsplan stopped');
      })();
      return stopping;
    },
  };
}
