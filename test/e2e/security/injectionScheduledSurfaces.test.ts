import { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/domain/fieldTypes.js';
import { PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { createLogger } from '../../../src/logging/logger.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
} from '../../../src/scheduler/engine/createSchedulerEngine.js';
import { createUserLocaleResolver } from '../../../src/services/userLocaleResolver.js';
import { createScheduleContent } from '../../../src/slack/listeners/schedule/scheduleContent.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import {
  COMMENT_BLOCK,
  CONFIDENCE_BLOCK,
  kpiBlockId,
} from '../../../src/slack/ui/schedule/reportModal.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { createRedisUserPreferencesStore } from '../../../src/store/userPreferencesStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed, standardTemplate } from '../../domain/review/fixtures.js';
import { mentionableIds } from '../../render/support/renderedText.js';
import { freshId } from '../../scheduler/jobs/support/checkinFixtures.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { TEST_BOT_TOKEN } from '../../support/app/testApp.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';
import {
  ATTACK,
  attacked,
  type Interpreted,
  interpretedTexts,
  looseAmpersands,
  markdownLinks,
  offences,
  textsOfCall,
} from './injectionScan.js';
import { publishConfirming } from './publishConfirming.js';

/**
 * The scheduled surfaces of one plan whose title, KPI names and units, phases and every other text
 * are injection strings, through the real app: `/opsplan settings` (a row per KPI), `/opsplan
 * checkin now` (a DM to each KPI owner), the Report modal opened from it and submitted with
 * injection strings in the comment (and, forged, in a number), the nudge and the window's close run
 * by another replica whose clock is moved on (as in test/e2e/scheduler/checkinRound.test.ts), the
 * digest, its rewrite for a late answer, `/opsplan remind now` and App Home. Every payload the fake
 * Slack recorded and every modal answered inline is read the way Slack reads it.
 */

let redisServer: RedisServerHandle;
let redis: Redis;
let replica: SchedulerEngine;
beforeAll(async () => {
  // Private: the moved clock below must claim this file's schedules only.
  redisServer = await startRedisServer();
  redis = connectTestRedis(redisServer.url);
});
const e2e = useE2e({ redisUrl: () => redisServer.url, env: { SCHEDULER_TICK: '0 0 1 1 *' } });

beforeAll(() => {
  const logger = createLogger({ level: 'warn', write: () => undefined });
  const client = new WebClient(TEST_BOT_TOKEN, {
    slackApiUrl: e2e.slack.url,
    retryConfig: { retries: 0 },
  });
  let engine: SchedulerEngine | undefined;
  const content = createScheduleContent({
    drafts: new RedisDraftStore(redis, PlanSchema),
    published: new RedisPublishedStore(redis, PlanSchema),
    templates: builtinTemplates(),
    redis,
    locales: createUserLocaleResolver({
      client,
      preferences: createRedisUserPreferencesStore(redis),
      defaultLocale: 'en',
      logger,
    }),
    logger,
    defaultTimezone: 'Asia/Shanghai',
    engine: () => {
      if (!engine) throw new Error('engine not ready');
      return engine;
    },
  });
  engine = createSchedulerEngine({
    redis,
    client,
    logger,
    handlers: content.handlers,
    replicaId: 'clock-moved-replica',
    settings: { channelIntervalMs: 0 },
  });
  replica = engine;
});

afterAll(async () => {
  await replica?.stop();
  redis?.disconnect();
  await redisServer?.dispose();
});

const HOUR = 3600_000;
const ALICE = freshId('U');
const BOB = freshId('U');
const dm = (user: string) => `D${user.slice(1)}`;

/** Messages the app posted to `channel` (answered ok), oldest first. */
const postsTo = (channel: string) =>
  e2e.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === channel && c.result?.ok === true);

