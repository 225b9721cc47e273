import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { App, type CodedError, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Config } from './config.js';
import { PlanSchema } from './domain/plan.js';
import { loadTemplates } from './domain/templateLoader.js';
import { healthRoute } from './http/healthRoute.js';
import { guardFutureTimestamps } from './http/timestampGuard.js';
import { type AppLogger, createLogger } from './logging/logger.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
} from './scheduler/engine/createSchedulerEngine.js';
import { sweepAbandonedDraftsJob } from './scheduler/jobs/sweepAbandonedDrafts.js';
import {
  type ScheduledJob,
  type SchedulerClock,
  startSchedulerClock,
} from './scheduler/schedulerClock.js';
import { createInterviewService } from './services/interview/interviewService.js';
import { createUserLocaleResolver } from './services/userLocaleResolver.js';
import type { Subcommand } from './slack/commands/subcommand.js';
import { createSubcommandRouter } from './slack/commands/subcommandRouter.js';
import { createEditSubcommand } from './slack/commands/subcommands/editSubcommand.js';
import { createHelpSubcommand } from './slack/commands/subcommands/helpSubcommand.js';
import { createLanguageSubcommand } from './slack/commands/subcommands/languageSubcommand.js';
import {
  createNewSubcommand,
  openNewPlanModal,
} from './slack/commands/subcommands/newSubcommand.js';
import type { BrowseDeps } from './slack/listeners/browse/browseDeps.js';
import { browseSubcommands } from './slack/listeners/browse/registerBrowse.js';
import type { InterviewDeps } from './slack/listeners/interview/interviewDeps.js';
import { openSectionScreen } from './slack/listeners/interview/sectionScreens.js';
import type { PublishDeps } from './slack/listeners/publish/publishDeps.js';
import { publishSubcommands } from './slack/listeners/publish/registerPublish.js';
import { registerListeners } from './slack/listeners/registerListeners.js';
import { createScheduleContent } from './slack/listeners/schedule/scheduleContent.js';
import { transferSubcommands } from './slack/listeners/transfer/registerTransfer.js';
import type { TransferDeps } from './slack/listeners/transfer/transferDeps.js';
import { createErrorBoundary } from './slack/middleware/errorBoundary.js';
import { createInFlightTracker } from './slack/middleware/inFlightTracker.js';
import { RedisPublishedStore } from './store/redis/publishedRedisStore.js';
import { RedisDraftStore } from './store/redis/redisDraftStore.js';
import { closeRedis, connectRedis, type RedisConnection } from './store/redisConnection.js';
import { createRedisUserPreferencesStore } from './store/userPreferencesStore.js';

