import { afterAll, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { encodeConfirmMetadata } from '../../../src/slack/ui/publish/publishValues.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed, standardTemplate } from '../../domain/review/fixtures.js';
import { randomPlan } from '../../render/support/randomPlan.js';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { cliMarkdown, newChannel, publishActions } from './publishE2e.js';

const e2e = useE2e();
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);

const ME = 'U0OWNER1';
const STRANGER = 'U0STRANGE1';

describe('/opsplan publish over signed HTTP', () => {
  it('a maximal plan: warnings confirmed, then only valid messages and the CLI’s Markdown in the thread', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const doc = changed(randomPlan(standardTemplate(), 4, 1), (plan) => {
      plan.meta.owner = ME;
      plan.meta.editors = plan.meta.editors.filter((id) => id !== ME);
      plan.meta.channel = newChannel();
    });
    const record = await act.createPlan(team, doc);
    const opened = e2e.slack.callsTo('views.open').length;
    await act.command(team, ME, `publish ${record.id} <#${channel}|plans>`);
    const call = await e2e.slack.waitForCall(
      'views.open',
      (c) => e2e.slack.callsTo('views.open').indexOf(c) >= opened,
    );
    const confirm = openedView(call);
    expect(confirm.callback_id).toBe(CallbackIds.publishConfirm);
    expect(act.summaries(channel)).toEqual([]);

    const res = await e2e.client.viewSubmission({ teamId: team, userId: ME, view: confirm });
    expect(JSON.stringify(res.body)).toContain('Publishing to');
    const outcome = await act.viewUpdate(String(confirm.id), 'is published');
    expect(outcome).toContain(`<#${channel}>`);

    const [summary] = act.summaries(channel);
    const replies = act.thread(channel, summary?.ts);
    expect(replies.length).toBeGreaterThanOrEqual(standardTemplate().sections.length);
    const [file] = e2e.slack.uploadedFiles().filter((f) => f.channelId === channel);
    expect(file?.threadTs).toBe(summary?.ts);
    expect(file?.content).toBe(await cliMarkdown(doc));
    // Nothing went to the plan's own channel: the command named another one.
    expect(act.summaries(doc.meta.channel ?? '')).toEqual([]);
  });

  it('review errors block publishing: the findings are listed with buttons opening their sections', async () => {
    e2e.slack.setUser(ME, { locale: 'zh-CN' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(
      team,
      changed(cleanPlan(channel), (plan) => {
        delete plan.sections.results;
      }),
    );
    const { replyText } = await act.command(team, ME, `publish ${record.id}`);
    expect(replyText).toContain('暂时无法发布');
    expect(replyText).toContain(ActionIds.openSection);
    expect(replyText).toContain(`\\"p\\":\\"${record.id}\\",\\"s\\":\\"results\\"`);
    expect(e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toEqual(
      [],
    );
  });

  it('a channel typed as plain #name (not escaped by Slack) gets an explanation, nothing posted', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const { replyText } = await act.command(team, ME, `publish ${record.id} #plans`);
    expect(replyText).toContain("I can't tell which channel");
    expect(e2e.slack.messages(channel)).toEqual([]);
  });

  it('a private channel the bot is not in: the user is told to invite it, nothing is posted', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = 'G0PRIVATE7X';
    e2e.slack.setChannel(channel, { is_private: true, is_member: false });
    const record = await act.createPlan(team, cleanPlan(channel));
    const { later } = await act.command(team, ME, `publish ${record.id}`);
    expect(await later()).toContain('/invite @OpsPlan');
    expect(e2e.slack.messages(channel)).toEqual([]);
    expect(await act.published.list(workspaceKey({ teamId: team }), record.id)).toEqual([]);
  });

  it('a stranger can neither publish nor revise', async () => {
    e2e.slack.setUser(STRANGER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const { replyText } = await act.command(team, STRANGER, `publish ${record.id}`);
    expect(replyText).toMatch(/not allowed|only|owner/i);
    expect(e2e.slack.messages(channel)).toEqual([]);

    const { later } = await act.command(team, ME, `publish ${record.id}`);
    expect(await later()).toContain('is published');
    const [summary] = act.summaries(channel);
    const responseUrl = e2e.slack.responseUrl(`revise-${record.id}`);
    const opened = e2e.slack.callsTo('views.open').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: STRANGER,
      channelId: channel,
      message: { ts: summary?.ts ?? '', text: summary?.text ?? '', blocks: summary?.blocks ?? [] },
      responseUrl,
      actions: [{ action_id: ActionIds.planRevise }],
    });
    const refusal = await e2e.slack.waitForCall('response_url', (c) =>
      c.path.endsWith(`revise-${record.id}`),
    );
    expect(JSON.stringify(refusal.args)).toContain('only the plan');
    expect(refusal.args.response_type).toBe('ephemeral');
    expect(e2e.slack.callsTo('views.open').length).toBe(opened);
    const { replyText: revise } = await act.command(team, STRANGER, `revise ${record.id}`);
    expect(revise).toContain('only the plan');
  });

  it('forged clicks and submissions naming someone else’s plan are refused, nothing posted', async () => {
    e2e.slack.setUser(STRANGER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const opened = e2e.slack.callsTo('views.open').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: STRANGER,
      responseUrl: e2e.slack.responseUrl(),
      actions: [{ action_id: ActionIds.planPublish, value: record.id, type: 'button' }],
    });
    const refused = await e2e.slack.waitForCall(
      'views.open',
      (c) => e2e.slack.callsTo('views.open').indexOf(c) >= opened,
    );
    expect(JSON.stringify(openedView(refused).blocks)).toContain('Only the plan');

    // A confirmation modal built for the owner, submitted by the stranger.
    const forged: Record<string, unknown> = {
      ...openedView(refused),
      callback_id: CallbackIds.publishConfirm,
      private_metadata: encodeConfirmMetadata({ p: record.id, v: record.version, c: channel }),
    };
    await e2e.client.viewSubmission({ teamId: team, userId: STRANGER, view: forged });
    const told = await act.viewUpdate(String(forged.id), 'Only the plan');
    expect(told).toContain('owner and editors');
    // And from another workspace, the owner's own plan id names nothing.
    await e2e.client.viewSubmission({ teamId: uniqueWorkspace(), userId: ME, view: forged });
    expect(await act.viewUpdate(String(forged.id), 'no longer exists')).toBeTruthy();
    expect(e2e.slack.messages(channel)).toEqual([]);
    expect(await act.published.list(workspaceKey({ teamId: team }), record.id)).toEqual([]);
  });
});
