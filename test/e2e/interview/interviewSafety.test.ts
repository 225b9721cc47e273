import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { useE2e } from '../../support/app/e2e.js';
import { type Actor, modalDriver } from '../../support/app/modalDriver.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

// Redis is killed in one test, so this file has a server of its own.
let redisServer: RedisServerHandle;
let drafts: RedisDraftStore<Plan>;
let redis: ReturnType<typeof connectTestRedis>;
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

/** A draft of the standard template in zh-CN, owned by `owner`, with `editors`. */
async function draftFor(owner: Actor, editors: string[] = []): Promise<DraftRecord<Plan>> {
  const doc = PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: '二季度运营计划',
      templateId: 'standard',
      stage: 'maturity',
      audience: 'team',
      period: { start: '2027-04-01', end: '2027-06-30' },
      owner: owner.userId,
      editors,
      language: 'zh-CN',
      timezone: 'Asia/Shanghai',
    },
    sections: { product: { description: '旧描述', targetUsers: '店主' } },
  });
  return drafts.create(workspaceKey(owner), {
    doc,
    title: doc.meta.title,
    ownerId: owner.userId,
    editorIds: editors,
    by: owner.userId,
  });
}

function team() {
  const teamId = uniqueWorkspace();
  return {
    owner: { teamId, userId: 'U0OWNER0001' },
    editor: { teamId, userId: 'U0EDITOR001' },
    stranger: { teamId, userId: 'U0STRANGER1' },
  };
}

async function stored(actor: Actor, id: string) {
  return drafts.get(workspaceKey(actor), id);
}

describe('inline validation', () => {
  it('answers wrong values with errors on the offending fields, in the plan’s language, and saves nothing', async () => {
    const { owner } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} results`);
    const res = await modal.submit({
      'f|kpis|kpi-1|name': '付费门店数',
      'f|kpis|kpi-1|deadline': '2028-01-15',
      'f|nextMilestone': '',
    });
    const body = res.body as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors['f|kpis|kpi-1|deadline']).toContain('不在计划周期内');
    expect(body.errors['f|nextMilestone']).toBeTruthy();
    expect((await stored(owner, record.id))?.version).toBe(record.version);
  });

  it('refuses a phase that ends before it starts', async () => {
    const { owner } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} strategy`);
    const res = await modal.submit({
      'f|phases|phase-1|name': 'Q2 冲刺',
      'f|phases|phase-1|start': '2027-06-01',
      'f|phases|phase-1|end': '2027-05-01',
    });
    const body = res.body as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).some((k) => k.startsWith('f|phases|phase-1|'))).toBe(true);
  });
});

describe('the start modal submitted again', () => {
  it('is one plan, not two: the second submission gets the plan the first created', async () => {
    const { owner } = team();
    const modal = modalDriver(e2e, owner);
    await modal.command('new 新品上市计划');
    const startModal = modal.view;
    const values = {
      'd|template': 'standard',
      'd|stage': 'startup',
      'd|audience': 'team',
      'd|start': '2027-01-01',
      'd|end': '2027-06-30',
      'd|language': 'zh-CN',
    };
    // As when the first answer never reached the user (or the next screen failed after the
    // plan was stored) and they press the button again on the same modal.
    const first = await e2e.client.viewSubmission({ ...owner, view: startModal, values });
    const second = await e2e.client.viewSubmission({ ...owner, view: startModal, values });
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect((res.body as { response_action: string }).response_action).toBe('update');
    }
    const plans = await drafts.listForUser(workspaceKey(owner), owner.userId);
    expect(plans.map((p) => p.title)).toEqual(['新品上市计划']);
    const metaOf = (res: typeof first) =>
      JSON.parse(
        String((res.body as { view: { private_metadata: string } }).view.private_metadata),
      );
    expect(metaOf(second).p).toBe(plans[0]?.id);
    expect(metaOf(first).p).toBe(plans[0]?.id);
  });
});

