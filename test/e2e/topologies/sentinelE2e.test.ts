import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { createPlanDraft, planDoc } from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { type RedisSentinelHandle, startRedisSentinel } from '../../support/redis/redisSentinel.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { Reply } from '../browse/browseE2e.js';
import {
  expectStoredExactly,
  runFullInterview,
  type SubmitStep,
} from '../interview/fullInterviewScenario.js';
import { appRedisEvent, appRedisReady, describeTopologyScenarios } from './topologyScenarios.js';

// One primary, one replica and three sentinels for the file; the app finds the primary through
// REDIS_SENTINELS and REDIS_SENTINEL_NAME alone (REDIS_URL's host is ignored in this mode).
let sentinel: RedisSentinelHandle;
let redis: Redis;
let drafts: RedisDraftStore<Plan>;
const env: Record<string, string> = {};
beforeAll(async () => {
  sentinel = await startRedisSentinel({ appendonly: true });
  env.REDIS_SENTINELS = sentinel.sentinels;
  env.REDIS_SENTINEL_NAME = sentinel.name;
  redis = new Redis({
    sentinels: sentinel.sentinels.split(',').map((s) => ({
      host: '127.0.0.1',
      port: Number(s.split(':')[1]),
    })),
    name: sentinel.name,
  });
  redis.on('error', () => {});
  drafts = new RedisDraftStore(redis, PlanSchema);
});
afterAll(async () => {
  redis?.disconnect();
  await sentinel?.dispose();
});
const e2e = useE2e({ redisUrl: () => 'redis://127.0.0.1:1', env });

describe('the app on Sentinel', () => {
  it('was configured by REDIS_SENTINELS alone: it writes to the primary the sentinels name', async () => {
    const options = (e2e.app.app.redis as Redis).options;
    expect(options.name).toBe(sentinel.name);
    expect(options.sentinels).toHaveLength(3);
    const me = 'U0SENTINEL';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    await createPlanDraft(drafts, team, planDoc(me, 'Found through the sentinels'));
    const res = await e2e.client.slashCommand({
      teamId: team,
      userId: me,
      text: 'list',
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(JSON.stringify((res.body as Reply).blocks)).toContain('Found through the sentinels');
  });
});

describeTopologyScenarios('Sentinel', e2e, () => drafts);

/** The interview step whose submission races the primary's crash (4 = resources). */
const CRASH_BEFORE_STEP = 4;
const STORAGE_MESSAGE = /storage|存储/i;

describe('a primary crash in the middle of an interview', () => {
  it('every request answers within 3 s (saved, or the storage message), and after the failover the interview completes with nothing lost', async () => {
    const appRedis = e2e.app.app.redis;
    const figures = {
      submissions: 0,
      submissionsToldStorage: 0,
      listRequests: 0,
      listsToldStorage: 0,
      slowestMs: 0,
    };
    const observe = (res: { status: number; ms: number; body: unknown }) => {
      // Never a hang, never an empty 200 (which would close the modal and drop the input).
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      expect(res.body).not.toBe('');
      figures.slowestMs = Math.max(figures.slowestMs, Math.round(res.ms));
    };

    // A colleague keeps listing plans throughout, paced like a person, not a load test.
    const colleague = { teamId: uniqueWorkspace(), userId: 'U0LISTER01' };
    e2e.slack.setUser(colleague.userId, { locale: 'en-US' });
    await createPlanDraft(drafts, colleague.teamId, planDoc(colleague.userId, 'Listed plan'));
    const listWhile = async (running: () => boolean) => {
      while (running()) {
        const res = await e2e.client.slashCommand({
          ...colleague,
          text: 'list',
          responseUrl: e2e.slack.responseUrl(),
        });
        observe(res);
        figures.listRequests++;
        const reply = res.body as Reply;
        if (STORAGE_MESSAGE.test(reply.text)) figures.listsToldStorage++;
        else expect(JSON.stringify(reply.blocks)).toContain('Listed plan');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    let failover: Promise<void> | undefined;
    let traffic: Promise<void> | undefined;
    const submitStep: SubmitStep = async (modal, values, step) => {
      if (step === CRASH_BEFORE_STEP) {
        let failedOver = false;
        failover = sentinel.failover().finally(() => {
          failedOver = true;
        });
        failover.catch(() => {});
        // The primary is gone once the app's connection to it drops.
        if (appRedis.status === 'ready') await appRedisEvent(e2e, 'close');
        traffic = listWhile(() => !failedOver);
        traffic.catch(() => {});
      }
      // Like a user, resubmit the same values until saved; each answer must come in time.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const res = await modal.submit(values);
        observe(res);
        figures.submissions++;
        const body = res.body as { response_action?: string; errors?: Record<string, string> };
        if (body.response_action !== 'errors') return res;
        expect(Object.values(body.errors ?? {}).join(' ')).toMatch(STORAGE_MESSAGE);
        figures.submissionsToldStorage++;
        if (Date.now() > deadline) throw new Error('still no storage 20 s after the crash');
        await appRedisReady(e2e);
      }
    };

    const primaryBefore = sentinel.primaryPort;
    const { record, coverage } = await runFullInterview(e2e, drafts, 'zh-CN', submitStep);
    await failover;
    await traffic;
    expect(sentinel.primaryPort).not.toBe(primaryBefore);
    // The outage was real: at least one request met it and was told so.
    expect(figures.submissionsToldStorage).toBeGreaterThan(0);
    // Sections saved on the old primary and those saved on the new one, exactly as entered,
    // each once (version 9: no save lost, none applied twice).
    expectStoredExactly(record, 'zh-CN', coverage);
    console.info(`sentinel crash failover figures: ${JSON.stringify(figures)}`);
  });
});
