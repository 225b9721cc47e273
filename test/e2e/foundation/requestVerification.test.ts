import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2e } from '../../support/app/e2e.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

// A Redis of its own: "no write happened" is then a fact about the whole server.
let redisServer: RedisServerHandle;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedisServer();
  redis = connectTestRedis(redisServer.url);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});

const e2e = useE2e({ redisUrl: () => redisServer.url });

/** Write commands the server has processed so far (reads and our own INFO don't count). */
async function writesSoFar(): Promise<number> {
  const info = await redis.info('commandstats');
  let writes = 0;
  for (const m of info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)) {
    if (
      /^(set|hset|hdel|del|eval|evalsha|fcall|zadd|sadd|incr|expire|pexpire|rpush|lpush)$/.test(
        m[1] ?? '',
      )
    ) {
      writes += Number(m[2]);
    }
  }
  return writes;
}

describe('request verification', () => {
  const teamId = uniqueWorkspace();
  // `/opsplan language zh` writes to Redis when it runs, so a rejected forgery is visible.
  const languageCommand = () => ({
    teamId,
    userId: 'U0FORGED01',
    text: 'language zh',
    responseUrl: e2e.slack.responseUrl(),
  });

  const forgeries = [
    ['a bad signature', { signingSecret: 'not-the-real-secret' }],
    [
      'a body tampered with after signing',
      { tamper: (b: string) => b.replace('language+zh', 'language+en') },
    ],
    ['a timestamp six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    [
      'a timestamp six minutes in the future',
      { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 },
    ],
  ] as const;

  it.each(forgeries)(
    'refuses %s with 401, no Redis write and no Slack call',
    async (_name, opts) => {
      const writesBefore = await writesSoFar();
      const callsBefore = e2e.slack.calls.length;
      const res = await e2e.client.slashCommand(languageCommand(), opts);
      expect(res.status).toBe(401);
      expect(res.body).toBe('');
      expect(await writesSoFar()).toBe(writesBefore);
      expect(e2e.slack.calls.length).toBe(callsBefore);
      expect(await redis.dbsize()).toBe(0);
    },
  );

  it('accepts the same request correctly signed — and that one does write', async () => {
    const res = await e2e.client.slashCommand(languageCommand());
    expect(res.status).toBe(200);
    expect(await redis.dbsize()).toBe(1);
  });
});
