import { once } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { createPlanDraft, planDoc, saveTitle } from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { type Actor, modalDriver } from '../../support/app/modalDriver.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { requestHandled } from './appLogs.js';

// The work is done (saved, restored), then the call that shows it fails. The user must hear the
// truth — by DM, in their language — never "this action was not completed". And when the work
// itself fails, the apology still comes. One test kills Redis, so this file has a server of its own.
let redisServer: RedisServerHandle;
let redis: ReturnType<typeof connectTestRedis>;
let drafts: RedisDraftStore<Plan>;
beforeAll(async () => {
  redisServer = await startRedisServer({ appendonly: true });
  redis = connectTestRedis(redisServer.url);
  drafts = new RedisDraftStore(redis, PlanSchema);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});
const e2e = useE2e({ redisUrl: () => redisServer.url });
beforeEach(() => e2e.slack.reset());

const APOLOGY = 'this action was not completed';
const STORAGE_DOWN = 'storage is unavailable right now, so this action could not be completed';

/** A user in a workspace of their own; Slack reports their language as `locale`. */
function newActor(locale = 'en-US'): Actor {
  const actor = { teamId: uniqueWorkspace(), userId: 'U0SAVER0001' };
  e2e.slack.setUser(actor.userId, { locale });
  return actor;
}

async function ownedDraft(actor: Actor): Promise<DraftRecord<Plan>> {
  return createPlanDraft(drafts, actor.teamId, planDoc(actor.userId, 'Q3 growth plan'));
}

const textOf = (c: RecordedCall) => JSON.stringify(c.args.blocks ?? c.args.text ?? '');

function dmsTo(userId: string): RecordedCall[] {
  return e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
}

/** Clicks a step button with new answers typed, without waiting for the screen it may not get. */
async function clickStep(actor: Actor, view: Record<string, unknown>, actionId: string) {
  const res = await e2e.client.blockActions({
    ...actor,
    view,
    actions: [{ action_id: actionId }],
    values: { 'f|vision': 'Typed before the fault', 'f|shortTermGoals': 'Also typed' },
  });
  expect(res.status).toBe(200);
}

describe('the work is done, the screen is not updated', () => {
  it('Save & close, views.update failing every attempt (HTTP 500 × 3): saved once, a DM says so, no apology', async () => {
    const actor = newActor();
    const draft = await ownedDraft(actor);
    const modal = modalDriver(e2e, actor);
    await modal.command(`edit ${draft.id} goals`);
    // The interactive client tries three times; every one fails.
    e2e.slack.fail('views.update', { status: 500 }, 3);
    await clickStep(actor, modal.view, ActionIds.sectionSaveClose);

    const handled = await requestHandled(e2e.app.logs, actor.teamId, 'block_actions');
    expect(handled.failed).toBe(false);
    expect(e2e.slack.callsTo('views.update')).toHaveLength(3);
    const dms = dmsTo(actor.userId);
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0] as RecordedCall)).toContain(
      '*Saved ✓* — your answers in _Q3 growth plan_ are stored',
    );
    expect(textOf(dms[0] as RecordedCall)).toContain(`/opsplan edit ${draft.id}`);
    expect(textOf(dms[0] as RecordedCall)).not.toContain(APOLOGY);
    const after = await drafts.get(workspaceKey(actor), draft.id);
    expect(after?.doc.sections.goals).toMatchObject({ vision: 'Typed before the fault' });
    expect(after?.version).toBe(draft.version + 1);
  });

  it('Back, views.update refused (ok:false): saved, and the DM is in the user’s language (zh-CN)', async () => {
    const actor = newActor('zh-CN');
    const draft = await ownedDraft(actor);
    const modal = modalDriver(e2e, actor);
    await modal.command(`edit ${draft.id} goals`);
    e2e.slack.fail('views.update', { okFalse: 'not_found' }, 1);
    await clickStep(actor, modal.view, ActionIds.sectionBack);

    const handled = await requestHandled(e2e.app.logs, actor.teamId, 'block_actions');
    expect(handled.failed).toBe(false);
    const dms = dmsTo(actor.userId);
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0] as RecordedCall)).toContain('*已保存 ✓*');
    expect(textOf(dms[0] as RecordedCall)).not.toContain('操作未完成');
    expect((await drafts.get(workspaceKey(actor), draft.id))?.version).toBe(draft.version + 1);
  });

  it('history Restore, views.update refused (ok:false): restored, a DM says which version, no apology', async () => {
    const actor = newActor();
    const v1 = await ownedDraft(actor);
    await saveTitle(drafts, actor.teamId, v1, 'Q3 growth plan, renamed', actor.userId);
    const modal = modalDriver(e2e, actor);
    await modal.command(`history ${v1.id}`);
    e2e.slack.fail('views.update', { okFalse: 'not_found' }, 1);
    const res = await e2e.client.blockActions({
      ...actor,
      view: modal.view,
      actions: [
        {
          action_id: ActionIds.historyRestore,
          block_id: 'revision.1',
          value: JSON.stringify({ p: v1.id, v: 1 }),
        },
      ],
    });
    expect(res.status).toBe(200);

    const handled = await requestHandled(e2e.app.logs, actor.teamId, 'block_actions');
    expect(handled.failed).toBe(false);
    const dms = dmsTo(actor.userId);
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0] as RecordedCall)).toContain('Version 1 was restored as version 3');
    const stored = await drafts.get(workspaceKey(actor), v1.id);
    expect(stored?.title).toBe('Q3 growth plan');
    expect(stored?.version).toBe(3);
  });
});

describe('the work itself fails', () => {
  it('Save & close with Redis down: nothing saved, the storage apology by DM, no "Saved"', async () => {
    const actor = newActor();
    const draft = await ownedDraft(actor);
    const modal = modalDriver(e2e, actor);
    await modal.command(`edit ${draft.id} goals`);

    await redisServer.kill();
    try {
      await clickStep(actor, modal.view, ActionIds.sectionSaveClose);
      const handled = await requestHandled(e2e.app.logs, actor.teamId, 'block_actions');
      expect(handled.failed).toBe(true);
      const dms = dmsTo(actor.userId);
      expect(dms).toHaveLength(1);
      expect(textOf(dms[0] as RecordedCall)).toContain(STORAGE_DOWN);
      expect(textOf(dms[0] as RecordedCall)).not.toContain('Saved');
      expect(e2e.slack.callsTo('views.update')).toHaveLength(0);
    } finally {
      await redisServer.restart();
      const appRedis = e2e.app.app.redis;
      if (appRedis.status !== 'ready') await once(appRedis, 'ready');
      if (redis.status !== 'ready') await once(redis, 'ready');
    }
    expect((await drafts.get(workspaceKey(actor), draft.id))?.version).toBe(draft.version);
  });
});
