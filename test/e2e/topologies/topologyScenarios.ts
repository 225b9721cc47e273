import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import type { DraftStore } from '../../../src/store/draftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { createPlanDraft, planDoc } from '../../services/browse/planDrafts.js';
import type { E2eContext } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { redisReady } from '../../support/redis/redisReady.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { browseActions, readable } from '../browse/browseE2e.js';
import { expectStoredExactly, runFullInterview } from '../interview/fullInterviewScenario.js';

/**
 * The end-to-end scenarios every Redis topology must pass, registered into the calling test file:
 * a complete interview in both languages, `/opsplan list` and App Home, and two editors saving
 * the same section. `drafts()` is a store on the same topology, for setting up and checking.
 */
export function describeTopologyScenarios(
  topology: string,
  e2e: E2eContext,
  drafts: () => DraftStore<Plan>,
): void {
  const act = browseActions(e2e);

  describe(`${topology}: a complete interview`, () => {
    it.each(['en', 'zh-CN'] as const)('stores exactly what was entered (%s)', async (locale) => {
      const { record, coverage } = await runFullInterview(e2e, drafts(), locale);
      expectStoredExactly(record, locale, coverage);
    });
  });

  describe(`${topology}: list and App Home`, () => {
    it('/opsplan list shows my drafts and no other workspace’s', async () => {
      const me = 'U0TOPOLIST';
      e2e.slack.setUser(me, { locale: 'en-US' });
      const team = uniqueWorkspace();
      const mine = await createPlanDraft(drafts(), team, planDoc(me, 'Cluster-wide <!here> plan'));
      await createPlanDraft(drafts(), uniqueWorkspace(), planDoc(me, 'Elsewhere plan'));
      const reply = await act.command(team, me, 'list');
      const text = readable(reply.blocks, reply.text);
      expect(text).toContain('Cluster-wide &lt;!here&gt; plan');
      expect(text).toContain(mine.id);
      expect(text).not.toContain('Elsewhere plan');
    });

    it('App Home publishes New plan and my drafts in my language, and New plan opens', async () => {
      const me = 'U0TOPOHOME';
      e2e.slack.setUser(me, { locale: 'zh-CN' });
      const team = uniqueWorkspace();
      await createPlanDraft(drafts(), team, planDoc(me, '首页上的计划'));
      const published = e2e.slack.callsTo('views.publish').length;
      const res = await e2e.client.event({
        teamId: team,
        event: { type: 'app_home_opened', user: me, channel: 'D0HOME0001', tab: 'home' },
      });
      expect(res.status).toBe(200);
      const home = openedView(await act.nextCall('views.publish', published));
      expect(home.type).toBe('home');
      const text = readable(home.blocks as unknown[]);
      expect(text).toContain('新建计划');
      expect(text).toContain('首页上的计划');

      const opened = e2e.slack.callsTo('views.open').length;
      await act.clickInView(team, me, home, {
        action_id: ActionIds.newPlan,
        block_id: 'home.new',
        value: 'new',
      });
      const modal = openedView(await act.nextCall('views.open', opened));
      expect(modal.callback_id).toBe(CallbackIds.planDetails);
    });
  });

  describe(`${topology}: two editors at once`, () => {
    it('never loses an update: the second is told, keeps what they typed, and can reload', async () => {
      const teamId = uniqueWorkspace();
      const owner = { teamId, userId: 'U0OWNER0001' };
      const editor = { teamId, userId: 'U0EDITOR001' };
      const record = await createPlanDraft(
        drafts(),
        teamId,
        planDoc(owner.userId, 'Two editors', [editor.userId]),
      );
      const ownerModal = modalDriver(e2e, owner);
      const editorModal = modalDriver(e2e, editor);
      await ownerModal.command(`edit ${record.id} goals`);
      await editorModal.command(`edit ${record.id} goals`);

      await ownerModal.submit({ 'f|vision': 'Owner vision', 'f|shortTermGoals': 'Owner goals' });
      await editorModal.submit({ 'f|vision': 'Editor vision', 'f|shortTermGoals': 'Editor goals' });
      expect(editorModal.view.callback_id).toBe(CallbackIds.conflict);
      expect(JSON.stringify(editorModal.view.blocks)).toContain('Editor vision');
      const stored = () => drafts().get(workspaceKey(owner), record.id);
      const afterOwner = await stored();
      expect(afterOwner?.doc.sections.goals).toEqual({
        vision: 'Owner vision',
        shortTermGoals: 'Owner goals',
      });

      await editorModal.click('opsplan.conflict.reload', {
        value: JSON.stringify({ p: record.id, s: 'goals' }),
      });
      await editorModal.submit();
      const merged = await stored();
      expect(merged?.doc.sections.goals).toEqual({
        vision: 'Editor vision',
        shortTermGoals: 'Editor goals',
      });
      expect(merged?.version).toBe((afterOwner?.version ?? 0) + 1);
    });
  });
}

/**
 * Resolves on the app's Redis connection's next `event`. Not `events.once`: that rejects on the
 * 'error' events ioredis emits for every failed reconnect attempt.
 */
export function appRedisEvent(e2e: E2eContext, event: 'ready' | 'close'): Promise<void> {
  return new Promise((resolve) => e2e.app.app.redis.once(event, () => resolve()));
}

/** Resolves once the app's Redis connection is ready (at once if it already is). */
export function appRedisReady(e2e: E2eContext): Promise<void> {
  return redisReady(e2e.app.app.redis);
}