describe('two editors at once', () => {
  it('never loses an update: the second is told, sees what they typed, and can reload', async () => {
    const { owner, editor } = team();
    const record = await draftFor(owner, [editor.userId]);
    const ownerModal = modalDriver(e2e, owner);
    const editorModal = modalDriver(e2e, editor);
    await ownerModal.command(`edit ${record.id} goals`);
    await editorModal.command(`edit ${record.id} goals`);

    const first = await ownerModal.submit({
      'f|vision': '负责人的愿景',
      'f|shortTermGoals': '负责人的目标',
    });
    expect((first.body as { response_action: string }).response_action).toBe('update');
    const second = await editorModal.submit({
      'f|vision': '编辑者的愿景 <!here>',
      'f|shortTermGoals': '编辑者的目标',
    });
    expect(editorModal.view.callback_id).toBe(CallbackIds.conflict);
    const shown = JSON.stringify(editorModal.view.blocks);
    expect(shown).toContain('编辑者的愿景 &lt;!here&gt;');
    expect(second.status).toBe(200);

    // The owner's save stands.
    const after = await stored(owner, record.id);
    expect(after?.doc.sections.goals).toEqual({
      vision: '负责人的愿景',
      shortTermGoals: '负责人的目标',
    });

    // Reload: the latest version, with the editor's typed text laid over it, ready to save.
    await editorModal.click('opsplan.conflict.reload', {
      value: JSON.stringify({ p: record.id, s: 'goals' }),
    });
    expect(editorModal.view.callback_id).toBe(CallbackIds.section);
    expect(JSON.stringify(editorModal.view.blocks)).toContain('编辑者的愿景');
    await editorModal.submit();
    const merged = await stored(owner, record.id);
    expect(merged?.doc.sections.goals).toEqual({
      vision: '编辑者的愿景 <!here>',
      shortTermGoals: '编辑者的目标',
    });
    expect(merged?.version).toBe((after?.version ?? 0) + 1);
  });
});

describe('closing and resuming', () => {
  it('keeps what was typed in a closed step and shows it back on resume', async () => {
    const { owner } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} goals`);
    await modal.close({ 'f|vision': '还没保存的愿景' });
    expect((await stored(owner, record.id))?.version).toBe(record.version);

    const again = modalDriver(e2e, owner);
    await again.command(`edit ${record.id} goals`);
    const blocks = JSON.stringify(again.view.blocks);
    expect(blocks).toContain('还没保存的愿景');
    expect(blocks).toContain('尚未保存');
  });

  it('does not claim unsaved input when a step was closed unchanged', async () => {
    const { owner } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} product`);
    await modal.close();
    const again = modalDriver(e2e, owner);
    await again.command(`edit ${record.id} product`);
    expect(JSON.stringify(again.view.blocks)).not.toContain('尚未保存');
  });
});

describe('permissions', () => {
  it('refuses a non-editor at the command, and nothing changes', async () => {
    const { owner, stranger } = team();
    const record = await draftFor(owner);
    const res = await e2e.client.slashCommand({
      ...stranger,
      text: `edit ${record.id}`,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect((res.body as { text: string }).text).toContain('Only the owner and the editors');
  });

  it('refuses a submission replayed by a stranger or from another workspace pointing at this plan', async () => {
    const { owner, stranger } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} goals`);
    const view = modal.view;
    const intruders = [stranger, { teamId: uniqueWorkspace(), userId: owner.userId }];
    for (const intruder of intruders) {
      const res = await e2e.client.viewSubmission({
        ...intruder,
        view,
        values: { 'f|vision': 'hijack' },
      });
      expect(res.status).toBe(200);
      const body = res.body as { response_action: string; view: { blocks: unknown[] } };
      expect(body.response_action).toBe('update');
      expect(JSON.stringify(body.view.blocks)).not.toContain('hijack');
    }
    const after = await stored(owner, record.id);
    expect(after?.version).toBe(record.version);
    expect(after?.doc.sections.goals).toBeUndefined();
  });
});

describe('Redis killed mid-interview', () => {
  it('answers within 3 s with a clear message, writes nothing half, and continues after Redis returns', async () => {
    const { owner } = team();
    const record = await draftFor(owner);
    const modal = modalDriver(e2e, owner);
    await modal.command(`edit ${record.id} goals`);
    const typed = { 'f|vision': '断电前的愿景', 'f|shortTermGoals': '断电前的目标' };

    await redisServer.kill();
    const down = await modal.submit(typed);
    expect(down.ms).toBeLessThan(3000);
    const body = down.body as { response_action: string; errors: Record<string, string> };
    // The modal stays open with an inline message; Slack keeps everything typed.
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors).join()).toMatch(/storage|存储/i);

    await redisServer.restart();
    const appRedis = e2e.app.app.redis;
    if (appRedis.status !== 'ready')
      await new Promise((resolve) => appRedis.once('ready', resolve));
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    expect((await stored(owner, record.id))?.version).toBe(record.version);

    const up = await modal.submit(typed);
    expect((up.body as { response_action: string }).response_action).toBe('update');
    expect((await stored(owner, record.id))?.doc.sections.goals).toEqual({
      vision: '断电前的愿景',
      shortTermGoals: '断电前的目标',
    });
  });
});
