import { afterEach, describe, expect, it } from 'vitest';
import { createPlan, type Plan } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import type { JobHandler } from '../../../src/scheduler/engine/contract.js';
import {
  type RecordedRun,
  recordingHandler,
  startTestEngine,
  type TestEngine,
  testNamespace,
  testWorkspace,
} from './engineHarness.js';

/** On-demand runs, deferred follow-ups, plan sync and stop(). */

const template = builtinTemplates().get('standard');
if (!template) throw new Error('standard template missing');

function planWithKpis(ids: string[]): Plan {
  return {
    ...createPlan({
      title: 'Checkout revamp',
      templateId: 'standard',
      stage: 'growth',
      audience: 'team',
      period: { start: '2027-01-04', end: '2027-12-31' },
      owner: 'U0OWNER',
      language: 'en',
      timezone: 'Asia/Shanghai',
    }),
    sections: {
      results: {
        kpis: ids.map((id) => ({
          id,
          name: id.toUpperCase(),
          direction: 'increase',
          owner: 'U0KPI',
        })),
      },
    },
  };
}

let engines: TestEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

function engineWith(handlers: JobHandler[], namespace = testNamespace()) {
  const test = startTestEngine({ namespace, handlers });
  engines.push(test);
  return test.engine;
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('plan schedules', () => {
  it('sync creates a revision schedule and one check-in per KPI; removing a KPI removes its schedule', async () => {
    const engine = engineWith([]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T00:00:00Z');
    await engine.syncPlanSchedules(ws, 'plan1', {
      plan: planWithKpis(['gmv', 'nps']),
      template,
      now,
    });
    const targets = async () =>
      (await engine.store.listPlanSchedules(ws, 'plan1')).map((s) => `${s.kind}:${s.target}`);
    expect(await targets()).toEqual([
      'kpi_checkin:gmv',
      'kpi_checkin:nps',
      'revision_reminder:plan',
    ]);
    await engine.syncPlanSchedules(ws, 'plan1', { plan: planWithKpis(['gmv']), template, now });
    expect(await targets()).toEqual(['kpi_checkin:gmv', 'revision_reminder:plan']);
  });

  it('saved settings change the spec at the next sync: timezone, a KPI override, pause', async () => {
    const engine = engineWith([]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T00:00:00Z');
    await engine.saveSettings(ws, 'plan1', {
      timezone: 'America/New_York',
      kpis: { gmv: { rule: { kind: 'cron', expression: '0 9 * * 1-5' } } },
      revision: { paused: true },
    });
    expect(await engine.getSettings(ws, 'plan1')).toMatchObject({ timezone: 'America/New_York' });
    await engine.syncPlanSchedules(ws, 'plan1', {
      plan: planWithKpis(['gmv', 'nps']),
      template,
      now,
    });
    const byTarget = new Map(
      (await engine.store.listPlanSchedules(ws, 'plan1')).map((s) => [s.target, s]),
    );
    const spec = (target: string) => {
      const s = byTarget.get(target);
      return s?.type === 'recurring' ? s.spec : undefined;
    };
    expect(spec('gmv')).toMatchObject({
      rule: { kind: 'cron', expression: '0 9 * * 1-5' },
      timezone: 'America/New_York',
    });
    expect(spec('nps')).toMatchObject({
      rule: { preset: 'weekly', weekday: 1 },
      timezone: 'America/New_York',
    });
    expect(spec('plan')).toMatchObject({ paused: true });
  });

  it('refuses settings that fail validation, storing nothing', async () => {
    const engine = engineWith([]);
    const ws = testWorkspace();
    await expect(engine.saveSettings(ws, 'plan1', { checkInWindowHours: 0 })).rejects.toMatchObject(
      { code: 'invalid_input' },
    );
    expect(await engine.getSettings(ws, 'plan1')).toEqual({});
  });
});

describe('on demand and deferred jobs', () => {
  it('remind now runs once through the same path; the same command again within the minute does nothing', async () => {
    const runs: RecordedRun[] = [];
    const engine = engineWith([recordingHandler('revision_reminder', runs)]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T08:15:10Z');
    await engine.syncPlanSchedules(ws, 'plan1', { plan: planWithKpis([]), template, now });
    expect(await engine.triggerNow(ws, 'plan1', 'revision_reminder', undefined, now)).toEqual({
      state: 'started',
      targets: ['plan'],
    });
    expect(
      await engine.triggerNow(ws, 'plan1', 'revision_reminder', undefined, new Date(+now + 30_000)),
    ).toEqual({ state: 'duplicate' });
    await until(() => runs.length === 1);
    expect(runs[0]?.ctx).toMatchObject({
      trigger: 'on_demand',
      periodKey: 'now-2027-03-01T08:15',
      late: false,
      target: 'plan',
    });
    // A later tick does not run it again.
    await engine.tickJob.run(new Date(+now + 60_000));
    expect(runs).toHaveLength(1);
  });

  it('check-in now covers every KPI of the plan; a plan without schedules says so', async () => {
    const runs: RecordedRun[] = [];
    const engine = engineWith([recordingHandler('kpi_checkin', runs)]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T08:15:10Z');
    await engine.syncPlanSchedules(ws, 'plan1', {
      plan: planWithKpis(['gmv', 'nps']),
      template,
      now,
    });
    expect(await engine.triggerNow(ws, 'plan1', 'kpi_checkin', undefined, now)).toEqual({
      state: 'started',
      targets: ['gmv', 'nps'],
    });
    await until(() => runs.length === 2);
    expect(runs.map((r) => r.ctx.target).sort()).toEqual(['gmv', 'nps']);
    expect(await engine.triggerNow(ws, 'other', 'kpi_checkin', undefined, now)).toEqual({
      state: 'no_schedule',
    });
  });

  it('a deferred follow-up runs once at its time with its payload, however often it was deferred', async () => {
    const nudges: RecordedRun[] = [];
    const payloads: unknown[] = [];
    const checkin: JobHandler = {
      kind: 'kpi_checkin',
      async run(ctx, tools) {
        for (let i = 0; i < 2; i++) {
          await tools.defer({
            kind: 'checkin_nudge',
            target: `round-${ctx.periodKey}`,
            periodKey: ctx.periodKey,
            at: new Date(+ctx.scheduledAt + 20 * 3600_000),
            payload: { missing: ['U0KPI'] },
          });
        }
      },
    };
    const nudge = recordingHandler('checkin_nudge', nudges, async (ctx, tools) => {
      nudges.push({ ctx });
      payloads.push(tools.payload);
    });
    const engine = engineWith([checkin, nudge]);
    const ws = testWorkspace();
    const created = new Date('2027-03-01T00:00:00Z');
    await engine.syncPlanSchedules(ws, 'plan1', {
      plan: planWithKpis(['gmv']),
      template,
      now: created,
    });
    // Monday 2027-03-01 10:00 Shanghai = 02:00Z.
    await engine.tickJob.run(new Date('2027-03-01T02:00:05Z'));
    await engine.tickJob.run(new Date('2027-03-01T21:59:00Z'));
    expect(nudges).toHaveLength(0);
    await engine.tickJob.run(new Date('2027-03-01T22:00:01Z'));
    await engine.tickJob.run(new Date('2027-03-01T22:05:00Z'));
    expect(nudges.map((n) => n.ctx.target)).toEqual(['round-2027-W09']);
    expect(payloads).toEqual([{ missing: ['U0KPI'] }]);
  });

  it('asked for now, a deferred job of the same period runs now, once, not again at its time', async () => {
    const digests: RecordedRun[] = [];
    const checkin: JobHandler = {
      kind: 'kpi_checkin',
      async run(ctx, tools) {
        await tools.defer({
          kind: 'checkin_digest',
          target: `round-${ctx.target}`,
          periodKey: ctx.periodKey,
          at: new Date(+ctx.now + 24 * 3600_000),
        });
      },
    };
    const engine = engineWith([checkin, recordingHandler('checkin_digest', digests)]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T08:15:10Z');
    await engine.syncPlanSchedules(ws, 'plan1', { plan: planWithKpis(['gmv']), template, now });
    await engine.triggerNow(ws, 'plan1', 'kpi_checkin', undefined, now);
    await engine.tickJob.run(now);
    // The last owner answered: the digest is asked for in the same minute the round started.
    const asked = new Date(+now + 20_000);
    expect(await engine.triggerNow(ws, 'plan1', 'checkin_digest', 'round-gmv', asked)).toEqual({
      state: 'started',
      targets: ['round-gmv'],
    });
    await until(() => digests.length === 1);
    expect(await engine.triggerNow(ws, 'plan1', 'checkin_digest', 'round-gmv', asked)).toEqual({
      state: 'duplicate',
    });
    await engine.tickJob.run(new Date(+now + 25 * 3600_000));
    expect(digests).toHaveLength(1);
  });

  it('stop() lets a running job finish and claims nothing afterwards', async () => {
    const runs: RecordedRun[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered: () => void = () => undefined;
    const running = new Promise<void>((r) => {
      entered = r;
    });
    const slow = recordingHandler('revision_reminder', runs, async (ctx) => {
      entered();
      await gate;
      runs.push({ ctx });
    });
    const engine = engineWith([slow]);
    const ws = testWorkspace();
    const now = new Date('2027-03-01T08:15:10Z');
    await engine.syncPlanSchedules(ws, 'plan1', { plan: planWithKpis([]), template, now });
    await engine.triggerNow(ws, 'plan1', 'revision_reminder', undefined, now);
    await running;
    const stopped = engine.stop();
    release();
    await stopped;
    expect(runs).toHaveLength(1);
    await engine.tickJob.run(new Date('2028-01-01T00:00:00Z'));
    expect(runs).toHaveLength(1);
  });
});
