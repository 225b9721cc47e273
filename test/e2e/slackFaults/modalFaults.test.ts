import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { useE2e } from '../../support/app/e2e.js';
import type { Actor } from '../../support/app/modalDriver.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { requestHandled } from './appLogs.js';
import {
  type ExtraFaultKind,
  FAULTS,
  type FaultCase,
  type FaultKind,
  inject,
  printTally,
  record,
  type Seen,
  SLACK_ACK_BUDGET_MS,
} from './slackFaultTable.js';

// Slack Web API faults on the modal and App Home paths: views.open (new, edit, preview),
// views.update (Save & close, Add row), views.publish (App Home) and users.info (language).
const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
beforeEach(() => e2e.slack.reset());
afterAll(() => {
  printTally('modalFaults');
  redis.disconnect();
});

const APOLOGY = 'Sorry — something went wrong on our side';
const SAVED_DM = '*Saved ✓* — your answers in _Q2 operations plan_ are stored';

function plan(owner: string): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: 'Q2 operations plan',
      templateId: 'standard',
      stage: 'maturity',
      audience: 'team',
      period: { start: '2027-04-01', end: '2027-06-30' },
      owner,
      editors: [],
      language: 'en',
      timezone: 'Asia/Shanghai',
    },
    sections: { goals: { vision: 'Old vision', shortTermGoals: 'Old goals' } },
  });
}

async function ownedDraft(): Promise<{ actor: Actor; record: DraftRecord<Plan> }> {
  const actor = { teamId: uniqueWorkspace(), userId: 'U0OWNER0001' };
  const doc = plan(actor.userId);
  const created = await drafts.create(workspaceKey(actor), {
    doc,
    title: doc.meta.title,
    ownerId: actor.userId,
    editorIds: [],
    by: actor.userId,
  });
  return { actor, record: created };
}

interface Watch {
  method: string;
  match: (call: RecordedCall) => boolean;
  seen: (call: RecordedCall) => Seen;
}

/** The first thing the user gets after `t0`: the result, or a message; `silent` if neither comes. */
async function firstSeen(t0: number, watches: Watch[], timeoutMs = 6_000): Promise<Seen> {
  try {
    return await Promise.any(
      watches.map((w) =>
        e2e.slack
          .waitForCall(w.method, (c) => c.at >= t0 && w.match(c), timeoutMs)
          .then((call) => w.seen(call)),
      ),
    );
  } catch {
    return { kind: 'silent' };
  }
}

const ok = (c: RecordedCall) => c.result?.ok === true;
const textOf = (c: RecordedCall) => JSON.stringify(c.args.blocks ?? c.args.text ?? '');

/** The apology sent through the command's response_url. */
function ephemeralTo(responseUrl: string, t0: number): Watch {
  const path = new URL(responseUrl).pathname;
  return {
    method: 'response_url',
    match: (c) => c.path === path,
    seen: (c) => ({ kind: 'message', via: 'ephemeral', text: textOf(c), atMs: c.at - t0 }),
  };
}

/** Modals have no response_url: the apology arrives as a DM from the app. */
function dmTo(userId: string, t0: number): Watch {
  return {
    method: 'chat.postMessage',
    match: (c) => c.args.channel === userId,
    seen: (c) => ({ kind: 'message', via: 'dm', text: textOf(c), atMs: c.at - t0 }),
  };
}

function resultOf(method: string, t0: number, match: (c: RecordedCall) => boolean): Watch {
  return {
    method,
    match: (c) => ok(c) && match(c),
    seen: (c) => ({ kind: 'result', atMs: c.at - t0 }),
  };
}

/**
 * What each fault leads to on a call made after the request was acknowledged: the interactive
 * WebClient retries a 429 (after Retry-After), an HTTP 5xx and a timeout; ok:false is Slack's
 * considered answer, not retried: a message follows — the error boundary's apology when nothing
 * was done yet, a DM saying it is done when the work came first (Save & close).
 */
const AFTER_ACK: Record<FaultKind | ExtraFaultKind, Seen['kind']> = {
  '429': 'result',
  hang: 'result',
  '500': 'result',
  okFalse: 'message',
  lostAnswer: 'result',
  hangEvery: 'message',
};

/** The app still answers a plain command after the fault. */
async function stillServing(actor: Actor) {
  const res = await e2e.client.slashCommand({
    ...actor,
    text: 'help',
    responseUrl: e2e.slack.responseUrl(),
  });
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain('/opsplan');
}

