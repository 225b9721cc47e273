import { createServer } from 'node:net';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import { createEventDedupe, eventClaimKey } from '../../../src/slack/middleware/eventDedupe.js';
import { closeRedis, connectRedis } from '../../../src/store/redisConnection.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

const redis = connectTestRedis();
const appRedis = connectRedis({ kind: 'standalone', url: inject('redisUrl') });
// The app's client refuses commands until connected (no offline queue): wait for it.
beforeAll(async () => {
  if (appRedis.status !== 'ready') await new Promise((resolve) => appRedis.once('ready', resolve));
});
afterAll(async () => {
  await closeRedis(appRedis);
  redis.disconnect();
});

function quietLogger(lines: string[] = []) {
  return createLogger({ level: 'debug', write: (line) => lines.push(line) });
}

function eventBody(teamId: string, eventId: string): Record<string, unknown> {
  return {
    type: 'event_callback',
    team_id: teamId,
    api_app_id: 'A0TEST',
    event_id: eventId,
    event_time: 1_700_000_000,
    event: { type: 'app_home_opened', user: 'U0USER', tab: 'home' },
  };
}

/** Runs the middleware the way Bolt does and tells whether the listeners ran. */
async function deliver(
  mw: Middleware<AnyMiddlewareArgs>,
  body: Record<string, unknown>,
  listener: () => Promise<void> = async () => {},
  context: Record<string, unknown> = {},
): Promise<boolean> {
  let ran = false;
  await mw({
    body,
    context,
    next: async () => {
      ran = true;
      await listener();
    },
  } as unknown as Parameters<typeof mw>[0]);
  return ran;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('createEventDedupe', () => {
  it('handles an event id once, a retry of it (X-Slack-Retry-Num) is dropped and logged', async () => {
    const lines: string[] = [];
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger(lines) });
    const team = uniqueWorkspace();
    expect(await deliver(mw, eventBody(team, 'Ev0001'))).toBe(true);
    expect(await deliver(mw, eventBody(team, 'Ev0001'))).toBe(false);
    expect(
      await deliver(mw, eventBody(team, 'Ev0001'), async () => {}, {
        retryNum: 1,
        retryReason: 'http_timeout',
      }),
    ).toBe(false);
    expect(await deliver(mw, eventBody(team, 'Ev0002'))).toBe(true);
    const dropped = lines
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'duplicate event dropped');
    expect(dropped).toHaveLength(2);
    expect(dropped[1]).toMatchObject({
      eventId: 'Ev0001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
  });

  it('keys by workspace: the same event id in another workspace is handled', async () => {
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger() });
    expect(await deliver(mw, eventBody(uniqueWorkspace(), 'EvSAME'))).toBe(true);
    expect(await deliver(mw, eventBody(uniqueWorkspace(), 'EvSAME'))).toBe(true);
  });

  it('remembers the id in the workspace slot for the configured TTL', async () => {
    const team = uniqueWorkspace();
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger(), ttlSeconds: 120 });
    await deliver(mw, eventBody(team, 'EvTTL'));
    const ttl = await redis.ttl(eventClaimKey(team, 'EvTTL'));
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('releases the claim when the listener fails, so a later retry redoes the work', async () => {
    const team = uniqueWorkspace();
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger() });
    await expect(
      deliver(mw, eventBody(team, 'EvFAIL'), async () => {
        throw new Error('listener broke');
      }),
    ).rejects.toThrow('listener broke');
    expect(await deliver(mw, eventBody(team, 'EvFAIL'))).toBe(true);
    expect(await deliver(mw, eventBody(team, 'EvFAIL'))).toBe(false);
  });

  it('passes commands and interactions through without touching Redis', async () => {
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger() });
    const team = uniqueWorkspace();
    const command = { command: '/opsplan', team_id: team, user_id: 'U1', text: 'help' };
    expect(await deliver(mw, command)).toBe(true);
    expect(await deliver(mw, command)).toBe(true);
    expect(await redis.keys(`opsplan:{${team}}:*`)).toEqual([]);
  });

  it('passes an event whose ids cannot be keyed safely (a `}` in the team id)', async () => {
    const mw = createEventDedupe({ redis: appRedis, logger: quietLogger() });
    const body = eventBody('T1}x', 'EvODD');
    expect(await deliver(mw, body)).toBe(true);
    expect(await deliver(mw, body)).toBe(true);
  });

  it('fails open when Redis is down: the event is processed and the outage is logged', async () => {
    const down = connectRedis({
      kind: 'standalone',
      url: `redis://127.0.0.1:${await closedPort()}`,
    });
    down.on('error', () => {});
    try {
      const lines: string[] = [];
      const mw = createEventDedupe({ redis: down, logger: quietLogger(lines) });
      const started = Date.now();
      expect(await deliver(mw, eventBody(uniqueWorkspace(), 'EvDOWN'))).toBe(true);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(lines.some((l) => l.includes('event dedupe unavailable'))).toBe(true);
    } finally {
      await closeRedis(down).catch(() => undefined);
    }
  });
});
