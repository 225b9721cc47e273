import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { kpiScheduleBlock, SettingsBlocks } from '../../../src/slack/ui/schedule/settingsModal.js';
import { generateDraftId } from '../../../src/store/draftId.js';
import { createRedisKpiValuesStore } from '../../../src/store/redis/kpiValuesRedisStore.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { createRedisScheduleStore } from '../../../src/store/redis/scheduleRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import {
  freshId,
  INJECTION,
  kpi,
  planWith,
  publish,
} from '../../scheduler/jobs/support/checkinFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

/**
 * The schedule commands through the real app: `/opsplan settings <plan>` (owner only) saving through
 * the engine and re-syncing the schedules, and `/opsplan remind <plan> now` (owner and editors).
 */
const e2e = useE2e();
let redis: Redis;
beforeAll(() => {
  redis = connectTestRedis(inject('redisUrl'));
});
afterAll(async () => {
  await redis?.quit();
});

async function publishedPlan() {
  const teamId = uniqueWorkspace();
  const ws = workspaceKey({ teamId });
  const planId = generateDraftId();
  const owner = freshId('U');
  const editor = freshId('U');
  const channel = freshId('C');
  const plan = planWith({
    channel,
    title: `Plan ${INJECTION}`,
    kpis: [kpi('orders', { owner }), kpi('nps')],
  });
  plan.meta.owner = owner;
  plan.meta.editors = [editor];
  await publish(new RedisPublishedStore(redis, PlanSchema), ws, planId, plan);
  return { teamId, ws, planId, owner, editor, channel, plan };
}

const answerOf = (res: { body: unknown }) => JSON.stringify(res.body);

describe('/opsplan settings', () => {
  it('lets the owner change the schedules; the engine stores them and re-syncs the plan’s schedules', async () => {
    const { teamId, ws, planId, owner, editor } = await publishedPlan();
    const refused = await e2e.client.slashCommand({
      teamId,
      userId: editor,
      text: `settings ${planId}`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(answerOf(refused)).toContain('Only the owner of this plan');

    const modal = modalDriver(e2e, { teamId, userId: owner });
    await modal.command(`settings ${planId}`);
    const res = await modal.submit({
      [SettingsBlocks.revisionChoice]: 'weekly',
      [SettingsBlocks.revisionWeekday]: '3',
      [SettingsBlocks.timezone]: 'America/New_York',
      [SettingsBlocks.window]: '12',
      [kpiScheduleBlock('nps')]: 'monthly',
      [SettingsBlocks.atRisk]: '95',
    });
    expect(res.status).toBe(200);
    expect(answerOf(res)).toContain('saved');

    const schedules = createRedisScheduleStore(redis);
    const settings = await schedules.getSettings(ws, planId);
    expect(settings).toMatchObject({
      timezone: 'America/New_York',
      checkInWindowHours: 12,
      revision: { rule: { preset: 'weekly', weekday: 3 } },
      kpis: { nps: { rule: { preset: 'monthly' } } },
      updatedBy: owner,
    });
    expect(await createRedisKpiValuesStore(redis).getThresholds(ws, planId)).toEqual({
      atRisk: 0.95,
      offTrack: 0.75,
      stayTolerance: 0.1,
    });
    const synced = (await schedules.listPlanSchedules(ws, planId)).flatMap((s) =>
      s.type === 'recurring' ? [s] : [],
    );
    const revision = synced.find((s) => s.kind === 'revision_reminder');
    expect(revision?.spec).toMatchObject({
      timezone: 'America/New_York',
      rule: { preset: 'weekly', weekday: 3 },
    });
    expect(synced.find((s) => s.target === 'nps')?.spec.rule).toMatchObject({ preset: 'monthly' });
  });

  it('keeps the modal open with the cron error in the owner’s language', async () => {
    const { teamId, planId, owner } = await publishedPlan();
    const modal = modalDriver(e2e, { teamId, userId: owner });
    await modal.command(`settings ${planId}`);
    const res = await modal.submit({
      [SettingsBlocks.checkInChoice]: 'cron',
      [SettingsBlocks.checkInCron]: '61 10 * * *',
    });
    expect(res.body).toMatchObject({ response_action: 'errors' });
    expect(answerOf(res)).toContain(SettingsBlocks.checkInCron);
    expect(answerOf(res)).toContain('minute');
  });
});

describe('the Schedules button (for App Home plan cards)', () => {
  it('opens the settings modal for the owner and politely refuses an editor', async () => {
    const { teamId, planId, owner, editor } = await publishedPlan();
    const click = async (userId: string) => {
      const before = e2e.slack.callsTo('views.open').length;
      const res = await e2e.client.blockActions({
        teamId,
        userId,
        channelId: 'C0HOMECARD1',
        message: { ts: '1800000000.000100', blocks: [] },
        actions: [{ action_id: ActionIds.planSettings, type: 'button', value: planId }],
      });
      expect(res.status).toBe(200);
      const open = await e2e.slack.waitForCall(
        'views.open',
        (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
      );
      return JSON.stringify(open.args.view);
    };
    expect(await click(owner)).toContain(SettingsBlocks.revisionChoice);
    const refused = await click(editor);
    expect(refused).toContain('Only the owner of this plan');
    expect(refused).not.toContain(SettingsBlocks.revisionChoice);
  });
});

describe('/opsplan remind <plan> now', () => {
  it('posts the revision reminder for an editor; strangers and a missing "now" are told why not', async () => {
    const { teamId, planId, editor, channel } = await publishedPlan();

    const noNow = await e2e.client.slashCommand({
      teamId,
      userId: editor,
      text: `remind ${planId}`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(answerOf(noNow)).toContain('now');
    const stranger = await e2e.client.slashCommand({
      teamId,
      userId: freshId('U'),
      text: `remind ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(answerOf(stranger)).toContain('Only the owner and the editors');

    const res = await e2e.client.slashCommand({
      teamId,
      userId: editor,
      text: `remind ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(answerOf(res)).toContain('revision reminder');
    const posted = await e2e.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === channel,
    );
    const blocks = posted.args.blocks as Array<{ type: string }>;
    // The header is plain text (never parsed); every mrkdwn block carries the title escaped.
    const mrkdwn = JSON.stringify(blocks.filter((b) => b.type !== 'header'));
    expect(mrkdwn).toContain(ActionIds.planRevise);
    expect(mrkdwn).not.toContain('<!channel>');
    expect(JSON.stringify(posted.args.text)).toContain('&lt;!channel&gt;');

    const again = await e2e.client.slashCommand({
      teamId,
      userId: editor,
      text: `remind ${planId} now`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(answerOf(again)).toContain('a moment ago');
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel),
    ).toHaveLength(1);
  });
});
