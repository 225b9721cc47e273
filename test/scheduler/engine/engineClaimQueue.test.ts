import { afterEach, describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import type { JobHandler } from '../../../src/scheduler/engine/contract.js';
import type { SchedulerEngineSettings } from '../../../src/scheduler/engine/createSchedulerEngine.js';
import type { WorkspaceKey } from '../../../src/store/workspaceKey.js';
import {
  logsWith,
  startTestEngine,
  type TestEngine,
  testNamespace,
  testWorkspace,
} from './engineHarness.js';

/**
 * A replica claims everything due at once and queues it for its job slots: the claims are its own
 * (leases renewed while they wait) until they run, it stops (they are given back at once), or it
 * dies (another replica takes them after the lease and runs each once).
 */

const dailyAtTen = ScheduleSpecSchema.parse({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
  timezone: 'UTC',
});
const T0 = new Date('2027-06-01T10:00:00Z');

let engines: TestEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

/** Two replicas on one namespace; `handler(replica)` builds each one's handler. */
function twoReplicas(
  handler: (replica: string) => JobHandler,
  settings: Partial<SchedulerEngineSettings>,
): [TestEngine, TestEngine] {
  const namespace = testNamespace();
  const [a, b] = ['A', 'B'].map((replica) =>
    startTestEngine({ namespace, handlers: [handler(replica)], replicaId: replica, settings }),
  ) as [TestEngine, TestEngine];
  engines.push(a, b);
  return [a, b];
}

/** `count` plans spread over five workspaces (so over several buckets), all due at T0. */
async function seed(test: TestEngine, count: number): Promise<void> {
  const workspaces: WorkspaceKey[] = Array.from({ length: 5 }, testWorkspace);
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      test.engine.store.upsertSchedule(
        workspaces[i % workspaces.length] as WorkspaceKey,
        `p${i}`,
        { kind: 'revision_reminder', target: 'plan', spec: dailyAtTen },
        new Date(+T0 - 1_000),
        T0,
      ),
    ),
  );
}

/** The replicas' shared clock: the test's instant, moving on with real time (leases do). */
function realClock() {
  const started = Date.now();
  return () => new Date(+T0 + 500 + (Date.now() - started));
}

async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
}

/**
 * A handler recording `<replica> <planId>` once per occurrence; the first run on replica A waits
 * for `release` before doing anything (so A holds one running claim and queues the rest).
 */
function blockingFirstRun() {
  const runs: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered: () => void = () => undefined;
  const firstEntered = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let blocked = false;
  const handler = (replica: string): JobHandler => ({
    kind: 'revision_reminder',
    async run(ctx, tools) {
      if (replica === 'A' && !blocked) {
        blocked = true;
        entered();
        await released;
      }
      await tools.once('record', async () => runs.push(`${replica} ${ctx.planId}`));
    },
  });
  return { runs, handler, release, firstEntered };
}

describe('claims queued ahead of job slots', () => {
  it('one job slot, 500 due: all are claimed while the first job runs, and stay claimed past their lease', async () => {
    const { runs, handler, release, firstEntered } = blockingFirstRun();
    const leaseMs = 300;
    const [a, b] = twoReplicas(handler, { maxConcurrentJobs: 1, leaseMs });
    await seed(a, 500);
    const clock = realClock();
    const aTick = a.engine.tickJob.run(clock());
    await firstEntered;
    // Nothing due is left unclaimed, though only one job has started.
    await until(async () => (await a.engine.store.dueBuckets(clock())).length === 0);
    expect(runs).toEqual([]);
    // Three leases later another replica still finds nothing: A renews what it has queued.
    const waitedFrom = Date.now();
    while (Date.now() - waitedFrom < 3 * leaseMs) {
      await b.engine.tickJob.run(clock());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs).toEqual([]);
    release();
    await aTick;
    expect(runs).toHaveLength(500);
    expect(new Set(runs).size).toBe(500);
    expect(runs.every((run) => run.startsWith('A '))).toBe(true);
  });

  it('stop() gives queued claims back at once: another replica runs them before their lease ends', async () => {
    const { runs, handler, release, firstEntered } = blockingFirstRun();
    // A lease far longer than the test: B can only get them because A gave them back.
    const [a, b] = twoReplicas(handler, { maxConcurrentJobs: 1, leaseMs: 60_000 });
    await seed(a, 50);
    const clock = realClock();
    const aTick = a.engine.tickJob.run(clock());
    await firstEntered;
    await until(async () => (await a.engine.store.dueBuckets(clock())).length === 0);
    const stopped = a.engine.stop();
    await until(() => logsWith(a.logs, 'gave queued schedule claims back on stop').length === 1);
    await b.engine.tickJob.run(clock());
    expect(runs.filter((run) => run.startsWith('B '))).toHaveLength(49);
    // The job A had started finishes (stop waits for it); A starts nothing else.
    release();
    await stopped;
    await aTick;
    expect(runs.filter((run) => run.startsWith('A '))).toHaveLength(1);
    expect(new Set(runs.map((run) => run.slice(2))).size).toBe(50);
  });

  it('a replica dying with claims queued: another takes them all after the lease and runs each once', async () => {
    const { runs, handler, release, firstEntered } = blockingFirstRun();
    const [a, b] = twoReplicas(handler, { maxConcurrentJobs: 1, leaseMs: 300 });
    await seed(a, 100);
    const clock = realClock();
    const aTick = a.engine.tickJob.run(clock());
    await firstEntered;
    await until(async () => (await a.engine.store.dueBuckets(clock())).length === 0);
    // A loses Redis (as good as dead): it renews nothing from here on.
    a.redis.disconnect();
    for (let i = 0; i < 100 && runs.length < 100; i++) {
      await b.engine.tickJob.run(clock());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await aTick;
    expect(runs).toHaveLength(100);
    expect(new Set(runs).size).toBe(100);
    expect(runs.every((run) => run.startsWith('B '))).toBe(true);
  });
});
