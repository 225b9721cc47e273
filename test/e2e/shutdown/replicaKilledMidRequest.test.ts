import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { type WorkspaceKey, workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import type { E2eContext } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { assertNoSecretsLogged } from '../../support/app/secretsInLogs.js';
import { type SpawnedApp, spawnApp } from '../../support/app/spawnApp.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type TestApp,
} from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import {
  createSlackRequestClient,
  type SlackRequestClient,
} from '../../support/slack/signedRequests.js';
import { newChannel } from '../publish/publishE2e.js';
import { drillEnv } from '../scheduler/reminderDrill.js';
import { type RedisHoldProxy, startRedisHoldProxy } from './redisHoldProxy.js';

/**
 * A replica SIGKILLed while it handles an interactive request. Two replicas share one Redis and
 * the fake Slack: A, spawned as `npm start` runs it (reaching Redis through a proxy that can freeze
 * its connection at one command), and B, the survivor. The kill lands at a known point, awaited:
 * an interview step frozen just before or just after its save reached Redis; a publish whose
 * "Publishing…" modal, summary post or third message Slack holds (hang fault). The user then does
 * what Slack lets them do — submit the step again, publish again — on B. Nothing is duplicated (one
 * draft revision, one published version, one message set) and nothing is lost (the step's answers
 * are saved, the plan is posted in full; a post A had begun is finished under A's summary).
 */

const NOWHERE_TICK = '0 0 1 1 *';
const STEP_ANSWER = 'Answered while replica A was killed';

let redis: RedisServerHandle;
let slack: FakeSlackApi;
let b: TestApp;
let toB: SlackRequestClient;
let store: Redis;
let drafts: RedisDraftStore<Plan>;
let published: RedisPublishedStore<Plan>;

interface ReplicaA {
  app: SpawnedApp;
  proxy: RedisHoldProxy;
  client: SlackRequestClient;
}
/** Replicas to kill, started together up front (one per test) so their start-up overlaps. */
const pool: Promise<ReplicaA>[] = [];
const spawned: ReplicaA[] = [];

async function startReplicaA(): Promise<ReplicaA> {
  const proxy = await startRedisHoldProxy(redis.port);
  const app = spawnApp({ ...drillEnv(slack.url, proxy.url), SCHEDULER_TICK: NOWHERE_TICK });
  const replica = {
    app,
    proxy,
    client: createSlackRequestClient({
      appUrl: `http://127.0.0.1:${await app.started}`,
      signingSecret: TEST_SIGNING_SECRET,
    }),
  };
  spawned.push(replica);
  return replica;
}

async function kill(replica: ReplicaA): Promise<void> {
  replica.app.child.kill('SIGKILL');
  await replica.app.exited;
}

beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
  for (let i = 0; i < 5; i++) pool.push(startReplicaA());
  b = await startTestApp({
    slackApiUrl: slack.url,
    redisUrl: redis.url,
    env: { SCHEDULER_TICK: NOWHERE_TICK },
  });
  toB = createSlackRequestClient({ appUrl: b.url, signingSecret: TEST_SIGNING_SECRET });
  store = connectTestRedis(redis.url);
  drafts = new RedisDraftStore<Plan>(store, PlanSchema);
  published = new RedisPublishedStore<Plan>(store, PlanSchema);
  await Promise.all(pool);
}, 30_000);

afterEach(() => {
  slack.assertNoViolations();
});

afterAll(async () => {
  for (const replica of spawned) {
    if (replica.app.child.exitCode === null && replica.app.child.signalCode === null) {
      await kill(replica);
    }
    await replica.proxy.close();
  }
  await b?.stop();
  store?.disconnect();
  await slack?.close();
  await redis?.dispose();
  assertNoSecretsLogged([...(b?.logs ?? []), ...spawned.flatMap((r) => r.app.stdout)]);
});

async function takeReplicaA(): Promise<ReplicaA> {
  const next = pool.shift();
  if (!next) throw new Error('no replica left to kill: start one more in beforeAll');
  return next;
}

async function ownersDraft(doc: Plan): Promise<{ teamId: string; ws: WorkspaceKey; id: string }> {
  const teamId = uniqueWorkspace();
  const ws = workspaceKey({ teamId });
  const record = await drafts.create(ws, {
    doc,
    title: doc.meta.title,
    ownerId: OWNER,
    editorIds: doc.meta.editors,
    by: OWNER,
  });
  return { teamId, ws, id: record.id };
}

