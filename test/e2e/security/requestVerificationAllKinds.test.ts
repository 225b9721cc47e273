import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { SendOptions, SlackResponse } from '../../support/slack/signedRequests.js';

/**
 * Every kind of request Slack sends — slash command, block_actions, view_submission,
 * view_closed, Events API and url_verification (signed too: Bolt verifies it before answering
 * the challenge) — refused with 401 and no side effect when forged. `foundation/
 * requestVerification.test.ts` proves the same for a slash command in depth.
 */

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

// A clock that never fires during the run: a scheduler tick must not pass for a side effect.
const e2e = useE2e({ redisUrl: () => redisServer.url, env: { SCHEDULER_TICK: '0 0 1 1 *' } });

const WRITE_COMMANDS =
  /^(set|setex|psetex|hset|hdel|del|unlink|eval|evalsha|fcall|zadd|zrem|sadd|srem|incr|incrby|expire|pexpire|rpush|lpush|xadd|publish)$/;

/** Write commands the server has processed so far (reads and our own INFO don't count). */
async function writesSoFar(): Promise<number> {
  const info = await redis.info('commandstats');
  let writes = 0;
  for (const m of info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)) {
    if (WRITE_COMMANDS.test(m[1] ?? '')) writes += Number(m[2]);
  }
  return writes;
}

const now = () => Math.floor(Date.now() / 1000);
const FORGERIES: ReadonlyArray<readonly [string, SendOptions]> = [
  ['a bad signature', { signingSecret: 'not-the-real-secret' }],
  ['a body tampered with after signing', { tamper: true }],
  ['a timestamp six minutes old', { timestamp: now() - 6 * 60 }],
  ['a timestamp six minutes in the future', { timestamp: now() + 6 * 60 }],
  ['a timestamp a day in the future', { timestamp: now() + 24 * 3600 }],
];

const teamId = uniqueWorkspace();
const userId = 'U0SIGNED001';
type Send = (opts?: SendOptions) => Promise<SlackResponse>;
const kinds: Record<string, Send> = {};
const DETAILS = {
  'd|template': 'standard',
  'd|stage': 'growth',
  'd|audience': 'investors',
  'd|start': '2027-01-01',
  'd|end': '2027-12-31',
  'd|channel': 'C0PLANS0001',
  'd|language': 'en',
};

beforeAll(async () => {
  // A real interview in progress gives every kind something that would change state.
  const modal = modalDriver(e2e, { teamId, userId });
  await modal.command('new Signed plan');
  const detailsView = modal.view;
  const details = await modal.submit(DETAILS);
  const sectionView = modal.view;
  if (sectionView === detailsView)
    throw new Error(`details refused: ${JSON.stringify(details.body)}`);

  kinds['slash command'] = (opts) =>
    e2e.client.slashCommand(
      { teamId, userId, text: 'language zh', responseUrl: e2e.slack.responseUrl() },
      opts,
    );
  kinds.block_actions = (opts) =>
    e2e.client.blockActions(
      { teamId, userId, view: sectionView, actions: [{ action_id: ActionIds.sectionBack }] },
      opts,
    );
  kinds.view_submission = (opts) =>
    e2e.client.viewSubmission(
      {
        teamId,
        userId,
        view: detailsView,
        values: DETAILS,
      },
      opts,
    );
  kinds.view_closed = (opts) =>
    e2e.client.viewClosed(
      { teamId, userId, view: sectionView, values: { 'f|description': 'typed, not saved' } },
      opts,
    );
  kinds['Events API (app_home_opened)'] = (opts) =>
    e2e.client.event(
      { teamId, event: { type: 'app_home_opened', user: userId, tab: 'home' } },
      opts,
    );
  kinds.url_verification = (opts) => e2e.client.urlVerification('challenge-abc', opts);
});

const KINDS = [
  'slash command',
  'block_actions',
  'view_submission',
  'view_closed',
  'Events API (app_home_opened)',
  'url_verification',
] as const;

const cases = KINDS.flatMap((kind) =>
  FORGERIES.map(([forgery, opts]) => [kind, forgery, opts] as const),
);

describe('request verification for every kind of request', () => {
  it.each(cases)('%s with %s → 401, no Redis write, no Slack call', async (kind, _f, opts) => {
    const send = kinds[kind];
    if (!send) throw new Error(`no sender for ${kind}`);
    const writesBefore = await writesSoFar();
    const keysBefore = await redis.dbsize();
    const callsBefore = e2e.slack.calls.length;
    const res = await send(opts);
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    // Side effects of an accepted request may come after the answer: give them their chance
    // by making a correctly signed no-op round trip first.
    await e2e.client.urlVerification('barrier');
    expect(await writesSoFar()).toBe(writesBefore);
    expect(await redis.dbsize()).toBe(keysBefore);
    expect(e2e.slack.calls.length).toBe(callsBefore);
  });

  // The control: the same requests, correctly signed, are accepted and do change something.
  it.each(KINDS)('%s correctly signed is accepted', async (kind) => {
    const send = kinds[kind];
    if (!send) throw new Error(`no sender for ${kind}`);
    const writesBefore = await writesSoFar();
    const callsBefore = e2e.slack.calls.length;
    const res = await send();
    expect(res.status).toBe(200);
    if (kind === 'url_verification') {
      expect(JSON.stringify(res.body)).toContain('challenge-abc');
      return;
    }
    await expect
      .poll(async () => (await writesSoFar()) - writesBefore + e2e.slack.calls.length - callsBefore)
      .toBeGreaterThan(0);
  });
});
