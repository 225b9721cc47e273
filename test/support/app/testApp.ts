import { createOpsPlanApp, type OpsPlanApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logging/logger.js';

export const TEST_BOT_TOKEN = 'xoxb-test-token';
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface TestApp {
  app: OpsPlanApp;
  /** Base URL of the running app, e.g. http://127.0.0.1:54321 */
  url: string;
  /** Every JSON log line the app wrote, for assertions. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts the real app in this process through the same composition root `npm start`
 * uses (`createOpsPlanApp`), on a free port, against the given Redis and fake Slack.
 */
export async function startTestApp(options: {
  slackApiUrl: string;
  redisUrl: string;
  env?: Record<string, string>;
}): Promise<TestApp> {
  const env = {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    REDIS_URL: options.redisUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
    // The scheduler's clock is irrelevant to most tests; once an hour keeps it out of the way.
    SCHEDULER_TICK: '0 * * * *',
    // Nothing routes around an in-process test app; there is no load balancer to drain.
    SHUTDOWN_DRAIN_MS: '0',
    ...options.env,
  };
  const config = loadConfig(env);
  const logs: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    secrets: [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET],
    write: (line) => logs.push(line),
  });
  const app = await createOpsPlanApp(config, { logger });
  const { port } = await app.start();
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    logs,
    stop: () => app.stop({ drainTimeoutMs: 2000 }),
  };
}
