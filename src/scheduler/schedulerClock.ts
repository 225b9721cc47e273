import { type ScheduledTask, schedule } from 'node-cron';
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

/**
 * node-cron is only the clock: each tick runs every job once, in order. Durable state
 * (what is due, what was sent) lives in Redis inside the jobs, so a tick lost to a restart
 * is caught up by the next one.
 */
export function startSchedulerClock(options: {
  tick: string;
  jobs: readonly ScheduledJob[];
  logger: AppLogger;
}): SchedulerClock {
  const { jobs, logger } = options;
  let running: Promise<void> | undefined;

  const runTick = async (now: Date) => {
    for (const job of jobs) {
      try {
        await job.run(now);
      } catch (err) {
        logger.log('error', 'scheduled job failed', {
          job: job.name,
          err: err instanceof Error ? { name: err.name, message: err.message } : String(err),
        });
      }
    }
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
    { name: 'opsplan-scheduler', noOverlap: true },
  );

  return {
    async stop() {
      await task.stop();
      await running;
      await task.destroy();
    },
  };
}
