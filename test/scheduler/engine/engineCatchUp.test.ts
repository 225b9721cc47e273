import { afterEach, describe, expect, it } from 'vitest';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/index.js';
import { bucketOf, recurringId, scheduleKey } from '../../../src/store/redis/scheduleKeys.js';
import {
  logsWith,
  type RecordedRun,
  recordingHandler,
  startTestEngine,
  type TestEngine,
  testNamespace,
  testWorkspace,
} from './engineHarness.js';

/** Downtime: one late send inside the grace window, none outside, skipped ones logged. */

const HOUR = 60 * 60_000;
const spec = ScheduleSpecSchema.parse({
  rule: { kind: 'preset', preset: 'daily', hour: 10, minute: 0 },
  timezone: 'UTC',
});

let test: TestEngine | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function setUp(createdIso: string) {
  const runs: RecordedRun[] = [];
  test = startTestEngine({
    namespace: testNamespace(),
    handlers: [recordingHandler('revision_reminder', runs)],
    settings: { graceMs: 6 * HOUR },
  });
  const created = new Date(createdIso);
  const ws = testWorkspace();
  await test.engine.store.upsertSchedule(
    ws,
    'plan1',
    { kind: 'revision_reminder', target: 'plan', spec },
    created,
    new Date('2027-06-01T10:00:00Z'),
  );
  const engine = test.engine;
  const tick = (iso: string) => engine.tickJob.run(new Date(iso));
  const sent = () => runs.map(({ ctx }) => `${ctx.periodKey}${ctx.late ? ' late' : ''}`);
  return { tick, sent, logs: test.logs, ws };
}

describe('catch-up after downtime', () => {
  it('sends a missed occurrence once, marked late, when ticking resumes inside the grace window', async () => {
    const { tick, sent } = await setUp('2027-06-01T08:00:00Z');
    await tick('2027-06-01T09:59:00Z');
    // Down from 09:59 to 13:00: the 10:00 occurrence is 3 h old, inside the 6 h window.
    await tick('2027-06-01T13:00:00Z');
    await tick('2027-06-01T13:01:00Z');
    await tick('2027-06-02T10:00:20Z');
    expect(sent()).toEqual(['2027-06-01 late', '2027-06-02']);
  });

  it('after days down: only the newest missed occurrence inside the window; older ones are logged as skipped', async () => {
    const { tick, sent, logs } = await setUp('2027-06-01T08:00:00Z');
    await tick('2027-06-01T10:00:05Z');
    // Down for four days; back at 12:00 on June 5 (its 10:00 is 2 h old).
    await tick('2027-06-05T12:00:00Z');
    expect(sent()).toEqual(['2027-06-01', '2027-06-05 late']);
    const skipped = logsWith(logs, 'scheduled occurrence skipped: older than the grace window');
    expect(skipped.map((l) => l.periodKey)).toEqual(['2027-06-02', '2027-06-03', '2027-06-04']);
  });

  it('sends nothing for an occurrence older than the grace window, and carries on with the next one', async () => {
    const { tick, sent, logs } = await setUp('2027-06-01T08:00:00Z');
    await tick('2027-06-01T10:00:05Z');
    // Back at 17:00 on June 2: its 10:00 is 7 h old, outside the 6 h window.
    await tick('2027-06-02T17:00:00Z');
    await tick('2027-06-02T23:00:00Z');
    expect(sent()).toEqual(['2027-06-01']);
    const skipped = logsWith(logs, 'scheduled occurrence skipped: older than the grace window');
    expect(skipped.map((l) => l.periodKey)).toEqual(['2027-06-02']);
    await tick('2027-06-03T10:00:10Z');
    expect(sent()).toEqual(['2027-06-01', '2027-06-03']);
  });

  it('an unreadable schedule record is logged and set aside, not retried every lease', async () => {
    const { tick, sent, logs, ws } = await setUp('2027-06-01T08:00:00Z');
    const redis = test?.redis;
    if (!redis) throw new Error('no engine');
    const sid = recurringId({ ws, planId: 'plan1', kind: 'revision_reminder', target: 'plan' });
    await redis.hset(scheduleKey(bucketOf(ws), sid), 'spec', '{not json');
    await tick('2027-06-01T10:00:05Z');
    await tick('2027-06-01T10:00:15Z');
    await tick('2027-06-01T10:30:00Z');
    expect(sent()).toEqual([]);
    expect(logsWith(logs, 'schedule record unreadable; parked for an hour')).toHaveLength(1);
  });

  it('a schedule created after its occurrence today does not send it late', async () => {
    const { tick, sent } = await setUp('2027-06-01T11:00:00Z');
    await tick('2027-06-01T11:00:30Z');
    await tick('2027-06-02T10:00:30Z');
    expect(sent()).toEqual(['2027-06-02']);
  });
});
