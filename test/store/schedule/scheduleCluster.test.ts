import type { Cluster } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { JobHandler } from '../../../src/scheduler/engine/contract.js';
import { createSchedulerEngine } from '../../../src/scheduler/engine/createSchedulerEngine.js';
import { backgroundClient, testWorkspace } from '../../scheduler/engine/engineHarness.js';
import { useTestCluster } from '../../support/redis/testCluster.js';

/**
 * The engine on a real 3-master Redis Cluster: its scripts touch one slot each (a bucket's or a
 * workspace's), so claims, steps, completion and pacing all work with schedules spread over every
 * master. A cross-slot mistake fails here with CROSSSLOT.
 */
describe('scheduler engine on Redis Cluster', () => {
  const cluster = useTestCluster();
  // A private prefix: the cluster may be shared (TEST_REDIS_CLUSTER_NODES).
  const connect = (): Cluster => cluster.connect({ keyPrefix: `t${Date.now().toString(36)}:` });

  it('three replicas run each occurrence of 60 plans in 12 workspaces exactly once', async () => {
    const seen: string[] = [];
    const handler: JobHandler = {
      kind: 'revision_reminder',
      async run(ctx, tools) {
        seen.push(`${ctx.ws}/${ctx.planId}/${ctx.periodKey}`);
        await tools.once('note', async () => ({ at: ctx.now.toISOString() }));
        await tools.defer({
          kind: 'checkin_digest',
          target: 'r1',
          periodKey: ctx.periodKey,
          at: ctx.now,
        });
      },
    };
    const client = connect();
    const logger = createLogger({ level: 'warn', write: () => undefined });
    const engines = [0, 1, 2].map(() =>
      createSchedulerEngine({
        redis: client,
        client: backgroundClient(),
        logger,
        handlers: [handler],
      }),
    );
    const spec = ScheduleSpecSchema.parse({
      rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
      timezone: 'Europe/London',
    });
    const t0 = new Date('2027-06-01T08:00:00Z');
    const workspaces = Array.from({ length: 12 }, () => testWorkspace());
    for (let p = 0; p < 60; p++) {
      const ws = workspaces[p % workspaces.length] ?? workspaces[0];
      if (!ws) throw new Error('no workspace');
      await engines[0]?.store.upsertSchedule(
        ws,
        `plan${p}`,
        { kind: 'revision_reminder', target: 'plan', spec },
        t0,
        new Date('2027-06-01T09:00:00Z'),
      );
    }
    for (const day of ['2027-06-01', '2027-06-02']) {
      const now = new Date(`${day}T09:00:10Z`);
      await Promise.all(engines.map((e) => e.tickJob.run(now)));
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(await engines[0]?.store.acquireTick('tick:a', 1_000, 'r0')).toBe(true);
    expect(await engines[1]?.store.acquireTick('tick:a', 1_000, 'r1')).toBe(false);
    // Pacing gates live in each workspace's slot.
    const store = engines[0]?.store;
    const ws = workspaces[0];
    if (!store || !ws) throw new Error('no store');
    expect(await store.acquireGate(ws, 'c:C1', 5_000)).toEqual({ waitMs: 0, held: false });
    expect(await store.acquireGate(ws, 'c:C1', 5_000)).toMatchObject({ held: true });
    await store.releaseGate(ws, 'c:C1', new Date(Date.now() - 1));
    expect(await store.acquireGate(ws, 'c:C1', 5_000)).toEqual({ waitMs: 0, held: false });
    expect(await store.reserveSlot(ws, 'm:chat.update', 1_000)).toBe(0);
    expect(await store.reserveSlot(ws, 'm:chat.update', 1_000)).toBeGreaterThan(900);
    await Promise.all(engines.map((e) => e.stop()));
  }, 60_000);
});
