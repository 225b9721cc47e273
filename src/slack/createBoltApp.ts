import {
  App,
  type CodedError,
  type CustomRoute,
  HTTPReceiver,
  type LogLevel,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Config } from '../config.js';
import { guardFutureTimestamps } from '../http/timestampGuard.js';
import type { AppLogger } from '../logging/logger.js';
import { createRespondFetch } from './respondDeadline.js';

// On the request path a Slack call must fit inside Slack's own 3 s budget; background
// jobs that need patience use their own client.
const INTERACTIVE_CLIENT_OPTIONS = {
  timeout: 2500,
  retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 800, randomize: true },
};

/**
 * Bolt over HTTP (`POST /slack/events`, future-dated requests refused before Bolt) or Socket
 * Mode when an app token is configured; `routes` (e.g. /healthz) are served in both modes.
 */
export function createBoltApp(options: {
  config: Config;
  logger: AppLogger;
  routes: CustomRoute[];
}): App {
  const { config, routes } = options;
  const logger = options.logger.child({ component: 'bolt' });
  let receiver: Receiver;
  if (config.slack.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger,
      customRoutes: routes,
      installerOptions: { port: config.port, clientOptions: { slackApiUrl: config.slack.apiUrl } },
    });
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.slack.signingSecret,
      endpoints: ['/slack/events'],
      port: config.port,
      customRoutes: routes,
      logger,
    });
    guardFutureTimestamps(http);
    receiver = http;
  }

  const bolt = new App({
    token: config.slack.botToken,
    receiver,
    logger,
    // Bolt sets the level of the logger it is given (INFO unless told): say the configured one,
    // or LOG_LEVEL=debug is silently turned back into info for the whole app.
    logLevel: config.logLevel as LogLevel,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      ...INTERACTIVE_CLIENT_OPTIONS,
      fetch: createRespondFetch(logger),
    },
    deferInitialization: true,
    // Bolt's default conversation store is an in-memory per-replica map consulted on every
    // request; OpsPlan keeps its state in Redis and never uses it.
    convoStore: false,
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
  return bolt;
}