function expectSeen(seen: Seen, c: FaultCase, via: 'ephemeral' | 'dm') {
  expect(seen.kind).toBe(AFTER_ACK[c.kind]);
  if (seen.kind === 'message') {
    expect(seen.via).toBe(via);
    expect(seen.text).toContain(APOLOGY);
  }
}

describe.each(FAULTS)('views.open × $label', (c) => {
  const commands: Array<{ name: string; text: (id: string) => string }> = [
    { name: '/opsplan new', text: () => 'new Launch plan' },
    { name: '/opsplan edit', text: (id) => `edit ${id} goals` },
    { name: '/opsplan preview', text: (id) => `preview ${id}` },
  ];
  it.each(commands)(
    '$name: the modal opens, or an ephemeral apology; the draft is untouched',
    async ({ text }) => {
      const { actor, record: draft } = await ownedDraft();
      inject(e2e.slack, 'views.open', c, 'expired_trigger_id');
      const responseUrl = e2e.slack.responseUrl();
      const t0 = Date.now();
      const res = await e2e.client.slashCommand({ ...actor, text: text(draft.id), responseUrl });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
      const seen = await firstSeen(t0, [
        resultOf('views.open', t0, () => true),
        ephemeralTo(responseUrl, t0),
      ]);
      record('views.open', c, seen, 1);
      expectSeen(seen, c, 'ephemeral');
      // One modal at most: a retried open never stacks a second one.
      expect(e2e.slack.callsTo('views.open').filter(ok)).toHaveLength(
        seen.kind === 'result' ? 1 : 0,
      );
      expect((await drafts.get(workspaceKey(actor), draft.id))?.version).toBe(draft.version);
      await stillServing(actor);
    },
  );
});

