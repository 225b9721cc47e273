import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import type { JobHandler } from '../../../src/scheduler/engine/contract.js';
import { bucketOf } from '../../../src/store/redis/scheduleKeys.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import { startTestEngine, type TestEngine, testNamespace, testWorkspace } from './engineHarness.js';

/**
 * One workspace with many due plans (Slack paces its posts) does not hold up the others: claims
 * are taken from the due buckets in turn, jobs are started one workspace at a time in turn, and a
 * job waiting for its workspace's pace gives its slot up meanwhile.
 */

const dailyAtTen = ScheduleSpecSchema.parse({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
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

/** `count` workspaces, all in one claim bucket or each in a different one. */
function workspacesIn(buckets: 'one bucket' | 'distinct buckets', count: number): WorkspaceKey[] {
  const chosen: WorkspaceKey[] = [];
  while (chosen.length < count) {
    const ws = testWorkspace();
    const first = chosen[0];
    const fits =
      buckets === 'one bucket'
        ? first === undefined || bucketOf(first) === bucketOf(ws)
        : !chosen.some((other) => bucketOf(other) === bucketOf(ws));
    if (fits) chosen.push(ws);
  }
  return chosen;
}

async function addPlans(
  test: TestEngine,
  ws: WorkspaceKey,
  prefix: string,
  count: number,
  due = T0,
) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      test.engine.store.upsertSchedule(
        ws,
        `${prefix}${i}`,
        { kind: 'revision_reminder', target: 'plan', spec: dailyAtTen },
        new Date(+due - 1_000),
        due,
      ),
    ),
  );
}

describe('fairness across workspaces', () => {
  it.each([
    // Claimed all at once, then started one workspace at a time in turn, though the big
    // workspace's plans are all more overdue (claims come most overdue first within a bucket).
    ['one bucket, every claim fits in the queue', 'one bucket', 10_000],
    // Claimed one batch per bucket in turn, while the queue holds only four.
    ['three buckets, four claims held at a time', 'distinct buckets', 4],
  ] as const)(
    'one job slot, a workspace with 30 due plans and two with 3: the small ones are not served last (%s)',
    async (_, buckets, maxClaimsHeld) => {
      const started: string[] = [];
      const handler: JobHandler = {
        kind: 'revision_reminder',
        async run(ctx) {
          started.push(ctx.planId);
        },
      };
      const test = startTestEngine({
        namespace: testNamespace(),
        handlers: [handler],
        settings: { maxConcurrentJobs: 1, maxClaimsHeld },
      });
      engines.push(test);
      const [big, small1, small2] = workspacesIn(buckets, 3) as [
        WorkspaceKey,
        WorkspaceKey,
        WorkspaceKey,
      ];
      await addPlans(test, big, 'big', 30, new Date(+T0 - 60_000));
      await addPlans(test, small1, 'one', 3);
      await addPlans(test, small2, 'two', 3);
      await test.engine.tickJob.run(new Date(+T0 + 500));
      expect(started).toHaveLength(36);
      // In turns, the six small-workspace plans are among the first dozen started, not the last six.
      const lastSmall = Math.max(
        ...started.flatMap((planId, i) => (planId.startsWith('big') ? [] : [i])),
      );
      expect(lastSmall).toBeLessThan(12);
    },
  );

  it('a crowded workspace (posts paced at one per 200 ms) does not hold the only job slot: six other workspaces post meanwhile', async () => {
    const handler: JobHandler = {
      kind: 'revision_reminder',
      async run(ctx, tools) {
        await tools.once('post', () =>
          tools.postMessage({ channel: `C0${ctx.planId.toUpperCase()}`, text: ctx.planId }),
        );
      },
    };
    const test = startTestEngine({
      namespace: testNamespace(),
      handlers: [handler],
      slackApiUrl: slack.url,
      settings: { maxConcurrentJobs: 1 },
    });
    engines.push(test);
    await addPlans(test, testWorkspace(), 'crowd', 5);
    for (let w = 0; w < 6; w++) await addPlans(test, testWorkspace(), `other${w}x`, 1);
    await test.engine.tickJob.run(new Date(+T0 + 500));
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(11);
    const crowdTimes = posts
      .filter((call) => String(call.args.text).startsWith('crowd'))
      .map((call) => call.at)
      .sort((x, y) => x - y);
    const othersDone = Math.max(
      ...posts.filter((call) => String(call.args.text).startsWith('other')).map((call) => call.at),
    );
    // The crowded workspace's third post is ≥ 400 ms after its first; every other workspace's
    // post went out before it, instead of each waiting behind a crowded job asleep in the slot.
    expect(othersDone).toBeLessThan(crowdTimes[2] as number);
  });
});
