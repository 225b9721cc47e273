import { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { createLogger } from '../../../src/logging/logger.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
} from '../../../src/scheduler/engine/createSchedulerEngine.js';
import { createScheduleContent } from '../../../src/slack/listeners/schedule/scheduleContent.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { kpiBlockId } from '../../../src/slack/ui/schedule/reportModal.js';
import { generateDraftId } from '../../../src/store/draftId.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { type WorkspaceKey, workspaceKey } from '../../../src/store/workspaceKey.js';
import {
  freshId,
  INJECTION,
  kpi,
  planWith,
  publish,
} from '../../scheduler/jobs/support/checkinFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { TEST_BOT_TOKEN } from '../../support/app/testApp.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';

/**
 * A full check-in round through the real app: `/opsplan checkin <plan> now` over signed HTTP, DMs to
 * each owner, Report button and modal, a second replica (this process, same Redis, its clock moved
 * forward) running the deferred nudge and the window's close, then a late answer rewriting the
 * digest in place.
 */
const e2e = useE2e();
const HOUR = 3600_000;
const dm = (user: string) => `D${user.slice(1)}`;

let redis: Redis;
let replica: SchedulerEngine;

beforeAll(() => {
  redis = connectTestRedis(inject('redisUrl'));
  const published = new RedisPublishedStore(redis, PlanSchema);
  const logger = createLogger({ level: 'warn', write: () => {} });
  let engine: SchedulerEngine | undefined;
  const content = createScheduleContent({
    drafts: new RedisDraftStore(redis, PlanSchema),
    published,
    templates: builtinTemplates(),
    redis,
    locales: { localeOf: async () => 'en' },
    logger,
    defaultTimezone: 'Asia/Shanghai',
    engine: () => {
      if (!engine) throw new Error('engine not ready');
      return engine;
    },
  });
  engine = createSchedulerEngine({
    redis,
    client: new WebClient(TEST_BOT_TOKEN, {
      slackApiUrl: e2e.slack.url,
      retryConfig: { retries: 0 },
    }),
    logger,
    handlers: content.handlers,
    replicaId: 'test-replica',
    settings: { channelIntervalMs: 0 },
  });
  replica = engine;
});

afterAll(async () => {
  await replica?.stop();
  await redis?.quit();
});

async function publishedPlan() {
  const teamId = uniqueWorkspace();
  const ws: WorkspaceKey = workspaceKey({ teamId });
  const planId = generateDraftId();
  const owner = freshId('U');
  const alice = freshId('U');
  const bob = freshId('U');
  const channel = freshId('C');
  const plan = PlanSchema.parse({
    ...planWith({
      channel,
      kpis: [
        kpi('orders', { owner: alice, name: `Orders ${INJECTION}` }),
        kpi('churn', { owner: alice, direction: 'stay_below', baseline: 5, target: 3, unit: '%' }),
        kpi('nps', { owner: bob, baseline: 20, target: 40, unit: 'pts' }),
      ],
    }),
  });
  plan.meta.owner = owner;
  plan.meta.editors = [];
  const store = new RedisPublishedStore(redis, PlanSchema);
  await publish(store, ws, planId, plan);
  await replica.syncPlanSchedules(ws, planId, {
    plan,
    template:
      builtinTemplates().get('standard') ??
      (() => {
        throw new Error('no template');
      })(),
  });
  return { teamId, ws, planId, owner, alice, bob, channel };
}

const isMessageTo = (channel: string) => (c: RecordedCall) =>
  c.args.channel === channel && c.result?.ok === true;

async function report(teamId: string, userId: string, values: Record<string, string>) {
  const dmMessage = await e2e.slack.waitForCall('chat.postMessage', isMessageTo(dm(userId)));
  const ts = String(dmMessage.result?.ts);
  const opened = e2e.slack.callsTo('views.open').length;
  const click = await e2e.client.blockActions({
    teamId,
    userId,
    channelId: dm(userId),
    message: { ts, blocks: dmMessage.args.blocks as unknown[] },
    actions: [{ action_id: ActionIds.checkinReport }],
  });
  expect(click.status).toBe(200);
  const open = await e2e.slack.waitForCall(
    'views.open',
    (c) => e2e.slack.callsTo('views.open').indexOf(c) >= opened,
  );
  const view = open.result?.view as Record<string, unknown>;
  return e2e.client.viewSubmission({ teamId, userId, view, values });
}

