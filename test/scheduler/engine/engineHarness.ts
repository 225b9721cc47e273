import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import type {
  JobContext,
  JobHandler,
  JobKind,
  JobTools,
} from '../../../src/scheduler/engine/contract.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
  type SchedulerEngineSettings,
} from '../../../src/scheduler/engine/createSchedulerEngine.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { TEST_BOT_TOKEN } from '../../support/app/testApp.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';

/** One engine = one replica: its own Redis connection, logger and (optionally) Slack client. */
export interface TestEngine {
  engine: SchedulerEngine;
  redis: Redis;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export function backgroundClient(slackApiUrl = 'http://127.0.0.1:9/'): WebClient {
  return new WebClient(TEST_BOT_TOKEN, {
    slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

/**
 * A private key namespace. Ticks with a controlled clock (say, in 2027) would otherwise claim the
 * schedules of every other test sharing the Redis server; ioredis' keyPrefix also prefixes script
 * KEYS and keeps the `{…}` hash tag, so the engine is unaware of it.
 */
export function testNamespace(): string {
  return `t${randomBytes(6).toString('hex')}:`;
}

export function connectNamespaced(namespace: string, url: string = inject('redisUrl')): Redis {
  return new Redis(url, { keyPrefix: namespace, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
}

export function startTestEngine(options: {
  namespace: string;
  handlers: JobHandler[];
  settings?: Partial<SchedulerEngineSettings>;
  slackApiUrl?: string;
  replicaId?: string;
}): TestEngine {
  const redis = connectNamespaced(options.namespace);
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'debug',
    write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const engine = createSchedulerEngine({
    redis,
    client: backgroundClient(options.slackApiUrl),
    logger,
    handlers: options.handlers,
    ...(options.replicaId ? { replicaId: options.replicaId } : {}),
    settings: { channelIntervalMs: 0, ...options.settings },
  });
  return {
    engine,
    redis,
    logs,
    async close() {
      await engine.stop();
      redis.disconnect();
    },
  };
}

export interface RecordedRun {
  ctx: JobContext;
  replica?: string;
}

/** A handler that records every run (its whole body under one `once` step, like real content). */
export function recordingHandler(
  kind: JobKind,
  runs: RecordedRun[],
  body?: (ctx: JobContext, tools: JobTools) => Promise<void>,
): JobHandler {
  return {
    kind,
    async run(ctx, tools) {
      if (body) await body(ctx, tools);
      else await tools.once('record', async () => runs.push({ ctx }));
    },
  };
}

export function testWorkspace(): WorkspaceKey {
  return uniqueWorkspace() as WorkspaceKey;
}

export function logsWith(logs: Array<Record<string, unknown>>, msg: string) {
  return logs.filter((l) => l.msg === msg);
}
