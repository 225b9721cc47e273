import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { encodeConfirmMetadata } from '../../../src/slack/ui/publish/publishValues.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';

/**
 * Every action_id and callback_id of `src/slack/ui/ids.ts`, pointed at one workspace's plan by
 * (a) the same user id in another workspace and (b) a non-editor of the same workspace — with the
 * plan's real button values and the real private_metadata of modals its owner opened. Nothing
 * changes anywhere in Redis, nothing is posted, and the other workspace learns nothing of the plan.
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
const e2e = useE2e({ redisUrl: () => redisServer.url, env: { SCHEDULER_TICK: '0 0 1 1 *' } });

const SECRET = 'Isolation-secret-plan-7Q';
const team = uniqueWorkspace();
const channel = newChannel();
let planId = '';
const ownerViews: Partial<Record<string, Record<string, unknown>>> = {};

/** Every key and value on the private server, hashed: "nothing changed" over the whole store. */
async function storeDigest(): Promise<string> {
  const keys = (await redis.keys('*')).sort();
  const hash = createHash('sha256');
  for (const key of keys) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === 'string') value = await redis.get(key);
    else if (type === 'hash') value = await redis.hgetall(key);
    else if (type === 'zset') value = await redis.call('ZRANGE', key, '0', '-1', 'WITHSCORES');
    else if (type === 'set') value = (await redis.smembers(key)).sort();
    else if (type === 'list') value = await redis.lrange(key, 0, -1);
    else if (type === 'stream') value = await redis.xrange(key, '-', '+');
    hash.update(`${key}\u0000${type}\u0000${JSON.stringify(value)}\u0001`);
  }
  return hash.digest('hex');
}

async function ownerOpens(text: string): Promise<Record<string, unknown>> {
  const before = e2e.slack.callsTo('views.open').length;
  await e2e.client.slashCommand({
    teamId: team,
    userId: OWNER,
    text,
    responseUrl: e2e.slack.responseUrl(),
  });
  const call = await e2e.slack.waitForCall(
    'views.open',
    (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
  );
  return openedView(call);
}

beforeAll(async () => {
  e2e.slack.setUser(OWNER, { locale: 'en-US' });
  const act = publishActions(e2e, redis);
  const doc = changed(cleanPlan(channel, SECRET), (p) => {
    p.meta.channel = channel;
  });
  planId = (await act.createPlan(team, doc)).id;
  // Wait for the whole publish (summary, paced thread replies, file): its posts are not the attackers'.
  const published = await act.command(team, OWNER, `publish ${planId}`);
  expect(await published.later(30_000)).toContain('published');
  // The modals the owner can open on this plan, with their real private_metadata.
  ownerViews[CallbackIds.section] = await ownerOpens(`edit ${planId}`);
  ownerViews[CallbackIds.deleteConfirm] = await ownerOpens(`delete ${planId}`);
  ownerViews[CallbackIds.history] = await ownerOpens(`history ${planId}`);
  ownerViews[CallbackIds.preview] = await ownerOpens(`preview ${planId}`);
  ownerViews[CallbackIds.scheduleSettings] = await ownerOpens(`settings ${planId}`);
});

/** A modal of `callbackId` about this plan: the owner's real one, or one built like the app builds it. */
function viewFor(callbackId: string): Record<string, unknown> {
  const real = ownerViews[callbackId];
  if (real) return real;
  const metadata =
    callbackId === CallbackIds.publishConfirm
      ? encodeConfirmMetadata({ p: planId, v: 1, c: channel } as Parameters<
          typeof encodeConfirmMetadata
        >[0])
      : JSON.stringify({ p: planId, v: 1, r: 'round-1', s: 'product', m: 'edit', id: planId });
  return {
    id: `V0FORGED${callbackId.length}`,
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: 'plain_text', text: 'Forged' },
    blocks: [],
    hash: '1.forged',
  };
}

/** Button values as the app writes them for this plan. */
function valueFor(actionId: string): string {
  switch (actionId) {
    case ActionIds.openSection:
      return JSON.stringify({ p: planId, s: 'product' });
    case ActionIds.historyRestore:
      return JSON.stringify({ p: planId, v: 1 });
    case ActionIds.checkinReport:
      return JSON.stringify({ p: planId, r: 'round-1' });
    case ActionIds.rowAdd:
      return 'resources';
    case ActionIds.rowRemove:
      return JSON.stringify({ f: 'resources', r: 'res-1' });
    default:
      return planId;
  }
}

