import { afterAll, describe, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis } from '../../support/redis/testRedis.js';
import { expectStoredExactly, runFullInterview } from './fullInterviewScenario.js';

const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
afterAll(() => redis.disconnect());

describe('a complete interview over signed HTTP', () => {
  it.each(['en', 'zh-CN'] as const)('stores exactly what was entered (%s)', async (locale) => {
    const { record, coverage } = await runFullInterview(e2e, drafts, locale);
    expectStoredExactly(record, locale, coverage);
  });
});