/** `/opsplan <text>` to one replica; `later` waits for what it sends on the response_url. */
async function command(to: SlackRequestClient, teamId: string, text: string) {
  const id = `kill-${Math.random().toString(36).slice(2)}`;
  const res = await to.slashCommand({
    teamId,
    userId: OWNER,
    text,
    responseUrl: slack.responseUrl(id),
  });
  expect(res.status).toBe(200);
  return {
    later: async () =>
      JSON.stringify(
        (await slack.waitForCall('response_url', (c) => c.path.endsWith(`/${id}`), 15_000)).args,
      ),
  };
}

const summaries = (channel: string) => slack.messages(channel).filter((m) => !m.thread_ts);

/** Revisions the draft has recorded (one per save). */
const revisions = async (ws: WorkspaceKey, id: string) => (await drafts.history(ws, id)).length;

describe('a replica killed in the middle of an interview step', () => {
  it.each([
    ['after its save reached Redis', 'after'],
    ['before its save reached Redis', 'before'],
  ] as const)(
    '%s: the step resubmitted to the survivor is saved exactly once',
    async (_, point) => {
      const doc = changed(cleanPlan(newChannel()), (p) => {
        p.sections.product = { ...p.sections.product, description: '' };
      });
      const { teamId, ws, id } = await ownersDraft(doc);
      const ctxB = { slack, app: b, client: toB } as E2eContext;
      const modal = modalDriver(ctxB, { teamId, userId: OWNER });
      await modal.command(`edit ${id}`);
      expect(modal.blockIds()).toContain('f|description');
      const view = modal.view;
      const start = {
        version: (await drafts.get(ws, id))?.version,
        revisions: await revisions(ws, id),
      };

      const a = await takeReplicaA();
      const frozen = a.proxy.hold(`${String(view.id)}:${String(view.hash)}`, point);
      const sent = a.client
        .viewSubmission({ teamId, userId: OWNER, view, values: { 'f|description': STEP_ANSWER } })
        .then(
          (res) => ({ answered: res.status }),
          (error: unknown) => ({ lost: String(error) }),
        );
      await frozen;
      await kill(a);
      // Slack never got an answer: it tells the user, and the modal stays open with the input.
      expect(await sent).toHaveProperty('lost');
      const afterKill = await drafts.get(ws, id);
      expect(afterKill?.version).toBe(point === 'after' ? (start.version ?? 0) + 1 : start.version);

      // The user submits the same step again; this time B answers.
      const retried = await modal.submit({ 'f|description': STEP_ANSWER });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ response_action: 'update' });
      expect(modal.view.callback_id).not.toBe(CallbackIds.conflict);
      expect(modal.blockIds()).not.toContain('f|description');

      const saved = await drafts.get(ws, id);
      expect(saved?.doc.sections.product?.description).toBe(STEP_ANSWER);
      expect(saved?.version).toBe((start.version ?? 0) + 1);
      expect(await revisions(ws, id)).toBe(start.revisions + 1);
    },
  );
});

