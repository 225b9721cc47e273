import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2e } from '../../support/app/e2e.js';
import { redisReady } from '../../support/redis/redisReady.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';

// This file breaks its Redis on purpose, so it gets its own server.
let redisServer: RedisServerHandle;
beforeAll(async () => {
  redisServer = await startRedisServer();
});
afterAll(async () => {
  await redisServer?.dispose();
});

const e2e = useE2e({ redisUrl: () => redisServer.url });
const teamId = uniqueWorkspace();
const userId = 'U0OUTAGE001';

async function health() {
  const res = await fetch(`${e2e.app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { redis: string } };
}

async function language(choice: string) {
  return e2e.client.slashCommand({
    teamId,
    userId,
    text: `language ${choice}`,
    responseUrl: e2e.slack.responseUrl(),
  });
}

/** The app's own Redis client usable again. */
const appRedisReady = () => redisReady(e2e.app.app.redis);

describe('Redis outages within Slack’s 3-second budget', () => {
  it('/healthz follows Redis: 200 up, 503 down, 200 again after it returns', async () => {
    // The app connects in the background; on a busy machine the first check can beat it.
    await appRedisReady();
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', redis: 'up' } });
    await redisServer.kill();
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', redis: 'down' } });
    await redisServer.restart();
    await appRedisReady();
    expect((await health()).status).toBe(200);
  });

  it('with Redis killed, an interaction answers fast with a visible storage message, and works after restart', async () => {
    e2e.slack.setUser(userId, { locale: 'en-US' });
    await redisServer.kill();
    const down = await language('zh');
    expect(down.status).toBe(200);
    expect(down.ms).toBeLessThan(3000);
    const text = (down.body as { text: string; response_type: string }).text;
    expect((down.body as { response_type: string }).response_type).toBe('ephemeral');
    expect(text).toContain('storage is unavailable');
    expect(text).toContain('Nothing you had already saved is lost');

    await redisServer.restart();
    await appRedisReady();
    const up = await language('zh');
    expect((up.body as { text: string }).text).toContain('中文');
    // The choice really was stored: help now comes in Chinese although Slack says English.
    const help = await e2e.client.slashCommand({
      teamId,
      userId,
      text: 'help',
      responseUrl: e2e.slack.responseUrl(),
    });
    expect((help.body as { text: string }).text).toContain('命令');
  });

  it('with Redis hung (SIGSTOP), the interaction still answers within 3 s, in the user’s language', async () => {
    // Once the replica hears preference changes again it keeps the user's choice in memory.
    await e2e.app.app.preferences.listening();
    const before = await e2e.client.slashCommand({
      teamId,
      userId,
      text: 'help',
      responseUrl: e2e.slack.responseUrl(),
    });
    expect((before.body as { text: string }).text).toContain('命令');
    redisServer.pause();
    try {
      const hung = await language('en');
      expect(hung.status).toBe(200);
      expect(hung.ms).toBeLessThan(3000);
      // The language chosen earlier (Chinese) is remembered by the replica, so even a hung
      // Redis does not switch the user to Slack's English.
      expect((hung.body as { text: string }).text).toContain('OpsPlan 的存储暂时不可用');
    } finally {
      redisServer.resume();
    }
    await appRedisReady();
    const after = await language('en');
    expect((after.body as { text: string }).text).toContain('English');
  });
});
