import {
  type Logger as CronLogger,
  type RunCoordinator,
  type ScheduledTask,
  schedule,
} from 'node-cron';
import type { AppLogger } from '../logging/logger.js';

/** A unit of scheduled work. It receives the tick time so tests can drive it with any clock. */
export interface ScheduledJob {
  name: string;
  run(now: Date): Promise<void>;
}

export interface SchedulerClock {
  /** Stops ticking and waits for a tick already running to finish. */
  stop(): Promise<void>;
}

/** node-cron's own messages (missed or overlapping ticks) in our structured log. */
function cronLogger(logger: AppLogger): CronLogger {
  const describe = (message: string | Error, err?: Error) => ({
    msg: typeof message === 'string' ? message : message.message,
    ...(err ? { err: { name: err.name, message: err.message } } : {}),
  });
  return {
    info: (message) => logger.log('debug', message),
    // An overlapping tick is expected during a long fan-out; the next tick picks up the rest.
    warn: (message) => logger.log('debug', message),
    error: (message, err) => {
      const { msg, ...fields } = describe(message, err);
      logger.log('error', msg, fields);
    },
    debug: (message, err) => {
      const { msg, ...fields } = describe(message, err);
      logger.log('debug', msg, fields);
    },
  };
}

/**
 * node-cron is only the clock: each tick runs every job once, side by side (a long fan-out
 * never holds up the draft sweep). Durable state (what is due, what was sent) lives in Redis
 * inside the jobs, so a tick lost to a restart is caught up by the next one. With a run
 * coordinator (Redis-backed, shared by all replicas) one replica starts each tick; the jobs'
 * own claims are what make every send happen once, so the coordinator only saves work.
 */
export function startSchedulerClock(options: {
  tick: string;
  jobs: readonly ScheduledJob[];
  logger: AppLogger;
  runCoordinator?: RunCoordinator;
}): SchedulerClock {
  const { jobs, logger } = options;
  let running: Promise<void> | undefined;

  const runTick = async (now: Date) => {
    const results = await Promise.allSettled(jobs.map((job) => job.run(now)));
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      const err = result.reason;
      logger.log('error', 'scheduled job failed', {
        job: jobs[i]?.name,
        err: err instanceof Error ? { name: err.name, message: err.message } : String(err),
      });
    });
  };

  const task: ScheduledTask = schedule(
    options.tick,
    async (ctx) => {
      running = runTick(ctx.date);
      try {
        await running;
      } finally {
        running = undefined;
      }
    },
    {
      name: 'opsplan-scheduler',
      noOverlap: true,
      logger: cronLogger(logger),
      ...(options.runCoordinator
        ? { distributed: true, runCoordinator: options.runCoordinator, distributedLease: 30_000 }
        : {}),
    },
  );

  return {
    async stop() {
      await task.stop();
      await running;
      await task.destroy();
    },
  };
}
