import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { PlanSchema } from '../../../../src/domain/plan.js';
import { builtinTemplates } from '../../../../src/domain/templateLoader.js';
import { createLogger } from '../../../../src/logging/logger.js';
import type { DigestDeps } from '../../../../src/services/checkins/digestPublisher.js';
import type { ScheduleJobDeps } from '../../../../src/services/checkins/scheduleJobDeps.js';
import { createRedisKpiValuesStore } from '../../../../src/store/redis/kpiValuesRedisStore.js';
import { RedisPublishedStore } from '../../../../src/store/redis/publishedRedisStore.js';
import { createRedisScheduleStore } from '../../../../src/store/redis/scheduleRedisStore.js';
import { workspaceKey } from '../../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../../support/slack/fakeSlackApi.js';
import { createJobRunner } from './testJobTools.js';

export interface ContentHarness {
  slack: FakeSlackApi;
  redis: Redis;
  deps: ScheduleJobDeps & DigestDeps;
  published: RedisPublishedStore<import('../../../../src/domain/plan.js').Plan>;
  schedules: ReturnType<typeof createRedisScheduleStore>;
  runner: () => ReturnType<typeof createJobRunner>;
  newWorkspace: () => ReturnType<typeof workspaceKey>;
  logs: string[];
}

/**
 * Per test file: the real stores on the shared test Redis, the fake Slack, and the content's job
 * dependencies built from them (owners read English unless a test says otherwise).
 */
export function useContentHarness(): ContentHarness {
  const h = { logs: [] as string[] } as ContentHarness;
  beforeAll(async () => {
    h.slack = await startFakeSlackApi();
    h.redis = connectTestRedis();
    h.published = new RedisPublishedStore(h.redis, PlanSchema);
    h.schedules = createRedisScheduleStore(h.redis);
    const values = createRedisKpiValuesStore(h.redis);
    h.deps = {
      published: h.published,
      templates: builtinTemplates(),
      values,
      settingsOf: (ws, planId) => h.schedules.getSettings(ws, planId),
      localeOfUser: async () => 'en',
      logger: createLogger({ level: 'debug', write: (line) => h.logs.push(line) }),
    };
    h.runner = () => createJobRunner({ redis: h.redis, slackApiUrl: h.slack.url });
    h.newWorkspace = () => workspaceKey({ teamId: uniqueWorkspace() });
  });
  afterAll(async () => {
    await h.redis?.quit();
    await h.slack?.close();
  });
  return h;
}
