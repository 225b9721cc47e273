import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from './publishE2e.js';

const e2e = useE2e();
const redis = connectTestRedis();
afterEach(() => {
  e2e.slack.clearFaults();
});
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);
const ME = 'U0OWNER1';

type View = Record<string, unknown> & { id: string };

/** The first call to `method` recorded after `count` calls, matching `match`. */
function nextCall(method: string, count: number, match: (c: RecordedCall) => boolean = () => true) {
  return e2e.slack.waitForCall(
    method,
    (c) => e2e.slack.callsTo(method).indexOf(c) >= count && match(c),
  );
}

async function previewOf(team: string, planId: string): Promise<View> {
  const opened = e2e.slack.callsTo('views.open').length;
  await act.command(team, ME, `preview ${planId}`);
  return openedView(await nextCall('views.open', opened)) as View;
}

describe('Publish from the preview modal', () => {
  it('pushes "Publishing…" over the preview, then shows the outcome there', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const preview = await previewOf(team, record.id);
    const pushed = e2e.slack.callsTo('views.push').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: ME,
      view: preview,
      actions: [{ action_id: ActionIds.planPublish }],
    });
    const status = openedView(await nextCall('views.push', pushed)) as View;
    expect(status.callback_id).toBe(CallbackIds.publishStatus);
    expect(JSON.stringify(status.blocks)).toContain('Publishing');
    expect(await act.viewUpdate(status.id, 'is published')).toContain(`<#${channel}>`);
    expect(act.summaries(channel)).toHaveLength(1);
  });

  it('review errors: each finding’s button opens its section in the same modal', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const record = await act.createPlan(
      team,
      changed(cleanPlan(newChannel()), (plan) => {
        delete plan.sections.results;
      }),
    );
    const preview = await previewOf(team, record.id);
    const pushed = e2e.slack.callsTo('views.push').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: ME,
      view: preview,
      actions: [{ action_id: ActionIds.planPublish }],
    });
    const blocked = openedView(await nextCall('views.push', pushed)) as View;
    expect(JSON.stringify(blocked.blocks)).toContain("can't be published yet");
    const finding = (
      blocked.blocks as Array<{ block_id?: string; accessory?: { value?: string } }>
    ).find((b) => b.accessory?.value?.includes('"s":"results"'));
    const updated = e2e.slack.callsTo('views.update').length;
    await e2e.client.blockActions({
      teamId: team,
      userId: ME,
      view: blocked,
      actions: [{ action_id: ActionIds.openSection, block_id: finding?.block_id ?? '' }],
    });
    const section = await nextCall('views.update', updated, (c) => c.args.view_id === blocked.id);
    expect(openedView(section).callback_id).toBe(CallbackIds.section);
    expect(JSON.stringify(openedView(section).private_metadata)).toContain('results');
  });
});

describe('telling the user the outcome', () => {
  it('when the status modal was closed meanwhile, the outcome arrives by DM', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    const { reply } = await act.command(team, ME, 'list');
    e2e.slack.fail('views.update', { okFalse: 'not_found' });
    await e2e.client.blockActions({
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
    const dm = await e2e.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === ME && String(c.args.text).includes('is published'),
      15_000,
    );
    expect(String(dm.args.text)).toContain(`<#${channel}>`);
    expect(act.summaries(channel)).toHaveLength(1);
  });

  it('when the command’s response_url fails, the outcome arrives by DM', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const record = await act.createPlan(team, cleanPlan(channel));
    e2e.slack.fail('response_url', { status: 500 });
    await act.command(team, ME, `publish ${record.id}`);
    const dm = await e2e.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === ME && String(c.args.text).includes(`<#${channel}>`),
      15_000,
    );
    expect(String(dm.args.text)).toContain('is published');
    expect(act.summaries(channel)).toHaveLength(1);
  });
});
