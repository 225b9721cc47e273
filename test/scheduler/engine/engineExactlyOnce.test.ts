import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import type { JobHandler } from '../../../src/scheduler/engine/contract.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import {
  type RecordedRun,
  recordingHandler,
  startTestEngine,
  type TestEngine,
  testNamespace,
  testWorkspace,
} from './engineHarness.js';

const everyTwoSeconds = ScheduleSpecSchema.parse({
  rule: { kind: 'cron', expression: '*/2 * * * * *' },
  timezone: 'UTC',
});
const T0 = new Date('2027-06-01T10:00:00Z');

let slack: FakeSlackApi;
let engines: TestEngine[] = [];
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(async () => {
  await slack.close();
});
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
  slack.reset();
});

function replicas(count: number, handlers: JobHandler[], settings = {}) {
  const namespace = testNamespace();
  const started = Array.from({ length: count }, (_, i) =>
    startTestEngine({
      namespace,
      handlers,
      slackApiUrl: slack.url,
      replicaId: `r${i}`,
      settings,
    }),
  );
  engines.push(...started);
  return started;
}

const dailyAtTen = ScheduleSpecSchema.parse({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
  timezone: 'UTC',
});

async function addPlan(test: TestEngine, ws: WorkspaceKey, planId: string, spec = everyTwoSeconds) {
  // The cron plans start at T0 (first occurrence T0 + 2 s); the daily one just before its 10:00.
  const created = spec === everyTwoSeconds ? T0 : new Date(+T0 - 1_000);
  const first = spec === everyTwoSeconds ? new Date(+T0 + 2_000) : T0;
  await test.engine.store.upsertSchedule(
    ws,
    planId,
    { kind: 'revision_reminder', target: 'plan', spec },
    created,
    first,
  );
}

describe('exactly once across replicas', () => {
  it('three replicas ticking together run each of 25 occurrences of 20 plans exactly once', async () => {
    const runs: RecordedRun[] = [];
    const handler = recordingHandler('revision_reminder', runs, async (ctx) => {
      // Real work takes time: the other replicas tick meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 2));
      runs.push({ ctx });
    });
    const three = replicas(3, [handler]);
    const ws = testWorkspace();
    const first = three[0];
    if (!first) throw new Error('no replica');
    for (let p = 0; p < 20; p++) await addPlan(first, ws, `p${p}`);
    for (let i = 1; i <= 25; i++) {
      const now = new Date(+T0 + i * 2_000);
      await Promise.all(three.map((r) => r.engine.tickJob.run(now)));
    }
    const keys = runs.map(({ ctx }) => `${ctx.planId} ${ctx.periodKey}`);
    expect(keys).toHaveLength(20 * 25);
    expect(new Set(keys).size).toBe(20 * 25);
  });

  it('a replica dying mid-occurrence: another takes over after the lease, finishing without repeating done steps', async () => {
    let releaseHung: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => {
      releaseHung = resolve;
    });
    let headRecorded: () => void = () => undefined;
    const headDone = new Promise<void>((resolve) => {
      headRecorded = resolve;
    });
    const seenBy: string[] = [];
    const twoSteps = (replica: string): JobHandler => ({
      kind: 'revision_reminder',
      async run(ctx, tools) {
        seenBy.push(replica);
        const head = await tools.once('head', () =>
          tools.postMessage({ channel: 'C0PLAN', text: `reminder ${ctx.periodKey}` }),
        );
        if (replica === 'A') {
          headRecorded();
          await hung;
        }
        await tools.once('thread', () =>
          tools.postMessage({ channel: 'C0PLAN', text: 'details', thread_ts: head.ts }),
        );
      },
    });
    const namespace = testNamespace();
    const settings = { leaseMs: 1_000 };
    const a = startTestEngine({
      namespace,
      handlers: [twoSteps('A')],
      slackApiUrl: slack.url,
      settings,
    });
    const b = startTestEngine({
      namespace,
      handlers: [twoSteps('B')],
      slackApiUrl: slack.url,
      settings,
    });
    engines.push(b);
    const ws = testWorkspace();
    await addPlan(a, ws, 'plan1', dailyAtTen);
    const now = new Date(+T0 + 2_000);
    const aTick = a.engine.tickJob.run(now);
    await headDone;
    // A dies once its first message is sent and recorded: its connection to Redis is gone, so
    // its lease is never renewed again.
    a.redis.disconnect();
    // Within the lease nobody takes over; after it, B does and finishes — even hours later,
    // when catch-up alone would call the occurrence skipped.
    await b.engine.tickJob.run(new Date(+now + 500));
    expect(seenBy).toEqual(['A']);
    await b.engine.tickJob.run(new Date(+now + 20 * 60 * 60_000));
    expect(seenBy).toEqual(['A', 'B']);
    releaseHung();
    await aTick;
    const posts = slack.messages('C0PLAN');
    expect(posts.map((m) => m.text)).toEqual(['reminder 2027-06-01', 'details']);
    expect(posts[1]?.thread_ts).toBe(posts[0]?.ts);
    await a.engine.stop();
  });

  it('a job slower than its lease keeps its claim: renewals stop other replicas taking it over', async () => {
    let runs = 0;
    const slow: JobHandler = {
      kind: 'revision_reminder',
      async run() {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      },
    };
    const [a, b] = replicas(2, [slow], { leaseMs: 300 });
    if (!a || !b) throw new Error('two replicas');
    await addPlan(a, testWorkspace(), 'plan1', dailyAtTen);
    const started = Date.now();
    const clock = () => new Date(+T0 + 2_000 + (Date.now() - started));
    const aRun = a.engine.tickJob.run(clock());
    // B keeps ticking on the same clock for the whole second A works.
    while (Date.now() - started < 1_100) {
      await b.engine.tickJob.run(clock());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await aRun;
    expect(runs).toBe(1);
  });

  it('429 on chat.postMessage: every message still sent once, never above one per second per channel', async () => {
    const handler: JobHandler = {
      kind: 'revision_reminder',
      async run(ctx, tools) {
        await tools.once('post', () =>
          tools.postMessage({ channel: 'C0BUSY', text: `reminder for ${ctx.planId}` }),
        );
      },
    };
    const two = replicas(2, [handler], { channelIntervalMs: 1_200 });
    const ws = testWorkspace();
    const first = two[0];
    if (!first) throw new Error('no replica');
    for (let p = 0; p < 4; p++) await addPlan(first, ws, `p${p}`);
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 2);
    const now = new Date(+T0 + 2_000);
    await Promise.all(two.map((r) => r.engine.tickJob.run(now)));
    const texts = slack
      .messages('C0BUSY')
      .map((m) => m.text)
      .sort();
    expect(texts).toEqual([0, 1, 2, 3].map((p) => `reminder for p${p}`));
    expect(slack.callsTo('chat.postMessage').length).toBe(4 + 2);
    expect(slack.maxPostsPerSecond('C0BUSY')).toBeLessThanOrEqual(1);
  }, 30_000);
});
