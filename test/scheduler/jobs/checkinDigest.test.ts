import { describe, expect, it } from 'vitest';
import { checkinDigestJob } from '../../../src/scheduler/jobs/checkinDigestJob.js';
import { kpiCheckinJob } from '../../../src/scheduler/jobs/kpiCheckinJob.js';
import { publishDigest } from '../../../src/services/checkins/digestPublisher.js';
import { submitReport } from '../../../src/services/checkins/reportService.js';
import { generateDraftId } from '../../../src/store/draftId.js';
import { freshId, kpi, planWith, publish } from './support/checkinFixtures.js';
import { useContentHarness } from './support/contentHarness.js';

const h = useContentHarness();
const T0 = new Date('2027-01-04T02:00:00Z');
const HOUR = 3600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

async function setUp() {
  const ws = h.newWorkspace();
  const planId = generateDraftId();
  const owner = freshId('U');
  const channel = freshId('C');
  const plan = planWith({
    channel,
    kpis: [
      kpi('orders', { owner }),
      kpi('churn', { owner, direction: 'decrease', baseline: 10, target: 2 }),
    ],
  });
  await publish(h.published, ws, planId, plan);
  return { ws, planId, owner, channel, runner: h.runner() };
}

describe('the check-in digest', () => {
  it('shows the trend since the previous round', async () => {
    const { ws, planId, owner, channel, runner } = await setUp();
    for (const [week, hours, values] of [
      ['2027-W01', 0, { orders: 120, churn: 9 }],
      ['2027-W02', 7 * 24, { orders: 110, churn: 8 }],
    ] as const) {
      const roundId = `${week}~orders`;
      await runner.run(kpiCheckinJob(h.deps), {
        ws,
        planId,
        target: 'orders',
        periodKey: week,
        now: at(hours),
      });
      await submitReport(
        h.deps,
        ws,
        owner,
        { planId, roundId },
        { values: { ...values } },
        at(hours + 1),
      );
      await runner.run(checkinDigestJob(h.deps), {
        ws,
        planId,
        target: roundId,
        periodKey: week,
        now: at(hours + 24),
      });
    }
    const digests = h.slack.messages(channel);
    expect(digests).toHaveLength(2);
    const second = JSON.stringify(digests[1]?.blocks);
    // orders fell (worse for an increase), churn fell (better for a decrease).
    expect(second).toMatch(/orders[^"]*\\n[^"]*\\nStatus: [^"]*Trend: Worsening/);
    expect(second).toMatch(/churn[^"]*\\n[^"]*\\nStatus: [^"]*Trend: Improving/);
  });

  it('is posted once when the close and the last answer race on two replicas', async () => {
    const { ws, planId, owner, channel, runner } = await setUp();
    const roundId = '2027-W01~orders';
    await runner.run(kpiCheckinJob(h.deps), {
      ws,
      planId,
      target: 'orders',
      periodKey: '2027-W01',
      now: T0,
    });
    await submitReport(
      h.deps,
      ws,
      owner,
      { planId, roundId },
      { values: { orders: 150, churn: 9 } },
      at(23),
    );
    const sender = {
      postMessage: async (args: Parameters<typeof runner.client.chat.postMessage>[0]) => {
        const res = await runner.client.chat.postMessage(args);
        return { channel: String(res.channel), ts: String(res.ts) };
      },
      updateMessage: async (args: Parameters<typeof runner.client.chat.update>[0]) => {
        await runner.client.chat.update(args);
      },
    };
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        publishDigest(h.deps, sender, { ws, planId, roundId }, at(24)),
      ),
    );
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(h.slack.messages(channel)).toHaveLength(1);
  });
});
