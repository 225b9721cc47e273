import { describe, expect, it } from 'vitest';
import { checkinDigestJob } from '../../../src/scheduler/jobs/checkinDigestJob.js';
import { checkinNudgeJob } from '../../../src/scheduler/jobs/checkinNudgeJob.js';
import { kpiCheckinJob } from '../../../src/scheduler/jobs/kpiCheckinJob.js';
import { publishDigest } from '../../../src/services/checkins/digestPublisher.js';
import { submitReport } from '../../../src/services/checkins/reportService.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { generateDraftId } from '../../../src/store/draftId.js';
import { checkinRoundKey } from '../../../src/store/redis/kpiValuesKeys.js';
import { freshId, INJECTION, kpi, planWith, publish } from './support/checkinFixtures.js';
import { useContentHarness } from './support/contentHarness.js';

const T0 = new Date('2027-01-04T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
const HOUR = 3600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const dm = (user: string) => `D${user.slice(1)}`;

const h = useContentHarness();

function textOf(message: { text?: unknown; blocks?: unknown }): string {
  return `${String(message.text ?? '')}\n${JSON.stringify(message.blocks ?? [])}`;
}

async function setUp() {
  const ws = h.newWorkspace();
  const planId = generateDraftId();
  const ALICE = freshId('U');
  const BOB = freshId('U');
  const CHANNEL = freshId('C');
  const plan = planWith({
    channel: CHANNEL,
    kpis: [
      kpi('orders', { owner: ALICE, name: `Orders ${INJECTION}` }),
      kpi('churn', { owner: ALICE, direction: 'stay_below', baseline: 5, target: 3, unit: '%' }),
      kpi('nps', { owner: BOB, baseline: 20, target: 40, unit: 'pts' }),
      kpi('cash', { name: 'Cash runway' }),
    ],
  });
  await publish(h.published, ws, planId, plan);
  const runner = h.runner();
  const job = { ws, planId, periodKey: '2027-W01', now: T0 };
  return { ws, planId, runner, job, ALICE, BOB, CHANNEL };
}

describe('a KPI check-in round, handlers on real Redis and the fake Slack', () => {
  it('DMs each owner once, nudges only the missing owner, posts the digest at close and updates it for a late answer', async () => {
    const { ws, planId, runner, job, ALICE, BOB, CHANNEL } = await setUp();
    const ref = { planId, roundId: '2027-W01~orders' };

    // Every KPI's job fires; the first KPI leads the round, the others are covered by it.
    for (const target of ['orders', 'churn', 'nps', 'cash']) {
      await runner.run(kpiCheckinJob(h.deps), { ...job, target });
    }
    await runner.run(kpiCheckinJob(h.deps), { ...job, target: 'orders' }); // a re-run sends nothing
    expect(h.slack.messages(dm(ALICE))).toHaveLength(1);
    expect(h.slack.messages(dm(BOB))).toHaveLength(1);
    const aliceDm = h.slack.messages(dm(ALICE))[0];
    expect(textOf(aliceDm ?? {})).toContain(ActionIds.checkinReport);
    expect(textOf(aliceDm ?? {})).toContain('2 KPIs');
    expect(textOf(aliceDm ?? {})).not.toContain('<!channel>');
    expect(runner.deferredOf('checkin_nudge').at).toEqual(at(20));
    expect(runner.deferredOf('checkin_digest').at).toEqual(at(24));
    expect(runner.deferredOf('checkin_digest').target).toBe(ref.roundId);

    const alice = await submitReport(
      h.deps,
      ws,
      ALICE,
      ref,
      {
        values: { orders: 150, churn: 3.2 },
        comment: `Launch went well ${INJECTION}`,
        confidence: 'high',
      },
      at(1),
    );
    expect(alice).toMatchObject({ kind: 'recorded', followUp: 'none' });

    // Before the window closes with an owner missing, the digest waits.
    const digest = checkinDigestJob(h.deps);
    await runner.run(digest, { ...job, target: ref.roundId, now: at(2), trigger: 'on_demand' });
    expect(h.slack.messages(CHANNEL)).toHaveLength(0);

    const nudge = runner.deferredOf('checkin_nudge');
    await runner.run(checkinNudgeJob(h.deps), { ...job, target: nudge.target, now: nudge.at });
    await runner.run(checkinNudgeJob(h.deps), { ...job, target: nudge.target, now: at(21) });
    expect(h.slack.messages(dm(ALICE))).toHaveLength(1);
    expect(h.slack.messages(dm(BOB))).toHaveLength(2);
    expect(textOf(h.slack.messages(dm(BOB))[1] ?? {})).toContain('Reminder');

    const close = runner.deferredOf('checkin_digest');
    await runner.run(digest, { ...job, target: close.target, now: close.at });
    const posted = h.slack.messages(CHANNEL);
    expect(posted).toHaveLength(1);
    const first = textOf(posted[0] ?? {});
    expect(first).toContain('Not reported yet');
    expect(first).toContain(`<@${BOB}>`);
    expect(first).toContain('1 of 2 owners reported');
    expect(first).toContain('On track');
    expect(first).toContain('no value reported this round');
    expect(first).not.toContain('<!channel>');
    expect(first).toContain('&lt;!channel&gt;');
    // The closed round keeps only what a late answer and the digest update below read.
    const roundKey = checkinRoundKey(ws, planId, ref.roundId);
    const fields = async () => (await h.redis.hkeys(roundKey)).sort();
    expect(await fields()).toEqual([`ans:${ALICE}`, 'digest', 'meta', 'rev'].sort());

    const bob = await submitReport(h.deps, ws, BOB, ref, { values: { nps: 22 } }, at(25));
    expect(bob).toMatchObject({ kind: 'recorded', followUp: 'update_digest' });
    const sender = {
      postMessage: async () => {
        throw new Error('a late answer must not post a second digest');
      },
      updateMessage: async (args: Parameters<typeof runner.client.chat.update>[0]) => {
        await runner.client.chat.update(args);
      },
    };
    expect(await publishDigest(h.deps, sender, { ws, ...ref }, at(25))).toBe('updated');
    const updated = h.slack.messages(CHANNEL);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.ts).toBe(posted[0]?.ts);
    const after = textOf(updated[0] ?? {});
    expect(after).toContain('Every owner reported');
    expect(after).toContain('Updated with late answers');
    expect(after).not.toContain('Not reported yet');
    expect(await fields()).toEqual([`ans:${ALICE}`, `ans:${BOB}`, 'digest', 'meta', 'rev'].sort());
    const updates = () => h.slack.callsTo('chat.update').filter((c) => c.args.channel === CHANNEL);
    expect(updates()).toHaveLength(1);

    // Running the close again (a retry) changes nothing: no post, no update.
    await runner.run(digest, { ...job, target: close.target, now: at(26), periodKey: 'retry' });
    expect(h.slack.messages(CHANNEL)).toHaveLength(1);
    expect(updates()).toHaveLength(1);
    h.slack.assertNoViolations();
  });

  it('posts the digest as soon as every owner answered, once; the close and the nudge then send nothing', async () => {
    const { ws, planId, runner, job, ALICE, BOB, CHANNEL } = await setUp();
    const ref = { planId, roundId: '2027-W01~orders' };
    await runner.run(kpiCheckinJob(h.deps), { ...job, target: 'orders' });
    await submitReport(h.deps, ws, ALICE, ref, { values: { orders: 120, churn: 4 } }, at(1));
    const last = await submitReport(h.deps, ws, BOB, ref, { values: { nps: 25 } }, at(2));
    expect(last).toMatchObject({ kind: 'recorded', followUp: 'post_digest' });

    const digest = checkinDigestJob(h.deps);
    await runner.run(digest, { ...job, target: ref.roundId, now: at(2), trigger: 'on_demand' });
    await runner.run(digest, { ...job, target: ref.roundId, now: at(24) });
    const posted = h.slack.messages(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(textOf(posted[0] ?? {})).toContain('Every owner reported');
    expect(h.slack.callsTo('chat.update').filter((c) => c.args.channel === CHANNEL)).toHaveLength(
      0,
    );

    await runner.run(checkinNudgeJob(h.deps), { ...job, target: ref.roundId, now: at(20) });
    expect(h.slack.messages(dm(ALICE))).toHaveLength(1);
    expect(h.slack.messages(dm(BOB))).toHaveLength(1);
  });

  it('refuses an answer from someone the round did not ask, and a round that does not exist', async () => {
    const { ws, planId, runner, job, ALICE } = await setUp();
    await runner.run(kpiCheckinJob(h.deps), { ...job, target: 'orders' });
    const stranger = freshId('U');
    const ref = { planId, roundId: '2027-W01~orders' };
    expect(await submitReport(h.deps, ws, stranger, ref, { values: { orders: 1 } }, at(1))).toEqual(
      {
        kind: 'not_asked',
      },
    );
    const missing = { planId, roundId: '2027-W09~orders' };
    expect(
      await submitReport(h.deps, ws, ALICE, missing, { values: { orders: 1 } }, at(1)),
    ).toEqual({
      kind: 'gone',
    });
    // Another workspace cannot reach this round even with its exact reference.
    expect(
      await submitReport(h.deps, h.newWorkspace(), ALICE, ref, { values: { orders: 1 } }, at(1)),
    ).toEqual({
      kind: 'gone',
    });
  });
});
