import { afterAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import {
  createPlanDraft,
  flawedPlanDoc,
  planDoc,
  saveTitle,
} from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { browseActions, readable } from './browseE2e.js';

const e2e = useE2e();
const act = browseActions(e2e);
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);

async function openHome(teamId: string, userId: string) {
  const published = e2e.slack.callsTo('views.publish').length;
  const res = await e2e.client.event({
    teamId,
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOME0001', tab: 'home' },
  });
  expect(res.status).toBe(200);
  const call = await act.nextCall('views.publish', published);
  expect(call.args.user_id).toBe(userId);
  return openedView(call) as Record<string, unknown> & { id: string; blocks: unknown[] };
}

describe('App Home over signed HTTP', () => {
  it('publishes New plan and my drafts with review status, in my language', async () => {
    const me = 'U0HOMEME01';
    e2e.slack.setUser(me, { locale: 'zh-CN' });
    const team = uniqueWorkspace();
    await createPlanDraft(drafts, team, flawedPlanDoc(me, '需要完善的计划'));
    await createPlanDraft(drafts, team, planDoc('U0SOMEONE1', '别人的计划'));
    const home = await openHome(team, me);
    expect(home.type).toBe('home');
    const text = readable(home.blocks);
    expect(text).toContain('新建计划');
    expect(text).toContain(ActionIds.newPlan);
    expect(text).toContain('需要完善的计划');
    expect(text).toContain('评审');
    expect(text).toMatch(/[1-9]\d* 错误/);
    expect(text).not.toContain('别人的计划');
    expect(e2e.slack.homeView(me)?.view).toBeDefined();
  });

  it('New plan opens the new-plan modal', async () => {
    const me = 'U0HOMENEW1';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const home = await openHome(team, me);
    const opened = e2e.slack.callsTo('views.open').length;
    await act.clickInView(team, me, home, {
      action_id: ActionIds.newPlan,
      block_id: 'home.new',
      value: 'new',
    });
    const modal = openedView(await act.nextCall('views.open', opened));
    expect(modal.callback_id).toBe(CallbackIds.planDetails);
  });

  it('Delete from Home confirms, deletes, and re-publishes Home without the plan', async () => {
    const me = 'U0HOMEDEL1';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(me, 'Remove from home'));
    await createPlanDraft(drafts, team, planDoc(me, 'Stays at home'));
    const home = await openHome(team, me);
    expect(readable(home.blocks)).toContain('Remove from home');

    const opened = e2e.slack.callsTo('views.open').length;
    await act.clickInView(team, me, home, {
      action_id: ActionIds.planDelete,
      block_id: `plan.${plan.id}.actions`,
      value: plan.id,
    });
    const confirm = openedView(await act.nextCall('views.open', opened));
    expect(confirm.callback_id).toBe(CallbackIds.deleteConfirm);
    const published = e2e.slack.callsTo('views.publish').length;
    const res = await e2e.client.viewSubmission({ teamId: team, userId: me, view: confirm });
    expect(readable((res.body as { view: { blocks: unknown[] } }).view.blocks)).toContain(
      'was deleted',
    );
    const republished = openedView(await act.nextCall('views.publish', published));
    const text = readable(republished.blocks as unknown[]);
    expect(text).not.toContain('Remove from home');
    expect(text).toContain('Stays at home');
    expect(await drafts.get(workspaceKey({ teamId: team }), plan.id)).toBeNull();
  });

  it('Resume from Home opens the interview at the first unanswered section', async () => {
    const me = 'U0HOMERES1';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(me, 'Resume me'));
    const home = await openHome(team, me);
    const opened = e2e.slack.callsTo('views.open').length;
    await act.clickInView(team, me, home, {
      action_id: ActionIds.planResume,
      block_id: `plan.${plan.id}.actions`,
      value: plan.id,
    });
    const step = openedView(await act.nextCall('views.open', opened));
    expect(step.callback_id).toBe(CallbackIds.section);
  });

  it('a forged button naming another user’s plan is refused and opens nothing of it', async () => {
    const me = 'U0HOMEFRG1';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const theirs = await createPlanDraft(drafts, team, planDoc('U0OTHER001', 'Secret plan'));
    const home = await openHome(team, me);
    const opened = e2e.slack.callsTo('views.open').length;
    await act.clickInView(team, me, home, {
      action_id: ActionIds.planPreview,
      block_id: 'forged',
      value: theirs.id,
    });
    const notice = openedView(await act.nextCall('views.open', opened));
    const text = readable(notice.blocks as unknown[]);
    expect(text).toContain('Only the owner and the editors');
    expect(text).not.toContain('Secret plan');
  });

  it('History from Home: a restore updates the modal and re-publishes Home with the restored title', async () => {
    const me = 'U0HOMEHIS1';
    e2e.slack.setUser(me, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(me, 'Original title'));
    await saveTitle(drafts, team, v1, 'Renamed title', me);
    const home = await openHome(team, me);
    expect(readable(home.blocks)).toContain('Renamed title');

    const opened = e2e.slack.callsTo('views.open').length;
    await act.clickInView(team, me, home, {
      action_id: ActionIds.planHistory,
      block_id: `plan.${v1.id}.actions`,
      value: v1.id,
    });
    const history = openedView(await act.nextCall('views.open', opened));
    expect(history.callback_id).toBe(CallbackIds.history);
    const updates = e2e.slack.callsTo('views.update').length;
    const published = e2e.slack.callsTo('views.publish').length;
    await act.clickInView(team, me, history, {
      action_id: ActionIds.historyRestore,
      block_id: 'revision.1',
      value: JSON.stringify({ p: v1.id, v: 1 }),
    });
    const update = await act.nextCall('views.update', updates);
    expect(readable(openedView(update).blocks as unknown[])).toContain('restored as version 3');
    const republished = openedView(await act.nextCall('views.publish', published));
    const text = readable(republished.blocks as unknown[]);
    expect(text).toContain('Original title');
    expect(text).not.toContain('Renamed title');
  });
});
