import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { createPlanDraft, planDoc } from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { redisReady } from '../../support/redis/redisReady.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { browseActions, type Reply } from './browseE2e.js';

// This file kills its Redis on purpose, so it gets its own server (AOF: drafts survive the crash).
let redisServer: RedisServerHandle;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedisServer({ appendonly: true });
  redis = connectTestRedis(redisServer.url);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});

const e2e = useE2e({ redisUrl: () => redisServer.url });
const act = browseActions(e2e);
const ME = 'U0OUTAGE02';

/** The app's own Redis client usable again. */
const appRedisReady = () => redisReady(e2e.app.app.redis);

describe('browse with Redis killed', () => {
  it('list, preview and a list button answer within 3 s with the storage message, and work again after', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);
    const plan = await createPlanDraft(drafts, team, planDoc(ME, 'Survives outages'));
    const before = await act.command(team, ME, 'list');
    expect(before.text).toContain('Your plans');

    await redisServer.kill();
    for (const text of ['list', `preview ${plan.id}`, `history ${plan.id}`]) {
      const res = await e2e.client.slashCommand({
        teamId: team,
        userId: ME,
        text,
        responseUrl: e2e.slack.responseUrl(),
      });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      expect((res.body as Reply).text).toContain('storage is unavailable');
    }

    // A click on the list's Preview button: acknowledged at once, the message follows on response_url.
    const responses = e2e.slack.callsTo('response_url').length;
    const started = Date.now();
    const click = await act.clickInMessage(team, ME, before, {
      action_id: ActionIds.planPreview,
      block_id: `plan.${plan.id}.actions`,
      value: plan.id,
    });
    expect(click.status).toBe(200);
    const notice = await act.nextCall('response_url', responses);
    expect(notice.at - started).toBeLessThan(3000);
    expect(String(notice.args.text)).toContain('storage is unavailable');

    await redisServer.restart();
    await appRedisReady();
    const after = await act.command(team, ME, 'list');
    expect(after.text).toContain('Your plans');
    expect(JSON.stringify(after.blocks)).toContain('Survives outages');
  });
});
