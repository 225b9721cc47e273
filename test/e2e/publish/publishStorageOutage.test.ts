import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from './publishE2e.js';

// This file kills its Redis on purpose, so it gets its own server (AOF: the draft survives).
let redisServer: RedisServerHandle;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedisServer({ appendonly: true });
  redis = connectTestRedis(redisServer.url);
  // This client sees the kill too; its reconnect errors are expected, not test failures.
  redis.on('error', () => undefined);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});

const e2e = useE2e({ redisUrl: () => redisServer.url });
const ME = 'U0OUTAGE05';

describe('publishing while Redis dies', () => {
  it('posts are taken back, the modal says storage is unavailable, and nothing is left half-posted', async () => {
    const act = publishActions(e2e, redis);
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(
      team,
      changed(cleanPlan(channel), (plan) => {
        plan.meta.owner = ME;
      }),
    );
    const { reply } = await act.command(team, ME, 'list');
    const opened = e2e.slack.callsTo('views.open').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: ME,
      message: {
        ts: '1700000000.000100',
        text: '',
        blocks: reply.blocks ?? [],
        is_ephemeral: true,
      },
      responseUrl: e2e.slack.responseUrl(),
      actions: [{ action_id: ActionIds.planPublish, block_id: `plan.${record.id}.actions` }],
    });
    const status = openedView(
      await e2e.slack.waitForCall(
        'views.open',
        (c) => e2e.slack.callsTo('views.open').indexOf(c) >= opened,
      ),
    );
    // The summary is out: Redis dies before the post can be recorded.
    await e2e.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
    await redisServer.kill();

    expect(await act.viewUpdate(String(status.id), 'storage is unavailable')).toBeTruthy();
    expect(e2e.slack.messages(channel)).toEqual([]);

    await redisServer.restart();
    const appRedis = e2e.app.app.redis;
    if (appRedis.status !== 'ready') await once(appRedis, 'ready');
    // Nothing was recorded as posted: the version frozen before the crash has no post.
    const versions = await act.published.list(workspaceKey({ teamId: team }), record.id);
    expect(versions.every((v) => !v.posted)).toBe(true);
  });
});
