import { WebClient } from '@slack/web-api';
import { schedule } from 'node-cron';
import { createLogger } from '../../../../src/logging/logger.js';
import type { JobHandler } from '../../../../src/scheduler/engine/contract.js';
import { createSchedulerEngine } from '../../../../src/scheduler/engine/createSchedulerEngine.js';
import { closeRedis, connectRedis } from '../../../../src/store/redisConnection.js';

/**
 * One scheduler replica as its own process, for kill -9 tests of the engine alone: the real engine,
 * node-cron in distributed mode with the Redis run coordinator, and a reminder handler that posts
 * `reminder <periodKey>` to REMINDER_CHANNEL. Env: REDIS_URL, SLACK_API_URL, SLACK_BOT_TOKEN,
 * SCHEDULER_TICK, REMINDER_CHANNEL, REPLICA_ID; optional GRACE_MS and ON_TIME_MS.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const logger = createLogger({ level: 'info', secrets: [env('SLACK_BOT_TOKEN')] });
const redis = connectRedis({ kind: 'standalone', url: env('REDIS_URL') }, logger);
const channel = env('REMINDER_CHANNEL');
const reminder: JobHandler = {
  kind: 'revision_reminder',
  async run(ctx, tools) {
    await tools.once('post', () =>
      tools.postMessage({ channel, text: `reminder ${ctx.periodKey}${ctx.late ? ' (late)' : ''}` }),
    );
  },
};
const engine = createSchedulerEngine({
  redis,
  client: new WebClient(env('SLACK_BOT_TOKEN'), {
    slackApiUrl: env('SLACK_API_URL'),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  }),
  logger,
  handlers: [reminder],
  replicaId: env('REPLICA_ID'),
  settings: {
    ...(process.env.GRACE_MS ? { graceMs: Number(process.env.GRACE_MS) } : {}),
    ...(process.env.ON_TIME_MS ? { onTimeMs: Number(process.env.ON_TIME_MS) } : {}),
  },
});
const task = schedule(env('SCHEDULER_TICK'), (ctx) => engine.tickJob.run(ctx.date), {
  name: 'opsplan-scheduler',
  noOverlap: true,
  distributed: true,
  runCoordinator: engine.runCoordinator,
  distributedLease: 10_000,
});

process.on('SIGTERM', () => {
  void (async () => {
    await task.stop();
    await engine.stop();
    await closeRedis(redis);
    process.exit(0);
  })();
});
logger.log('info', 'replica started', { replica: env('REPLICA_ID') });
