import { afterEach, describe, expect, it } from 'vitest';
import {
  type ScheduleSpecInput,
  ScheduleSpecSchema,
  toLocal,
} from '../../../src/domain/schedule/index.js';
import {
  type RecordedRun,
  recordingHandler,
  startTestEngine,
  type TestEngine,
  testNamespace,
  testWorkspace,
} from './engineHarness.js';

/**
 * DST through a controlled clock: the engine ticks every 10 minutes across a transition and each
 * local day gets exactly one run, at the intended local time or the next valid one.
 */

const TICK_MS = 10 * 60_000;
/** Weekly schedules over a month: hourly ticks keep the test quick. */
const HOUR = 60 * 60_000;
let engines: TestEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

async function runThrough(
  input: ScheduleSpecInput,
  fromIso: string,
  toIso: string,
  tickMs = TICK_MS,
) {
  const runs: RecordedRun[] = [];
  const test = startTestEngine({
    namespace: testNamespace(),
    handlers: [recordingHandler('revision_reminder', runs)],
    // A tick every 10 minutes: an occurrence is at most that late and still counts as on time.
    settings: { onTimeMs: tickMs },
  });
  engines.push(test);
  const spec = ScheduleSpecSchema.parse(input);
  const from = new Date(fromIso);
  const ws = testWorkspace();
  await test.engine.store.upsertSchedule(
    ws,
    'plan1',
    { kind: 'revision_reminder', target: 'plan', spec },
    from,
    from,
  );
  for (let t = +from; t <= +new Date(toIso); t += tickMs) {
    await test.engine.tickJob.run(new Date(t));
  }
  return runs.map(({ ctx }) => {
    const local = toLocal(ctx.scheduledAt, spec.timezone);
    expect(ctx.late).toBe(false);
    expect(+ctx.now - +ctx.scheduledAt).toBeLessThan(tickMs);
    expect(ctx.trigger).toBe('schedule');
    return `${ctx.periodKey} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  });
}

const daily = (hour: number, minute: number, timezone: string): ScheduleSpecInput => ({
  rule: { kind: 'preset', preset: 'daily', hour, minute },
  timezone,
});

describe('scheduler engine across daylight-saving changes', () => {
  it('America/New_York spring forward: 02:30 does not exist on Mar 14, it runs once at 03:00', async () => {
    const runs = await runThrough(
      daily(2, 30, 'America/New_York'),
      '2027-03-12T12:00:00Z',
      '2027-03-16T12:00:00Z',
    );
    expect(runs).toEqual([
      '2027-03-13 02:30',
      '2027-03-14 03:00',
      '2027-03-15 02:30',
      '2027-03-16 02:30',
    ]);
  });

  it('America/New_York fall back: 01:30 happens twice on Nov 7, it runs only the first time', async () => {
    const runs = await runThrough(
      daily(1, 30, 'America/New_York'),
      '2027-11-05T12:00:00Z',
      '2027-11-08T12:00:00Z',
    );
    expect(runs).toEqual(['2027-11-06 01:30', '2027-11-07 01:30', '2027-11-08 01:30']);
  });

  it('America/New_York weekly on Sunday 02:30 across the spring-forward Sunday', async () => {
    const runs = await runThrough(
      {
        rule: { kind: 'preset', preset: 'weekly', weekday: 7, hour: 2, minute: 30 },
        timezone: 'America/New_York',
      },
      '2027-03-01T00:00:00Z',
      '2027-03-29T00:00:00Z',
      HOUR,
    );
    expect(runs).toEqual(['2027-W09 02:30', '2027-W10 03:00', '2027-W11 02:30', '2027-W12 02:30']);
  });

  it('Asia/Shanghai (no DST): weekly Monday 10:00, one run per ISO week', async () => {
    const runs = await runThrough(
      {
        rule: { kind: 'preset', preset: 'weekly', weekday: 1, hour: 10, minute: 0 },
        timezone: 'Asia/Shanghai',
      },
      '2027-03-01T00:00:00Z',
      '2027-03-22T03:00:00Z',
      HOUR,
    );
    expect(runs).toEqual(['2027-W09 10:00', '2027-W10 10:00', '2027-W11 10:00', '2027-W12 10:00']);
  });

  it('Australia/Sydney: 02:30 skipped forward on Oct 3, run once on the repeated Apr 4', async () => {
    const october = await runThrough(
      daily(2, 30, 'Australia/Sydney'),
      '2027-10-01T12:00:00Z',
      '2027-10-04T12:00:00Z',
    );
    expect(october).toEqual(['2027-10-02 02:30', '2027-10-03 03:00', '2027-10-04 02:30']);
    const april = await runThrough(
      daily(2, 30, 'Australia/Sydney'),
      '2027-04-02T12:00:00Z',
      '2027-04-05T12:00:00Z',
    );
    expect(april).toEqual(['2027-04-03 02:30', '2027-04-04 02:30', '2027-04-05 02:30']);
  });
});
