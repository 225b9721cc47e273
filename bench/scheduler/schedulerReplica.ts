import { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { type Plan, PlanSchema } from '../../src/domain/plan.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { createLogger } from '../../src/logging/logger.js';
import type { JobHandler } from '../../src/scheduler/engine/contract.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
  type SchedulerEngineSettings,
} from '../../src/scheduler/engine/createSchedulerEngine.js';
import { createUserLocaleResolver } from '../../src/services/userLocaleResolver.js';
import { createScheduleContent } from '../../src/slack/listeners/schedule/scheduleContent.js';
import { RedisPublishedStore } from '../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { createRedisUserPreferencesStore } from '../../src/store/userPreferencesStore.js';
import { TEST_BOT_TOKEN } from '../../test/support/app/testApp.js';

/**
 * A scheduler replica composed the way src/app.ts composes it (same engine, same content
 * handlers, same background client settings and default engine settings), with a hook that sees
 * each occurrence the moment its handler starts (i.e. once it is claimed and running).
 */
export interface BenchReplica {
  engine: SchedulerEngine;
  published: RedisPublishedStore<Plan>;
  /** Log lines written, by level. */
  logCounts: Map<string, number>;
  /** The first few warnings and errors, for the report. */
  problems: string[];
}

export function schedulerReplica(options: {
  redis: Redis;
  slackApiUrl: string;
  onStart(kind: string): void;
  /** Engine settings other than the defaults src/app.ts uses (what-if runs only). */
  settings?: Partial<SchedulerEngineSettings>;
}): BenchReplica {
  const logCounts = new Map<string, number>();
  const problems: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: [TEST_BOT_TOKEN],
    write: (line) => {
      const level = /"level":"(\w+)"/.exec(line)?.[1] ?? '?';
      logCounts.set(level, (logCounts.get(level) ?? 0) + 1);
      if ((level === 'warn' || level === 'error') && problems.length < 5) problems.push(line);
    },
  });
  const { redis } = options;
  const templates = builtinTemplates();
  const drafts = new RedisDraftStore(redis, PlanSchema, { retentionDays: 90 });
  const published = new RedisPublishedStore(redis, PlanSchema);
  // As src/app.ts's background client: no retries of its own, rate limits reported.
  const client = new WebClient(TEST_BOT_TOKEN, {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  const locales = createUserLocaleResolver({
    client,
    preferences: createRedisUserPreferencesStore(redis),
    defaultLocale: 'en',
    logger,
  });
  let engine: SchedulerEngine | undefined;
  const content = createScheduleContent({
    drafts,
    published,
    templates,
    redis,
    locales,
    logger,
    defaultTimezone: 'Asia/Shanghai',
    engine: () => {
      if (!engine) throw new Error('engine used before it was created');
      return engine;
    },
  });
  const handlers: JobHandler[] = content.handlers.map((handler) => ({
    kind: handler.kind,
    run(ctx, tools) {
      options.onStart(handler.kind);
      return handler.run(ctx, tools);
    },
  }));
  engine = createSchedulerEngine({
    redis,
    client,
    logger,
    handlers,
    replicaId: 'bench-replica',
    ...(options.settings ? { settings: options.settings } : {}),
  });
  return { engine, published, logCounts, problems };
}