describe('a check-in round end-to-end', () => {
  it('DMs each owner, takes reports, nudges only the missing owner, posts then updates the digest', async () => {
    const { teamId, planId, owner, alice, bob, channel } = await publishedPlan();
    const started = Date.now();

    // A stranger may not start it; the owner may.
    const stranger = await e2e.client.slashCommand({
      teamId,
      userId: freshId('U'),
      text: `checkin ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(JSON.stringify(stranger.body)).toContain('Only the owner and the editors');
    const res = await e2e.client.slashCommand({
      teamId,
      userId: owner,
      text: `checkin ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('check-in round');

    await e2e.slack.waitForCall('chat.postMessage', isMessageTo(dm(alice)));
    await e2e.slack.waitForCall('chat.postMessage', isMessageTo(dm(bob)));

    const aliceAnswer = await report(teamId, alice, {
      [kpiBlockId('orders')]: '150',
      [kpiBlockId('churn')]: '3.1',
      checkin_comment: `Good week ${INJECTION}`,
      checkin_confidence: 'high',
    });
    expect(aliceAnswer.status).toBe(200);
    expect(JSON.stringify(aliceAnswer.body)).toContain('Thanks');

    // Another replica's clock: the nudge time, then the window's close.
    await replica.tickJob.run(new Date(started + 21 * HOUR));
    await e2e.slack.waitForCall(
      'chat.postMessage',
      (c) => isMessageTo(dm(bob))(c) && JSON.stringify(c.args.blocks).includes('Reminder'),
    );
    expect(e2e.slack.callsTo('chat.postMessage').filter(isMessageTo(dm(alice)))).toHaveLength(1);
    expect(e2e.slack.messages(channel)).toHaveLength(0);

    await replica.tickJob.run(new Date(started + 25 * HOUR));
    const digest = await e2e.slack.waitForCall('chat.postMessage', isMessageTo(channel));
    const first = JSON.stringify(digest.args.blocks);
    expect(first).toContain('Not reported yet');
    // A round asked for with `checkin now` is named by when it was asked, not by its internal key.
    expect(first).toContain('Round asked for on');
    expect(first).not.toContain('now-20');
    expect(first).toContain(`<@${bob}>`);
    expect(first).not.toContain('<!channel>');

    const late = await report(teamId, bob, { [kpiBlockId('nps')]: '24' });
    expect(late.status).toBe(200);
    const update = await e2e.slack.waitForCall('chat.update', isMessageTo(channel));
    expect(update.args.ts).toBe(digest.result?.ts);
    const updated = e2e.slack.messages(channel);
    expect(updated).toHaveLength(1);
    expect(JSON.stringify(updated[0]?.blocks)).toContain('Every owner reported');
    expect(e2e.slack.callsTo('chat.postMessage').filter(isMessageTo(dm(bob)))).toHaveLength(2);
    expect(e2e.slack.callsTo('chat.postMessage').filter(isMessageTo(dm(alice)))).toHaveLength(1);
  });

  it('answers a forwarded Report button politely and records nothing for someone the round did not ask', async () => {
    const { teamId, planId, owner, alice } = await publishedPlan();
    await e2e.client.slashCommand({
      teamId,
      userId: owner,
      text: `checkin ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    const dmMessage = await e2e.slack.waitForCall('chat.postMessage', isMessageTo(dm(alice)));
    const stranger = freshId('U');
    const before = e2e.slack.callsTo('views.open').length;
    await e2e.client.blockActions({
      teamId,
      userId: stranger,
      channelId: dm(alice),
      message: { ts: String(dmMessage.result?.ts), blocks: dmMessage.args.blocks as unknown[] },
      actions: [{ action_id: ActionIds.checkinReport }],
    });
    const open = await e2e.slack.waitForCall(
      'views.open',
      (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
    );
    const text = JSON.stringify(open.args.view);
    expect(text).toContain('did not ask you');
    expect(text).not.toContain('number_input');
  });

  it('posts the digest as soon as the last owner answers, without waiting for the window', async () => {
    const { teamId, planId, owner, alice, bob, channel } = await publishedPlan();
    await e2e.client.slashCommand({
      teamId,
      userId: owner,
      text: `checkin ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    await report(teamId, alice, { [kpiBlockId('orders')]: '130', [kpiBlockId('churn')]: '4' });
    expect(e2e.slack.messages(channel)).toHaveLength(0);
    await report(teamId, bob, { [kpiBlockId('nps')]: '30' });
    const digest = await e2e.slack.waitForCall('chat.postMessage', isMessageTo(channel));
    expect(JSON.stringify(digest.args.blocks)).toContain('Every owner reported');
    // The window's close later finds it posted and changes nothing.
    await replica.tickJob.run(new Date(Date.now() + 25 * HOUR));
    expect(e2e.slack.messages(channel)).toHaveLength(1);
  });
});