/** Clicks Report on the latest message in the owner's DM; resolves with the modal it opens. */
async function openReport(team: string, user: string): Promise<Record<string, unknown>> {
  const message = postsTo(dm(user)).at(-1);
  if (!message) throw new Error(`no DM to ${user}`);
  const before = e2e.slack.callsTo('views.open').length;
  const click = await e2e.client.blockActions({
    teamId: team,
    userId: user,
    channelId: dm(user),
    message: { ts: String(message.result?.ts), blocks: message.args.blocks as unknown[] },
    actions: [{ action_id: ActionIds.checkinReport }],
  });
  expect(click.status).toBe(200);
  const open = await e2e.slack.waitForCall(
    'views.open',
    (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
  );
  const view = openedView(open);
  expect(view.callback_id).toBe(CallbackIds.checkinReport);
  return view;
}

describe('an injection in every field, on every scheduled surface', () => {
  it('pings nobody and forges no link in check-ins, the Report modal, the digest, reminders and App Home', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    e2e.slack.setUser(ALICE, { locale: 'en-US' });
    e2e.slack.setUser(BOB, { locale: 'zh-CN' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const doc = changed(attacked(cleanPlan(channel), 'sched'), (p) => {
      p.meta.channel = channel;
      const [orders, complaints] = (p.sections.results?.kpis ?? []) as Kpi[];
      if (orders) orders.owner = ALICE;
      if (complaints) complaints.owner = BOB;
    });
    const kpis = (doc.sections.results?.kpis ?? []) as Kpi[];
    const [aliceKpi, bobKpi] = kpis.map((k) => k.id);
    expect(kpis.every((k) => k.name.includes('<!channel>'))).toBe(true);
    const act = publishActions(e2e, redis);
    const { id } = await act.createPlan(team, doc);
    await publishConfirming(e2e, act, { team, id, channel, n: 1 });
    // The publish ends by syncing the plan's schedules (a check-in per KPI owner).
    await expect
      .poll(async () => {
        const schedules = await replica.store.listPlanSchedules(workspaceKey({ teamId: team }), id);
        return schedules.filter((s) => s.kind === 'kpi_checkin').length;
      })
      .toBe(2);
    // The publish's own surfaces are injectionSurfaces.test.ts's; from here on, the scheduled ones.
    const from = e2e.slack.calls.length;
    const inline: Interpreted[] = [];
    const keepInline = (body: unknown, where: string) => {
      const view = (body as { view?: unknown } | undefined)?.view;
      if (view) inline.push(...interpretedTexts(view, where));
      return view;
    };

    // The schedule settings modal names every KPI.
    await act.command(team, OWNER, `settings ${id}`);
    await e2e.slack.waitForCall(
      'views.open',
      (c) => (c.args.view as { callback_id?: string }).callback_id === CallbackIds.scheduleSettings,
    );

    // A check-in round now: one DM per KPI owner.
    const started = Date.now();
    const round = await act.command(team, OWNER, `checkin ${id} now`);
    expect(round.replyText).toContain('check-in');
    await e2e.slack.waitForCall('chat.postMessage', (c) => c.args.channel === dm(ALICE), 15_000);
    await e2e.slack.waitForCall('chat.postMessage', (c) => c.args.channel === dm(BOB), 15_000);

    // Alice reports. A forged non-number (Slack's number_input never sends one) is refused inline.
    const aliceModal = await openReport(team, ALICE);
    const forged = await e2e.client.viewSubmission({
      teamId: team,
      userId: ALICE,
      view: aliceModal,
      values: { [kpiBlockId(aliceKpi ?? '')]: '<!channel> 1' },
    });
    expect(forged.body).toMatchObject({ response_action: 'errors' });
    const thanks = await e2e.client.viewSubmission({
      teamId: team,
      userId: ALICE,
      view: aliceModal,
      values: {
        [kpiBlockId(aliceKpi ?? '')]: '150',
        [COMMENT_BLOCK]: `alice ${ATTACK}`,
        [CONFIDENCE_BLOCK]: 'high',
      },
    });
    expect(keepInline(thanks.body, 'Report answer')).toBeDefined();

    // Another replica's clock: the nudge (to Bob only), then the window's close (the digest).
    await replica.tickJob.run(new Date(started + 21 * HOUR));
    await expect.poll(() => postsTo(dm(BOB)).length, { timeout: 15_000 }).toBe(2);
    expect(postsTo(dm(ALICE))).toHaveLength(1);
    await replica.tickJob.run(new Date(started + 25 * HOUR));
    const isDigest = (c: RecordedCall) =>
      c.args.channel === channel &&
      e2e.slack.calls.indexOf(c) >= from &&
      !JSON.stringify(c.args.blocks).includes(ActionIds.planRevise);
    const digest = await e2e.slack.waitForCall('chat.postMessage', isDigest, 15_000);

    // Bob answers late from the nudge, with his own comment: the digest is rewritten in place.
    const bobModal = await openReport(team, BOB);
    const late = await e2e.client.viewSubmission({
      teamId: team,
      userId: BOB,
      view: bobModal,
      values: { [kpiBlockId(bobKpi ?? '')]: '24', [COMMENT_BLOCK]: `bob ${ATTACK}` },
    });
    keepInline(late.body, 'Report answer');
    const rewrite = await e2e.slack.waitForCall(
      'chat.update',
      (c) => c.args.channel === channel && c.args.ts === digest.result?.ts,
      15_000,
    );
    const rewritten = JSON.stringify(rewrite.args.blocks);
    expect(rewritten).toContain('alice &lt;!channel&gt;');
    expect(rewritten).toContain('bob &lt;!channel&gt;');

    // Alice opens Report again: her answer and comment come back in the modal.
    const again = await openReport(team, ALICE);
    expect(JSON.stringify(again)).toContain('alice <!channel>');

    // The revision reminder, now with the round's actuals, and App Home.
    const remind = await act.command(team, OWNER, `remind ${id} now`);
    expect(remind.replyText).toContain('revision reminder');
    const isReminder = (c: RecordedCall) =>
      c.args.channel === channel &&
      e2e.slack.calls.indexOf(c) >= from &&
      JSON.stringify(c.args.blocks).includes(ActionIds.planRevise);
    const reminder = await e2e.slack.waitForCall('chat.postMessage', isReminder, 15_000);
    for (const user of [OWNER, ALICE]) {
      const before = e2e.slack.callsTo('views.publish').length;
      await e2e.client.event({
        teamId: team,
        event: { type: 'app_home_opened', user, tab: 'home' },
      });
      await e2e.slack.waitForCall(
        'views.publish',
        (c) => c.args.user_id === user && e2e.slack.callsTo('views.publish').indexOf(c) >= before,
      );
    }

    // --- What Slack would render ---
    const calls = e2e.slack.calls
      .slice(from)
      .filter((c) => /^(chat\.|views\.|response_url)/.test(c.method));
    const texts = [...calls.flatMap(textsOfCall), ...inline];
    const allowed = mentionableIds(doc, standardTemplate());
    expect(allowed).toContain(ALICE);
    console.info(
      `injection (scheduled): ${calls.length} Slack calls and ${inline.length} inline texts, ${texts.length} parsed texts`,
    );
    expect(offences(texts, allowed)).toEqual([]);
    expect(looseAmpersands(texts)).toEqual([]);
    expect(markdownLinks(texts)).toEqual([]);

    // The attack really reached every scheduled surface (the test would prove nothing otherwise).
    const reached = (match: (c: RecordedCall) => boolean) =>
      calls.filter(match).some((c) => textsOfCall(c).some((t) => t.text.includes('evil.example')));
    const viewOf = (c: RecordedCall) => (c.args.view ?? {}) as { callback_id?: string };
    const [checkinDm, nudge] = postsTo(dm(BOB));
    expect({
      checkinDm: reached((c) => c === checkinDm),
      nudge: reached((c) => c === nudge),
      reportModal: reached(
        (c) => c.method === 'views.open' && viewOf(c).callback_id === CallbackIds.checkinReport,
      ),
      settingsModal: reached(
        (c) => c.method === 'views.open' && viewOf(c).callback_id === CallbackIds.scheduleSettings,
      ),
      digest: reached((c) => c === digest),
      digestRewrite: reached((c) => c === rewrite),
      reminder: reached((c) => c === reminder),
      appHome: reached((c) => c.method === 'views.publish' && c.args.user_id === OWNER),
      reportAnswer: inline.some((t) => t.text.includes('evil.example')),
    }).toEqual({
      checkinDm: true,
      nudge: true,
      reportModal: true,
      settingsModal: true,
      digest: true,
      digestRewrite: true,
      reminder: true,
      appHome: true,
      reportAnswer: true,
    });
  }, 60_000);
});