export interface OpsPlanApp {
  readonly bolt: App;
  readonly redis: RedisConnection;
  readonly logger: AppLogger;
  /** Starts listening; resolves with the bound HTTP port (useful with PORT=0). */
  start(): Promise<{ port: number | undefined }>;
  /** Graceful: stop taking work, stop the scheduler, finish in-flight work, close Redis. */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

export interface CreateAppOptions {
  logger?: AppLogger;
}

// On the request path a Slack call must fit inside Slack's own 3 s budget; background
// jobs that need patience configure their own retries.
const INTERACTIVE_CLIENT_OPTIONS = {
  timeout: 2500,
  retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 800, randomize: true },
};

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

  const routes = [healthRoute(redis)];
  const boltLogger = logger.child({ component: 'bolt' });
  let receiver: Receiver;
  if (config.slack.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: boltLogger,
      customRoutes: routes,
      installerOptions: { port: config.port, clientOptions: { slackApiUrl: config.slack.apiUrl } },
    });
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.slack.signingSecret,
      endpoints: ['/slack/events'],
      port: config.port,
      customRoutes: routes,
      logger: boltLogger,
    });
    guardFutureTimestamps(http);
    receiver = http;
  }

  const bolt = new App({
    token: config.slack.botToken,
    receiver,
    logger: boltLogger,
    clientOptions: { slackApiUrl: config.slack.apiUrl, ...INTERACTIVE_CLIENT_OPTIONS },
    deferInitialization: true,
    extendedErrorHandler: true,
  });

  // Errors reaching here escaped the error boundary on purpose (authorization failures,
  // submissions that cannot carry an inline error): rethrowing lets the receiver answer
  // 401/500 so Slack shows a failure instead of an empty 200 that would close a modal.
  bolt.error(async ({ error }: { error: CodedError }) => {
    logger.log('warn', 'request failed', {
      err: { name: error.name, code: error.code, message: error.message },
    });
    throw error;
  });

  const preferences = createRedisUserPreferencesStore(redis);
  const locales = createUserLocaleResolver({
    client: bolt.client,
    preferences,
    defaultLocale: config.defaultLocale,
    logger,
  });
  const inFlight = createInFlightTracker();
  bolt.use(createErrorBoundary({ logger, locales, inFlight }));

  const interview = createInterviewService({ drafts, templates });
  const interviewDeps: InterviewDeps = {
    interview,
    drafts,
    locales,
    logger,
    defaultTimezone: config.defaultTimezone,
  };
  const browseDeps: BrowseDeps = {
    drafts,
    templates,
    locales,
    logger,
    openSection: async (args) => {
      await openSectionScreen(interviewDeps, args);
    },
    openNewPlan: async ({ client, identity, triggerId }) => {
      await openNewPlanModal({
        client,
        triggerId,
        templates,
        locale: await locales.localeOf(identity),
      });
    },
  };

  // Background sends (publishing, reminders, check-ins) decide themselves which calls are safe
  // to repeat: a chat.postMessage whose answer was lost must not be resent blindly, so this
  // client never retries on its own and reports rate limits instead of sleeping on them.
  const backgroundClient = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });

  const transferDeps: TransferDeps = { drafts, templates, locales, logger, published };
  const publishDeps: PublishDeps = {
    drafts,
    published,
    templates,
    locales,
    logger,
    replicaId,
    openSection: browseDeps.openSection,
    publishClient: backgroundClient,
  };

  // Content and engine need each other: the engine runs the content's job handlers, the
  // content's settings modal and "now" commands call the engine.
  let engine: SchedulerEngine | undefined;
  const scheduleContent = createScheduleContent({
    drafts,
    published,
    templates,
    redis,
    locales,
    logger,
    defaultTimezone: config.defaultTimezone,
    engine: () => {
      if (!engine) throw new Error('scheduler engine used before it was created');
      return engine;
    },
  });
  engine = createSchedulerEngine({
    redis,
    client: backgroundClient,
    logger,
    handlers: scheduleContent.handlers,
    replicaId,
  });
  const schedulerEngine = engine;

  const subcommands: Subcommand[] = [];
  subcommands.push(
    createHelpSubcommand(() => subcommands),
    createNewSubcommand(templates),
    createEditSubcommand(interviewDeps),
    ...browseSubcommands(browseDeps),
    ...publishSubcommands(publishDeps),
    ...transferSubcommands(transferDeps),
    ...scheduleContent.subcommands,
    createLanguageSubcommand(preferences),
  );
  registerListeners(bolt, {
    router: createSubcommandRouter(subcommands),
    locales,
    logger,
    interview: interviewDeps,
    browse: browseDeps,
    publish: publishDeps,
    transfer: transferDeps,
  });

  scheduleContent.registerListeners(bolt);
  const jobs: ScheduledJob[] = [
    schedulerEngine.tickJob,
    sweepAbandonedDraftsJob(drafts, logger.child({ job: 'sweep' })),
  ];
  let clock: SchedulerClock | undefined;
  let stopping: Promise<void> | undefined;
  let receiverStarted = false;

  return {
    bolt,
    redis,
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
      clock = startSchedulerClock({
        tick: config.schedulerTick,
        jobs,
        logger: logger.child({ component: 'scheduler' }),
      });
      const address = config.slack.mode === 'http' ? started?.address() : undefined;
      const port = address && typeof address === 'object' ? address.port : config.port;
      logger.log('info', 'opsplan started', { mode: config.slack.mode, port });
      return { port };
    },
    stop(opts = {}) {
      stopping ??= (async () => {
        logger.log('info', 'opsplan stopping');
        // Closing the receiver stops new requests; the server closes idle keep-alive
        // sockets and lets requests already being answered complete.
        const receiverStopped = receiverStarted
          ? bolt.stop().catch((err: unknown) => {
              logger.log('warn', 'receiver stop failed', { err: String(err) });
            })
          : Promise.resolve();
        await clock?.stop();
        await schedulerEngine.stop();
        const drained = await inFlight.drained(opts.drainTimeoutMs ?? 10_000);
        if (!drained)
          logger.log('warn', 'stopped with work still in flight', { count: inFlight.count });
        await receiverStopped;
        await closeRedis(redis);
        logger.log('info', 'opsplan stopped');
      })();
      return stopping;
    },
  };
}
