import { afterAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from './publishE2e.js';

const e2e = useE2e();
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);
const ME = 'U0OWNER1';

describe('publishing exactly once, and revising', () => {
  it('a double click on Publish and Slack retrying the click post the plan once', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const { reply } = await act.command(team, ME, 'list');
    const click = () => ({
      teamId: team,
      userId: ME,
      message: {
        ts: '1700000000.000100',
        text: '',
        blocks: reply.blocks ?? [],
        is_ephemeral: true,
      },
      responseUrl: e2e.slack.responseUrl(),
      actions: [{ action_id: ActionIds.planPublish, block_id: `plan.${record.id}.actions` }],
    });
    const before = e2e.slack.callsTo('views.open').length;
    const first = click();
    const answers = await Promise.all([
      e2e.client.blockActions(first),
      e2e.client.blockActions(click()),
      e2e.client.blockActions(first, { retryNum: 1, retryReason: 'http_timeout' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await e2e.slack.waitForCall('views.update', (c) =>
      JSON.stringify(c.args.view).includes('is published'),
    );
    const views = e2e.slack
      .callsTo('views.open')
      .slice(before)
      .map((c) => String(openedView(c).id));
    expect(views).toHaveLength(3);
    // Every modal ends with an outcome: published once, the others told it is under way or done.
    const outcomes = await Promise.all(
      views.map((id) =>
        e2e.slack.waitForCall(
          'views.update',
          (c) => c.args.view_id === id && !JSON.stringify(c.args.view).includes('Publishing'),
          15_000,
        ),
      ),
    );
    const texts = outcomes.map((c) => JSON.stringify(c.args.view));
    expect(texts.filter((t) => t.includes('is published'))).toHaveLength(1);
    expect(
      texts.every((t) => /is published|already being published|already published/.test(t)),
    ).toBe(true);
    expect(act.summaries(channel)).toHaveLength(1);
    expect(await act.published.list(workspaceKey({ teamId: team }), record.id)).toHaveLength(1);
  });

  it('two concurrent commands for the same plan, one retried by Slack, post once', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const runs = await Promise.all([
      act.command(team, ME, `publish ${record.id}`),
      act.command(team, ME, `publish ${record.id}`, 1),
    ]);
    const outcomes = await Promise.all(runs.map((r) => r.later()));
    expect(outcomes.filter((t) => t.includes('is published'))).toHaveLength(1);
    expect(act.summaries(channel)).toHaveLength(1);
  });

  it('Revise → edit → publish: v2 lists what changed, linking v1, in the same channel', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const plan = changed(cleanPlan(channel), (doc) => {
      doc.meta.language = 'en';
    });
    const record = await act.createPlan(team, plan);
    expect(await (await act.command(team, ME, `publish ${record.id}`)).later()).toContain(
      'is published',
    );
    const [v1] = act.summaries(channel);
    const v1Post = (await act.published.latest(workspaceKey({ teamId: team }), record.id))?.post;

    // The draft was swept meanwhile: Revise rebuilds it from v1 and opens the interview.
    await act.drafts.delete(workspaceKey({ teamId: team }), record.id);
    const opened = e2e.slack.callsTo('views.open').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: ME,
      channelId: channel,
      message: { ts: v1?.ts ?? '', text: v1?.text ?? '', blocks: v1?.blocks ?? [] },
      responseUrl: e2e.slack.responseUrl(),
      actions: [{ action_id: ActionIds.planRevise }],
    });
    const interview = await e2e.slack.waitForCall(
      'views.open',
      (c) => e2e.slack.callsTo('views.open').indexOf(c) >= opened,
    );
    expect(JSON.stringify(openedView(interview).private_metadata)).toContain(record.id);
    const draft = await act.drafts.get(workspaceKey({ teamId: team }), record.id);
    if (!draft) throw new Error('Revise did not recreate the draft');
    expect(draft.doc).toEqual(plan);

    // What the interview would save: a KPI target, a new phase, a budget line dropped.
    const revised = changed(draft.doc, (doc) => {
      const results = doc.sections.results as unknown as { kpis: Array<{ target: number }> };
      if (results.kpis[0]) results.kpis[0].target = 900;
      const strategy = doc.sections.strategy as unknown as {
        phases: Array<Record<string, string>>;
      };
      strategy.phases.push({
        id: 'p3',
        name: 'Consolidation',
        start: '2026-10-01',
        end: '2026-12-31',
        goal: 'Retention',
        successCriteria: 'Renewal rate 80%',
      });
      const budget = doc.sections.budget as unknown as {
        total: { amount: number };
        lines: Array<{ id: string }>;
      };
      budget.lines = budget.lines.filter((line) => line.id !== 'b2');
      budget.total.amount = 100000.1;
    });
    const saved = await act.drafts.save(workspaceKey({ teamId: team }), record.id, {
      expectedVersion: draft.version,
      doc: revised,
      title: revised.meta.title,
      by: ME,
    });
    expect(saved.ok).toBe(true);
    expect(await (await act.command(team, ME, `publish ${record.id}`)).later()).toContain(
      'v2 is published',
    );

    const v2 = act.summaries(channel).find((m) => m.ts !== v1?.ts);
    const [whatChanged] = act.thread(channel, v2?.ts);
    const text = JSON.stringify(whatChanged?.blocks);
    expect(text).toContain('v2 — what changed');
    expect(text).toContain(`<${v1Post?.permalink}|v1>`);
    expect(text).toMatch(/1,000[^"]*→[^"]*900/);
    expect(text).toContain('Consolidation');
    expect(text).toContain('投放');
    expect(text).toMatch(/Added[\s\S]*Removed|Removed[\s\S]*Added/);
    expect(JSON.stringify(v2?.blocks)).toContain('What changed since v1 is the first reply');
  });
});
