import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/domain/lifecycle.js';
import { LOCALES } from '../../../src/domain/locale.js';
import { revisionReminderJob } from '../../../src/scheduler/jobs/revisionReminderJob.js';
import { duePhases } from '../../../src/services/checkins/duePhases.js';
import { assessKpi } from '../../../src/services/checkins/kpiAssessment.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { reminderMessage } from '../../../src/slack/ui/schedule/reminderMessage.js';
import { generateDraftId } from '../../../src/store/draftId.js';
import { validateMessagePayload } from '../../support/slack/blockKitValidator.js';
import { freshId, INJECTION, kpi, planWith, publish } from './support/checkinFixtures.js';
import { useContentHarness } from './support/contentHarness.js';

const h = useContentHarness();
const NOW = new Date('2027-07-02T02:00:00Z'); // 10:00 in Asia/Shanghai, halfway through 2027

function messageText(message: { text?: unknown; blocks?: unknown }): string {
  return `${String(message.text ?? '')}\n${JSON.stringify(message.blocks ?? [])}`;
}

describe('the revision reminder job', () => {
  it('posts once in the plan’s channel: KPI status from the latest values, phases due or overdue, stage advice, Revise', async () => {
    const ws = h.newWorkspace();
    const planId = generateDraftId();
    const channel = freshId('C');
    const owner = freshId('U');
    const plan = planWith({
      channel,
      stage: 'maturity',
      kpis: [
        kpi('orders', { owner, name: `Orders ${INJECTION}` }),
        kpi('churn', { direction: 'stay_below', baseline: 5, target: 3, unit: '%' }),
        kpi('nps', { owner }),
      ],
      phases: [
        { id: 'p1', name: 'Pilot', start: '2027-01-01', end: '2027-03-31' },
        { id: 'p2', name: `Rollout ${INJECTION}`, start: '2027-04-01', end: '2027-07-05' },
        { id: 'p3', name: 'Scale', start: '2027-07-06', end: '2027-12-31' },
      ],
    });
    await publish(h.published, ws, planId, plan);
    // Earlier check-ins: orders reported 120 then 140 (expected 150 halfway: at risk, improving).
    const values = h.deps.values;
    const round = {
      planId,
      version: 1,
      openedAt: new Date('2027-06-01T02:00:00Z'),
      closesAt: new Date('2027-06-02T02:00:00Z'),
      kpiIds: ['orders', 'churn'],
      owners: { [owner]: ['orders', 'churn'] },
      trigger: 'schedule' as const,
    };
    await values.openRound(ws, { ...round, roundId: '2027-W22~orders', periodKey: '2027-W22' });
    await values.recordAnswer(ws, planId, '2027-W22~orders', {
      userId: owner,
      at: new Date('2027-06-01T03:00:00Z'),
      values: { orders: 120, churn: 4.5 },
    });
    await values.openRound(ws, { ...round, roundId: '2027-W26~orders', periodKey: '2027-W26' });
    await values.recordAnswer(ws, planId, '2027-W26~orders', {
      userId: owner,
      at: new Date('2027-06-29T03:00:00Z'),
      values: { orders: 140, churn: 4.5 },
    });

    const runner = h.runner();
    const job = { ws, planId, target: 'plan', periodKey: '2027-Q3', now: NOW, late: true };
    await runner.run(revisionReminderJob(h.deps), job);
    await runner.run(revisionReminderJob(h.deps), job); // a re-run of the occurrence posts nothing
    const posted = h.slack.messages(channel);
    expect(posted).toHaveLength(1);
    const text = messageText(posted[0] ?? {});
    expect(text).toContain('late');
    expect(text).toContain('At risk'); // orders: 140 against 150 expected
    expect(text).toContain('Improving'); // 120 → 140
    expect(text).toContain('Off track'); // churn 4.5 above the 3 % ceiling by more than 10 %
    expect(text).toContain('No data'); // nps: never reported
    expect(text).toContain('Pilot');
    expect(text).toContain('overdue');
    expect(text).toContain('due Jul 5, 2027');
    expect(text).not.toContain('Scale');
    expect(text).toContain('quarterly breakdown');
    expect(text).toContain(ActionIds.planRevise);
    expect(text).not.toContain('<!channel>');

    // With the owner's stricter thresholds, 140 of an expected 150 is off track, not at risk.
    await values.setThresholds(ws, planId, { atRisk: 0.95, offTrack: 0.85, stayTolerance: 0.1 });
    await runner.run(revisionReminderJob(h.deps), { ...job, periodKey: '2027-Q4' });
    const strict = messageText(h.slack.messages(channel)[1] ?? {});
    expect(strict).not.toContain('At risk');
    expect(strict).toContain('Off track');
    h.slack.assertNoViolations();
  });

  it('skips a plan that was never published', async () => {
    const runner = h.runner();
    const before = h.slack.callsTo('chat.postMessage').length;
    await runner.run(revisionReminderJob(h.deps), {
      ws: h.newWorkspace(),
      planId: generateDraftId(),
      target: 'plan',
      periodKey: '2027-07',
      now: NOW,
    });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before);
  });
});

describe('the revision reminder message', () => {
  const clock = { planStart: '2027-01-01', planEnd: '2027-12-31', at: NOW, timeZone: 'UTC' };
  const kpis = Array.from({ length: 20 }, (_, i) =>
    kpi(`k${i}`, { name: `${INJECTION} ${'n'.repeat(140)}`.slice(0, 150), owner: `U0OWNER${i}XX` }),
  );
  const phases = Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`,
    name: `${INJECTION} phase ${i}`,
    end: `2027-0${(i % 6) + 1}-15`,
  }));

  it.each(LOCALES.flatMap((locale) => STAGES.map((stage) => [locale, stage] as const)))(
    'is one valid message with 20 KPIs and 12 phases (%s, %s)',
    (locale, stage) => {
      const message = reminderMessage({
        planId: 'AB12CD34',
        title: INJECTION,
        version: 3,
        stage,
        late: true,
        kpis: kpis.map((k, i) => ({ row: assessKpi(k, i * 10, i, clock), ownerId: k.owner ?? '' })),
        phases: duePhases(phases, '2027-07-02'),
        locale,
      });
      expect(validateMessagePayload(message)).toEqual([]);
      const mrkdwn = JSON.stringify(message.blocks.filter((b) => b.type !== 'header'));
      expect(mrkdwn).not.toContain('<!channel>');
      expect(mrkdwn).toContain('&lt;!channel&gt;');
      expect(mrkdwn).toContain(ActionIds.planRevise);
    },
  );

  it('lists overdue phases (latest first) before those due within a week; undated and later ones not', () => {
    const listed = duePhases(
      [
        { id: 'a', name: 'A', end: '2027-06-01' },
        { id: 'b', name: 'B', end: '2027-06-30' },
        { id: 'c', name: 'C', end: '2027-07-02' },
        { id: 'd', name: 'D', end: '2027-07-09' },
        { id: 'e', name: 'E', end: '2027-07-10' },
        { id: 'f', name: 'F' },
      ],
      '2027-07-02',
    );
    expect(listed.map((p) => [p.phase.id, p.state])).toEqual([
      ['b', 'overdue'],
      ['a', 'overdue'],
      ['c', 'due'],
      ['d', 'due'],
    ]);
  });
});
