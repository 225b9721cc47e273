import { afterAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { decodeRestore } from '../../../src/slack/ui/browse/browseValues.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { createPlanDraft, planDoc, saveTitle } from '../../services/browse/planDrafts.js';
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

const OWNER = 'U0OWNER001';
const EDITOR = 'U0EDITOR01';
const STRANGER = 'U0STRANGE2';

interface UpdateAnswer {
  response_action: string;
  view: { title: { text: string }; blocks: unknown[] };
}

describe('/opsplan delete over signed HTTP', () => {
  it('asks for confirmation, then deletes for the owner', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(OWNER, 'Doomed plan'));
    const confirm = await act.commandOpening(team, OWNER, `delete ${plan.id}`);
    expect(confirm.callback_id).toBe(CallbackIds.deleteConfirm);
    expect(readable(confirm.blocks)).toContain('Doomed plan');
    // Nothing is gone before the user confirms.
    expect(await drafts.get(workspaceKey({ teamId: team }), plan.id)).not.toBeNull();

    const res = await e2e.client.viewSubmission({ teamId: team, userId: OWNER, view: confirm });
    expect(res.status).toBe(200);
    const answer = res.body as UpdateAnswer;
    expect(answer.response_action).toBe('update');
    expect(readable(answer.view.blocks)).toContain('was deleted');
    expect(await drafts.get(workspaceKey({ teamId: team }), plan.id)).toBeNull();
  });

  it('refuses a stranger politely and changes nothing', async () => {
    e2e.slack.setUser(STRANGER, { locale: 'zh-CN' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(OWNER, 'Keep this'));
    const opened = e2e.slack.callsTo('views.open').length;
    const reply = await act.command(team, STRANGER, `删除 ${plan.id}`);
    expect(reply.text).toContain('只有这份计划的负责人和编辑');
    expect(e2e.slack.callsTo('views.open').length).toBe(opened);
    const stored = await drafts.get(workspaceKey({ teamId: team }), plan.id);
    expect(stored?.version).toBe(plan.version);
  });

  it('a stranger submitting a confirmation for someone else’s plan deletes nothing', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    e2e.slack.setUser(STRANGER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(OWNER, 'Guarded plan'));
    const confirm = await act.commandOpening(team, OWNER, `delete ${plan.id}`);
    // Same modal (same private_metadata), submitted by another user of the same workspace.
    const res = await e2e.client.viewSubmission({ teamId: team, userId: STRANGER, view: confirm });
    expect(readable((res.body as UpdateAnswer).view.blocks)).toContain(
      'Only the owner and the editors',
    );
    expect(await drafts.get(workspaceKey({ teamId: team }), plan.id)).not.toBeNull();
    // …and by the same user id in another workspace: the plan is not even found there.
    const other = await e2e.client.viewSubmission({
      teamId: uniqueWorkspace(),
      userId: OWNER,
      view: confirm,
    });
    expect(readable((other.body as UpdateAnswer).view.blocks)).toContain('no longer exists');
    expect(await drafts.get(workspaceKey({ teamId: team }), plan.id)).not.toBeNull();
  });

  it('deletes nothing when an editor saved after the confirmation was shown, and says so', async () => {
    e2e.slack.setUser(EDITOR, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(OWNER, 'Busy plan', [EDITOR]));
    const confirm = await act.commandOpening(team, EDITOR, 'delete Busy plan');
    await saveTitle(drafts, team, plan, 'Busy plan, edited', OWNER);
    const res = await e2e.client.viewSubmission({ teamId: team, userId: EDITOR, view: confirm });
    expect(readable((res.body as UpdateAnswer).view.blocks)).toContain('Nothing was deleted');
    expect((await drafts.get(workspaceKey({ teamId: team }), plan.id))?.title).toBe(
      'Busy plan, edited',
    );
  });
});

describe('/opsplan history over signed HTTP', () => {
  it('shows the last saves; the owner restores one, confirmed in the same modal', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(OWNER, 'First title', [EDITOR]));
    await saveTitle(drafts, team, v1, 'Second title', EDITOR);
    const history = await act.commandOpening(team, OWNER, `history ${v1.id}`);
    expect(history.callback_id).toBe(CallbackIds.history);
    const text = readable(history.blocks);
    expect(text).toContain('*v2*');
    expect(text).toContain(`<@${EDITOR}>`);
    const restore = history.blocks.find(
      (b) =>
        b.type === 'section' &&
        b.accessory?.type === 'button' &&
        b.accessory.action_id === ActionIds.historyRestore,
    );
    if (restore?.type !== 'section' || restore.accessory?.type !== 'button')
      throw new Error('no Restore');
    expect(decodeRestore(restore.accessory.value)).toEqual({ p: v1.id, v: 1 });

    const updates = e2e.slack.callsTo('views.update').length;
    await act.clickInView(team, OWNER, history, {
      action_id: ActionIds.historyRestore,
      block_id: restore.block_id ?? '',
      value: restore.accessory.value ?? '',
    });
    const update = await act.nextCall('views.update', updates);
    expect(update.args.view_id).toBe(history.id);
    expect(readable(openedView(update).blocks as unknown[])).toContain(
      'Version 1 was restored as version 3',
    );
    const stored = await drafts.get(workspaceKey({ teamId: team }), v1.id);
    expect(stored?.title).toBe('First title');
    expect(stored?.version).toBe(3);
  });

  it('an editor sees the history without Restore; a forged Restore click changes nothing', async () => {
    e2e.slack.setUser(EDITOR, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(OWNER, 'Owner decides', [EDITOR]));
    await saveTitle(drafts, team, v1, 'Owner decides, v2', OWNER);
    const history = await act.commandOpening(team, EDITOR, `history ${v1.id}`);
    expect(readable(history.blocks)).toContain('Only the owner can restore');
    expect(JSON.stringify(history.blocks)).not.toContain(ActionIds.historyRestore);

    const pushes = e2e.slack.callsTo('views.push').length;
    await act.clickInView(team, EDITOR, history, {
      action_id: ActionIds.historyRestore,
      block_id: 'revision.1',
      value: JSON.stringify({ p: v1.id, v: 1 }),
    });
    const refusal = await act.nextCall('views.push', pushes);
    expect(readable(openedView(refusal).blocks as unknown[])).toContain(
      'Only the owner can restore',
    );
    expect((await drafts.get(workspaceKey({ teamId: team }), v1.id))?.version).toBe(2);
  });

  it('restores nothing when the plan was saved after the history was opened, and shows the new history', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(OWNER, 'Moving target', [EDITOR]));
    const v2 = await saveTitle(drafts, team, v1, 'Moving target v2', OWNER);
    const history = await act.commandOpening(team, OWNER, `history ${v1.id}`);
    await saveTitle(drafts, team, v2, 'Moving target v3', EDITOR);
    const updates = e2e.slack.callsTo('views.update').length;
    await act.clickInView(team, OWNER, history, {
      action_id: ActionIds.historyRestore,
      block_id: 'revision.1',
      value: JSON.stringify({ p: v1.id, v: 1 }),
    });
    const text = readable(
      openedView(await act.nextCall('views.update', updates)).blocks as unknown[],
    );
    expect(text).toContain('Nothing was restored');
    expect(text).toContain('*v3*');
    expect((await drafts.get(workspaceKey({ teamId: team }), v1.id))?.title).toBe(
      'Moving target v3',
    );
  });
});