describe.each(FAULTS)('views.open (check-in DM Report) × $label', (c) => {
  // A Report click on a round that no longer exists: the same views.open the real Report modal
  // uses, without running a check-in round (test/e2e/scheduler covers the round itself).
  it('the Report modal (here: its "round is over" notice) opens, or an ephemeral apology in the DM', async () => {
    const actor = { teamId: uniqueWorkspace(), userId: 'U0KPIOWNER1' };
    inject(e2e.slack, 'views.open', c, 'expired_trigger_id');
    const responseUrl = e2e.slack.responseUrl();
    const t0 = Date.now();
    const res = await e2e.client.blockActions({
      ...actor,
      channelId: 'D0CHECKIN01',
      message: { ts: '1795000000.000100', blocks: [] },
      actions: [{ action_id: ActionIds.checkinReport, value: 'not-a-round' }],
      responseUrl,
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const seen = await firstSeen(t0, [
      resultOf('views.open', t0, () => true),
      ephemeralTo(responseUrl, t0),
    ]);
    record('views.open', c, seen, 1);
    expectSeen(seen, c, 'ephemeral');
    await stillServing(actor);
  });
});

describe.each(FAULTS)('views.update × $label', (c) => {
  it('Save & close: saved exactly once; the saved screen, or a DM saying it is saved — never an apology', async () => {
    const { actor, record: draft } = await ownedDraft();
    const modal = modalDriver(e2e, actor);
    await modal.command(`edit ${draft.id} goals`);
    const viewId = String(modal.view.id);
    inject(e2e.slack, 'views.update', c, 'not_found');
    const t0 = Date.now();
    const res = await e2e.client.blockActions({
      ...actor,
      view: modal.view,
      actions: [{ action_id: ActionIds.sectionSaveClose }],
      values: { 'f|vision': 'New vision typed', 'f|shortTermGoals': 'New goals typed' },
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const seen = await firstSeen(t0, [
      resultOf('views.update', t0, (u) => u.args.view_id === viewId),
      dmTo(actor.userId, t0),
    ]);
    record('views.update', c, seen, 2);
    // The save came first: a screen Slack refused is not a failed save. The user learns the
    // truth by DM, in their language, instead of "this action was not completed".
    expect(seen.kind).toBe(AFTER_ACK[c.kind]);
    if (seen.kind === 'message') {
      expect(seen.via).toBe('dm');
      expect(seen.text).toContain(SAVED_DM);
      expect(seen.text).toContain(`/opsplan edit ${draft.id}`);
    }
    const handled = await requestHandled(e2e.app.logs, actor.teamId, 'block_actions');
    expect(handled.failed).toBe(false);
    const dms = e2e.slack
      .callsTo('chat.postMessage')
      .filter((m) => m.args.channel === actor.userId);
    expect(dms.filter((m) => textOf(m).includes(APOLOGY))).toHaveLength(0);
    expect(dms).toHaveLength(seen.kind === 'message' ? 1 : 0);
    // What was typed is stored, once, whatever happened to the screen afterwards.
    const after = await drafts.get(workspaceKey(actor), draft.id);
    expect(after?.doc.sections.goals).toEqual({
      vision: 'New vision typed',
      shortTermGoals: 'New goals typed',
    });
    expect(after?.version).toBe(draft.version + 1);
    await stillServing(actor);
  });

  it('Add row: the extra row with typed values kept, or a DM apology; nothing saved', async () => {
    const { actor, record: draft } = await ownedDraft();
    const modal = modalDriver(e2e, actor);
    await modal.command(`edit ${draft.id} results`);
    const viewId = String(modal.view.id);
    const rowsBefore = modal.blockIds().filter((id) => id.endsWith('|name')).length;
    inject(e2e.slack, 'views.update', c, 'not_found');
    const t0 = Date.now();
    const res = await e2e.client.blockActions({
      ...actor,
      view: modal.view,
      actions: [{ action_id: ActionIds.rowAdd, value: 'kpis' }],
      values: { 'f|kpis|kpi-1|name': 'Paying shops' },
    });
    expect(res.status).toBe(200);
    const seen = await firstSeen(t0, [
      resultOf('views.update', t0, (u) => u.args.view_id === viewId),
      dmTo(actor.userId, t0),
    ]);
    record('views.update', c, seen, 2);
    expectSeen(seen, c, 'dm');
    if (seen.kind === 'result') {
      const shown = e2e.slack.view(viewId);
      const blocks =
        (shown?.view as { blocks?: Array<{ block_id: string }> } | undefined)?.blocks ?? [];
      expect(blocks.filter((b) => b.block_id.endsWith('|name')).length).toBe(rowsBefore + 1);
      expect(JSON.stringify(blocks)).toContain('Paying shops');
    }
    expect((await drafts.get(workspaceKey(actor), draft.id))?.version).toBe(draft.version);
  });
});

describe.each(FAULTS)('views.publish (App Home) × $label', (c) => {
  it('publishes after a retry, or logs the failure and publishes on the next open', async () => {
    const { actor } = await ownedDraft();
    inject(e2e.slack, 'views.publish', c, 'internal_error');
    const logsBefore = e2e.app.logs.length;
    const open = () =>
      e2e.client.event({
        teamId: actor.teamId,
        event: { type: 'app_home_opened', user: actor.userId, channel: 'D0HOME0001', tab: 'home' },
      });
    const t0 = Date.now();
    const res = await open();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const seen = await firstSeen(
      t0,
      [resultOf('views.publish', t0, (p) => p.args.user_id === actor.userId)],
      // ok:false answers at once; only a retried call needs the long wait.
      AFTER_ACK[c.kind] === 'result' ? 6_000 : 1_500,
    );
    record('views.publish', c, seen, 1);
    if (AFTER_ACK[c.kind] === 'result') {
      expect(seen.kind).toBe('result');
    } else {
      // An event carries no response_url and a Home tab no inline error: the failure cannot be
      // shown there. The app logs it (no DM, which would be noise for a tab the user only glanced
      // at) and the Home keeps its previous content until the next open.
      expect(seen.kind).toBe('silent');
      const failed = e2e.app.logs.slice(logsBefore).some((l) => l.includes('listener failed'));
      expect(failed).toBe(true);
      const t1 = Date.now();
      await open();
      const again = await firstSeen(t1, [
        resultOf('views.publish', t1, (p) => p.args.user_id === actor.userId),
      ]);
      expect(again.kind).toBe('result');
    }
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe.each(FAULTS)('users.info (language) × $label', (c) => {
  it('the command is answered within the budget, in the default language when Slack cannot say', async () => {
    const actor = {
      teamId: uniqueWorkspace(),
      userId: `U0LANG${c.kind.toUpperCase().padEnd(5, '0')}`,
    };
    e2e.slack.setUser(actor.userId, { locale: 'zh-CN' });
    inject(e2e.slack, 'users.info', c, 'user_not_found');
    const res = await e2e.client.slashCommand({
      ...actor,
      text: 'help',
      responseUrl: e2e.slack.responseUrl(),
    });
    const seen: Seen = res.status === 200 ? { kind: 'result', atMs: res.ms } : { kind: 'silent' };
    record('users.info', c, seen, 1);
    expect(seen.kind).toBe('result');
    // The locale lookup has an 800 ms deadline: no fault may eat the user's 3 s.
    expect(res.ms).toBeLessThan(1_500);
    expect(JSON.stringify(res.body)).toContain('/opsplan');
    await stillServing(actor);
  });
});