describe('a replica killed in the middle of a publish', () => {
  it('while Slack holds its "Publishing…" modal: Publish clicked again on the survivor posts the plan once', async () => {
    const channel = newChannel();
    const { teamId, ws, id } = await ownersDraft(cleanPlan(channel));
    const click = (to: SlackRequestClient) =>
      to.blockActions({
        teamId,
        userId: OWNER,
        responseUrl: slack.responseUrl(),
        message: {
          ts: '1716900000.000100',
          blocks: [
            {
              type: 'actions',
              block_id: 'card',
              elements: [
                {
                  type: 'button',
                  action_id: ActionIds.planPublish,
                  text: { type: 'plain_text', text: 'Publish' },
                  value: id,
                },
              ],
            },
          ],
        },
        actions: [{ action_id: ActionIds.planPublish, value: id }],
      });

    const a = await takeReplicaA();
    const opened = slack.callsTo('views.open').length;
    slack.fail('views.open', { hang: true }, 1);
    expect((await click(a.client)).status).toBe(200);
    await slack.waitForCall('views.open', (c) => slack.callsTo('views.open').indexOf(c) >= opened);
    await kill(a);
    expect(summaries(channel)).toHaveLength(0);

    expect((await click(toB)).status).toBe(200);
    await expect.poll(() => summaries(channel).length, { timeout: 15_000 }).toBe(1);
    const outcome = await slack.waitForCall(
      'views.update',
      (c) => JSON.stringify(c.args.view).includes('published'),
      15_000,
    );
    expect(JSON.stringify(outcome.args.view)).not.toContain('already');
    expect((await published.list(ws, id)).map((v) => v.version)).toEqual([1]);
    expect(summaries(channel)).toHaveLength(1);
  });

  it('while Slack holds its summary post: the retry is told it is in progress, and once the dead lease ends posts the plan once as the same version', async () => {
    const channel = newChannel();
    const { teamId, ws, id } = await ownersDraft(cleanPlan(channel));

    const a = await takeReplicaA();
    slack.fail('chat.postMessage', { hang: true }, 1);
    await command(a.client, teamId, `publish ${id}`);
    // A has taken the lease and frozen v1; Slack holds the summary (and, here, never posts it).
    await slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel, 15_000);
    await kill(a);

    const soon = await command(toB, teamId, `publish ${id}`);
    expect(await soon.later()).toContain('already being published');
    expect(slack.messages(channel)).toHaveLength(0);

    // The dead replica's lease runs out (15 s; here it is ended at once).
    const records = await store.keys(`opsplan:{${ws}}:plan:${id}:publish:*`);
    expect(records).toHaveLength(1);
    for (const key of records) await store.hset(key, 'leaseUntil', '0');

    const retry = await command(toB, teamId, `publish ${id}`);
    expect(await retry.later()).toContain('published');
    expect((await published.list(ws, id)).map((v) => v.version)).toEqual([1]);
    expect(summaries(channel)).toHaveLength(1);
    const [summary] = summaries(channel);
    const thread = slack.messages(channel).filter((m) => m.thread_ts === summary?.ts);
    expect(thread.length).toBeGreaterThan(5);
    expect((await published.latest(ws, id))?.post?.summaryTs).toBe(summary?.ts);
  });

  it('after its summary and two replies were posted: the retry on the survivor, once the dead lease runs out, finishes that post — one summary, every reply once', async () => {
    const channel = newChannel();
    const { teamId, ws, id } = await ownersDraft(cleanPlan(channel));
    const okReplies = () =>
      slack
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === channel && c.args.thread_ts && c.result?.ok === true);

    const a = await takeReplicaA();
    await command(a.client, teamId, `publish ${id}`);
    await slack.waitForCall('chat.postMessage', () => okReplies().length >= 2, 15_000);
    // The third reply follows after the publish's 200 ms spacing: Slack holds that one.
    slack.fail('chat.postMessage', { hang: true }, 1);
    await slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === channel && c.args.thread_ts !== undefined && !c.result,
      15_000,
    );
    await kill(a);
    const [orphan] = summaries(channel);
    const postedByA = okReplies().map((c) => c.result?.ts);
    expect(postedByA).toHaveLength(2);

    const soon = await command(toB, teamId, `publish ${id}`);
    expect(await soon.later()).toContain('already being published');
    // The user publishes again until it goes through: once A's lease (15 s, renewed while A was
    // alive) has run out, B takes over.
    let answer = '';
    await expect
      .poll(
        async () => {
          answer = await (await command(toB, teamId, `publish ${id}`)).later();
          return answer;
        },
        { timeout: 30_000, interval: 500 },
      )
      .not.toContain('already being published');
    expect(answer).toContain('is published in');

    // One version, one summary — A's — and under it every reply once, A's two first, then the file.
    expect((await published.list(ws, id)).map((v) => v.version)).toEqual([1]);
    expect(summaries(channel).map((m) => m.ts)).toEqual([orphan?.ts]);
    const thread = slack.messages(channel).filter((m) => m.thread_ts === orphan?.ts);
    expect(thread.length).toBeGreaterThan(5);
    expect(thread.slice(0, 2).map((m) => m.ts)).toEqual(postedByA);
    expect(new Set(thread.map((m) => m.text)).size).toBe(thread.length);
    const files = slack.uploadedFiles().filter((f) => f.channelId === channel);
    expect(files.map((f) => f.threadTs)).toEqual([orphan?.ts]);
    expect(slack.callsTo('chat.delete').filter((c) => c.args.channel === channel)).toEqual([]);
    const post = (await published.latest(ws, id))?.post;
    expect(post?.summaryTs).toBe(orphan?.ts);
    expect(post?.sectionTs).toEqual(thread.map((m) => m.ts));
  }, 60_000);
});