// Buttons that act inside the interview modal read the plan from its private_metadata.
const IN_SECTION_MODAL = new Set<string>([
  ActionIds.sectionBack,
  ActionIds.sectionSaveClose,
  ActionIds.rowAdd,
  ActionIds.rowRemove,
  ActionIds.conflictReload,
]);
// `newPlan` and `importPlan` name no plan: they create one in the actor's own workspace.
const PLAN_BOUND_ACTIONS = Object.values(ActionIds).filter((id) => id !== ActionIds.newPlan);
const PLAN_BOUND_VIEWS = Object.values(CallbackIds).filter((id) => id !== CallbackIds.importPlan);

const ATTACKERS = [
  [
    'the owner’s user id in another workspace',
    () => ({ teamId: uniqueWorkspace(), userId: OWNER }),
  ],
  ['a non-editor of the same workspace', () => ({ teamId: team, userId: 'U0NOTEDITOR' })],
] as const;

/**
 * After a forged request, waits until the app has visibly answered (a refusal, a notice) or 1 s
 * passed — a refusal may legitimately be silent — then returns every call it made meanwhile.
 */
async function callsAfter(before: number): Promise<RecordedCall[]> {
  await expect
    .poll(() => e2e.slack.calls.length > before, { timeout: 1_000 })
    .toBe(true)
    .catch(() => undefined);
  return e2e.slack.calls.slice(before);
}

function assertNothingLeaked(who: string, calls: RecordedCall[], response: unknown): void {
  if (!who.includes('another workspace')) return;
  expect(JSON.stringify(response)).not.toContain(SECRET);
  for (const call of calls) expect(JSON.stringify(call.args), call.method).not.toContain(SECRET);
}

function assertNothingPosted(calls: RecordedCall[]): void {
  const posted = calls.filter(
    (c) =>
      (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.channel === channel,
  );
  expect(posted).toEqual([]);
  expect(calls.filter((c) => c.method === 'files.completeUploadExternal')).toEqual([]);
}

// Views with nothing to submit have no submission listener: Bolt answers 404 after its 3 s wait.
// Sending those once (from another workspace) is enough to show they do nothing.
const NOTHING_TO_SUBMIT = new Set<string>([
  CallbackIds.saved,
  CallbackIds.conflict,
  CallbackIds.preview,
  CallbackIds.history,
  CallbackIds.publishStatus,
]);

describe.each(ATTACKERS)('%s', (who, attacker) => {
  const views = PLAN_BOUND_VIEWS.filter(
    (id) => who.includes('another workspace') || !NOTHING_TO_SUBMIT.has(id),
  );
  it.each(PLAN_BOUND_ACTIONS)(
    'clicks %s on the plan: refused, nothing changes',
    async (actionId) => {
      const actor = attacker();
      const digest = await storeDigest();
      const before = e2e.slack.calls.length;
      const action = { action_id: actionId, value: valueFor(actionId) };
      const res = IN_SECTION_MODAL.has(actionId)
        ? await e2e.client.blockActions({
            ...actor,
            view: ownerViews[CallbackIds.section] as Record<string, unknown>,
            actions: [action],
          })
        : await e2e.client.blockActions({
            ...actor,
            actions: [action],
            responseUrl: e2e.slack.responseUrl(),
            message: {
              ts: '1716900000.000100',
              blocks: [
                {
                  type: 'actions',
                  block_id: 'forged',
                  elements: [
                    {
                      type: 'button',
                      action_id: actionId,
                      text: { type: 'plain_text', text: 'x' },
                      value: action.value,
                    },
                  ],
                },
              ],
            },
          });
      expect(res.status).toBeLessThan(500);
      const calls = await callsAfter(before);
      assertNothingLeaked(who, calls, res.body);
      assertNothingPosted(calls);
      expect(await storeDigest()).toBe(digest);
    },
  );

  it.each(views)('submits %s about the plan: refused, nothing changes', async (callbackId) => {
    const actor = attacker();
    const digest = await storeDigest();
    const before = e2e.slack.calls.length;
    const res = await e2e.client.viewSubmission({ ...actor, view: viewFor(callbackId) });
    const calls = await callsAfter(before);
    assertNothingLeaked(who, calls, res.body);
    assertNothingPosted(calls);
    expect(await storeDigest()).toBe(digest);
  });

  it('closes the plan’s interview modal with typed text: nothing is kept for the plan', async () => {
    const actor = attacker();
    const digest = await storeDigest();
    const view = ownerViews[CallbackIds.section] as Record<string, unknown>;
    const res = await e2e.client.viewClosed({ ...actor, view });
    expect(res.status).toBeLessThan(500);
    expect(await storeDigest()).toBe(digest);
  });
});
