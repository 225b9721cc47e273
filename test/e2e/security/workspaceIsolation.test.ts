import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/domain/fieldTypes.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { encodePlanDetailsMetadata } from '../../../src/slack/ui/interview/planDetailsModal.js';
import { encodeConfirmMetadata } from '../../../src/slack/ui/publish/publishValues.js';
import { ImportBlockIds } from '../../../src/slack/ui/transfer/importModal.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed } from '../../domain/review/fixtures.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';

/**
 * All 16 action_ids and all 12 callback_ids of `src/slack/ui/ids.ts` (the tables below must list
 * every one: a new id fails "sweeps every id" until it is added), pointed at one workspace's plan
 * by (a) the same user id in another workspace and (b) a non-editor of the same workspace — with
 * the plan's real button values and the real private_metadata of the modals its owner opened
 * (interview step, delete, history, preview, schedule settings, the check-in Report of a real
 * round). Nothing changes anywhere in Redis, nothing is posted, and the other workspace learns
 * nothing of the plan. The two ids that name no plan (`newPlan`, `importPlan`) are sent with the
 * plan's id slipped into their value / private_metadata: they act only in the actor's own name.
 */

let redisServer: RedisServerHandle;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedisServer();
  redis = connectTestRedis(redisServer.url);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});
const e2e = useE2e({ redisUrl: () => redisServer.url, env: { SCHEDULER_TICK: '0 0 1 1 *' } });

const SECRET = 'Isolation-secret-plan-7Q';
const team = uniqueWorkspace();
const channel = newChannel();
const dmOf = (user: string) => `D${user.slice(1)}`;
let planId = '';
/** The Report button's value on the owner's check-in DM: the plan and the real round. */
let reportValue = '';
const ownerViews: Partial<Record<string, Record<string, unknown>>> = {};

type ActionName = keyof typeof ActionIds;
type ViewName = keyof typeof CallbackIds;

/**
 * Every action of ids.ts: the value the app gives its button for this plan, and where the button
 * sits (buttons inside the interview modal read the plan from the modal's private_metadata).
 */
const ACTIONS: Record<ActionName, { value: () => string; inSectionModal?: true }> = {
  sectionBack: { value: () => planId, inSectionModal: true },
  sectionSaveClose: { value: () => planId, inSectionModal: true },
  rowAdd: { value: () => 'resources', inSectionModal: true },
  rowRemove: { value: () => JSON.stringify({ f: 'resources', r: 'res-1' }), inSectionModal: true },
  conflictReload: { value: () => planId, inSectionModal: true },
  // Names no plan (its real value is the constant 'new'); sent with the plan's id instead.
  newPlan: { value: () => planId },
  planResume: { value: () => planId },
  planPreview: { value: () => planId },
  planDelete: { value: () => planId },
  planHistory: { value: () => planId },
  planPublish: { value: () => planId },
  planRevise: { value: () => planId },
  openSection: { value: () => JSON.stringify({ p: planId, s: 'product' }) },
  historyRestore: { value: () => JSON.stringify({ p: planId, v: 1 }) },
  checkinReport: { value: () => reportValue },
  planSettings: { value: () => planId },
};

/** How each modal of ids.ts reaches the sweep with this plan in its private_metadata. */
type ViewSource =
  /** The owner's real modal, opened in beforeAll. */
  | { from: 'captured' }
  /** Built as the app builds it, for modals the owner cannot simply open. */
  | { from: 'built'; metadata: () => string }
  /** Names no plan: creates in the actor's own workspace (its own test below). */
  | { from: 'own workspace'; why: string };

const VIEWS: Record<ViewName, ViewSource & { nothingToSubmit?: true }> = {
  // The app never opens it for an existing plan and refuses every mode but 'new'; the edit form is
  // the only plan-bound shape it has.
  planDetails: { from: 'built', metadata: () => encodePlanDetailsMetadata('edit', planId) },
  section: { from: 'captured' },
  saved: { from: 'built', metadata: () => JSON.stringify({ p: planId }), nothingToSubmit: true },
  conflict: {
    from: 'built',
    metadata: () => JSON.stringify({ p: planId, v: 1, s: 'product', r: {} }),
    nothingToSubmit: true,
  },
  preview: { from: 'captured', nothingToSubmit: true },
  deleteConfirm: { from: 'captured' },
  history: { from: 'captured', nothingToSubmit: true },
  // Opens only when the review has warnings (this plan has none): the draft's real version, so a
  // refusal cannot come from a stale version before the authorization check.
  publishConfirm: {
    from: 'built',
    metadata: () => encodeConfirmMetadata({ p: planId, v: draftVersion, c: channel }),
  },
  publishStatus: {
    from: 'built',
    metadata: () => JSON.stringify({ p: planId }),
    nothingToSubmit: true,
  },
  importPlan: {
    from: 'own workspace',
    why: 'creates a new draft owned by the submitter in the submitter’s workspace',
  },
  checkinReport: { from: 'captured' },
  scheduleSettings: { from: 'captured' },
};
let draftVersion = 1;

/**
 * Every key and value on the private server, hashed: "nothing changed" over the whole store. Keys,
 * members, fields and values mentioning an `ignore` string are left out (the actor's own new draft).
 */
async function storeDigest(ignore: readonly string[] = []): Promise<string> {
  const kept = (text: string) => !ignore.some((s) => text.includes(s));
  const keys = (await redis.keys('*')).filter(kept).sort();
  const hash = createHash('sha256');
  for (const key of keys) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === 'string') value = await redis.get(key);
    else if (type === 'hash')
      value = Object.entries(await redis.hgetall(key)).filter(
        ([field, v]) => kept(field) && kept(v),
      );
    else if (type === 'zset') value = (await zsetEntries(key)).filter(([member]) => kept(member));
    else if (type === 'set') value = (await redis.smembers(key)).filter(kept).sort();
    else if (type === 'list') value = (await redis.lrange(key, 0, -1)).filter(kept);
    else if (type === 'stream') value = await redis.xrange(key, '-', '+');
    hash.update(`${key}\u0000${type}\u0000${JSON.stringify(value)}\u0001`);
  }
  return hash.digest('hex');
}

/** [member, score] pairs, whichever protocol shape the client returns them in. */
async function zsetEntries(key: string): Promise<Array<[string, string]>> {
  const raw = (await redis.call('ZRANGE', key, '0', '-1', 'WITHSCORES')) as unknown[];
  if (raw.every(Array.isArray)) return raw as Array<[string, string]>;
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([String(raw[i]), String(raw[i + 1])]);
  return pairs;
}

async function opens(
  actor: { teamId: string; userId: string },
  text: string,
): Promise<Record<string, unknown>> {
  const before = e2e.slack.callsTo('views.open').length;
  await e2e.client.slashCommand({ ...actor, text, responseUrl: e2e.slack.responseUrl() });
  const call = await e2e.slack.waitForCall(
    'views.open',
    (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
  );
  return openedView(call);
}

/** The owner's check-in DM of a round started now, and the Report modal it opens. */
async function ownerReportModal(): Promise<void> {
  await e2e.client.slashCommand({
    teamId: team,
    userId: OWNER,
    text: `checkin ${planId} now`,
    responseUrl: e2e.slack.responseUrl(),
  });
  const dm = await e2e.slack.waitForCall(
    'chat.postMessage',
    (c) => c.args.channel === dmOf(OWNER) && c.result?.ok === true,
    15_000,
  );
  const blocks = dm.args.blocks as Array<{
    elements?: Array<{ action_id?: string; value?: string }>;
  }>;
  const button = blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === ActionIds.checkinReport);
  reportValue = button?.value ?? '';
  expect(reportValue).toContain(planId);
  const before = e2e.slack.callsTo('views.open').length;
  await e2e.client.blockActions({
    teamId: team,
    userId: OWNER,
    channelId: dmOf(OWNER),
    message: { ts: String(dm.result?.ts), blocks },
    actions: [{ action_id: ActionIds.checkinReport, value: reportValue }],
  });
  const open = await e2e.slack.waitForCall(
    'views.open',
    (c) => e2e.slack.callsTo('views.open').indexOf(c) >= before,
  );
  ownerViews[CallbackIds.checkinReport] = openedView(open);
  expect(ownerViews[CallbackIds.checkinReport]?.callback_id).toBe(CallbackIds.checkinReport);
  // The round's run ends with its claim completed and its send pacing expired (TTL ~1 s): only
  // then is the store at rest, so that "unchanged" below means the forged requests changed nothing.
  await until(async () => {
    const claims = await redis.keys('opsplan:{sched:*}:claims');
    const held = await Promise.all(claims.map((k) => redis.hlen(k)));
    const paces = await redis.keys('opsplan:*:pace:*');
    return held.every((n) => n === 0) && paces.length === 0;
  }, 'the check-in round to finish and its pacing to expire');
}

/** For beforeAll, where expect.poll is not available. */
async function until(done: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  e2e.slack.setUser(OWNER, { locale: 'en-US' });
  const act = publishActions(e2e, redis);
  const doc = changed(cleanPlan(channel, SECRET), (p) => {
    p.meta.channel = channel;
    // The owner also holds a KPI, so the owner's own check-in DM and Report modal exist.
    const [kpi] = (p.sections.results?.kpis ?? []) as Kpi[];
    if (kpi) kpi.owner = OWNER;
  });
  planId = (await act.createPlan(team, doc)).id;
  // Wait for the whole publish (summary, paced thread replies, file): its posts are not the attackers'.
  const published = await act.command(team, OWNER, `publish ${planId}`);
  expect(await published.later(30_000)).toContain('published');
  const owner = { teamId: team, userId: OWNER };
  // The modals the owner can open on this plan, with their real private_metadata.
  ownerViews[CallbackIds.section] = await opens(owner, `edit ${planId}`);
  ownerViews[CallbackIds.deleteConfirm] = await opens(owner, `delete ${planId}`);
  ownerViews[CallbackIds.history] = await opens(owner, `history ${planId}`);
  ownerViews[CallbackIds.preview] = await opens(owner, `preview ${planId}`);
  ownerViews[CallbackIds.scheduleSettings] = await opens(owner, `settings ${planId}`);
  await ownerReportModal();
  draftVersion = (await act.drafts.get(workspaceKey({ teamId: team }), planId))?.version ?? 0;
  expect(draftVersion).toBeGreaterThan(0);
}, 30_000);

/** A modal of `callbackId` about this plan: the owner's real one, or one built like the app builds it. */
function viewFor(name: ViewName): Record<string, unknown> {
  const source = VIEWS[name];
  const callbackId = CallbackIds[name];
  if (source.from === 'captured') {
    const real = ownerViews[callbackId];
    if (!real) throw new Error(`the owner's ${callbackId} modal was not captured`);
    return real;
  }
  return {
    id: `V0FORGED${callbackId.length}`,
    type: 'modal',
    callback_id: callbackId,
    private_metadata: source.from === 'built' ? source.metadata() : JSON.stringify({ p: planId }),
    title: { type: 'plain_text', text: 'Forged' },
    blocks: [],
    hash: '1.forged',
  };
}

const ATTACKERS = [
  [
    'the owner’s user id in another workspace',
    () => ({ teamId: uniqueWorkspace(), userId: OWNER }),
  ],
  ['a non-editor of the same workspace', () => ({ teamId: team, userId: 'U0NOTEDITOR' })],
] as const;

/**
 * After a forged request, waits until the app has visibly answered (a refusal, a notice) or 1 s
 * passed — a refusal may legitimately be silent — then returns every call it made meanwhile.
 */
async function callsAfter(before: number): Promise<RecordedCall[]> {
  await expect
    .poll(() => e2e.slack.calls.length > before, { timeout: 1_000 })
    .toBe(true)
    .catch(() => undefined);
  return e2e.slack.calls.slice(before);
}

function assertNothingLeaked(who: string, calls: RecordedCall[], response: unknown): void {
  if (!who.includes('another workspace')) return;
  expect(JSON.stringify(response)).not.toContain(SECRET);
  for (const call of calls) expect(JSON.stringify(call.args), call.method).not.toContain(SECRET);
}

function assertNothingPosted(calls: RecordedCall[]): void {
  const posted = calls.filter(
    (c) =>
      (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.channel === channel,
  );
  expect(posted).toEqual([]);
  expect(calls.filter((c) => c.method === 'files.completeUploadExternal')).toEqual([]);
}

const actionNames = Object.keys(ACTIONS) as ActionName[];
const viewNames = Object.keys(VIEWS) as ViewName[];
// Views with nothing to submit have no submission listener: Bolt answers 404 after its 3 s wait,
// so they are sent together.
const submitted = viewNames.filter(
  (n) => VIEWS[n].from !== 'own workspace' && !VIEWS[n].nothingToSubmit,
);
const nothingToSubmit = viewNames.filter((n) => VIEWS[n].nothingToSubmit);

describe('the sweep', () => {
  it('sweeps every action_id and callback_id of src/slack/ui/ids.ts', () => {
    expect([...actionNames].sort()).toEqual(Object.keys(ActionIds).sort());
    expect([...viewNames].sort()).toEqual(Object.keys(CallbackIds).sort());
    // A view that creates in the actor's own workspace needs a test of its own (importPlan's below).
    const ownWorkspace = viewNames.filter((n) => VIEWS[n].from === 'own workspace');
    expect(ownWorkspace).toEqual(['importPlan']);
    const swept = [...submitted, ...nothingToSubmit, ...ownWorkspace];
    expect(swept.sort()).toEqual(Object.keys(CallbackIds).sort());
  });
});

describe.each(ATTACKERS)('%s', (who, attacker) => {
  it.each(actionNames)(
    'clicks %s on the plan: nothing changes, nothing posted or leaked',
    async (name) => {
      const actionId = ActionIds[name];
      const actor = attacker();
      const digest = await storeDigest();
      const before = e2e.slack.calls.length;
      const action = { action_id: actionId, value: ACTIONS[name].value() };
      const res = ACTIONS[name].inSectionModal
        ? await e2e.client.blockActions({
            ...actor,
            view: ownerViews[CallbackIds.section] as Record<string, unknown>,
            actions: [action],
          })
        : await e2e.client.blockActions({
            ...actor,
            actions: [action],
            responseUrl: e2e.slack.responseUrl(),
            message: {
              ts: '1716900000.000100',
              blocks: [
                {
                  type: 'actions',
                  block_id: 'forged',
                  elements: [
                    {
                      type: 'button',
                      action_id: actionId,
                      text: { type: 'plain_text', text: 'x' },
                      value: action.value,
                    },
                  ],
                },
              ],
            },
          });
      expect(res.status).toBeLessThan(500);
      const calls = await callsAfter(before);
      assertNothingLeaked(who, calls, res.body);
      assertNothingPosted(calls);
      expect(await storeDigest()).toBe(digest);
    },
  );

  it.each(submitted)(
    'submits %s about the plan: nothing changes, nothing posted or leaked',
    async (name) => {
      const actor = attacker();
      const digest = await storeDigest();
      const before = e2e.slack.calls.length;
      const res = await e2e.client.viewSubmission({ ...actor, view: viewFor(name) });
      const calls = await callsAfter(before);
      assertNothingLeaked(who, calls, res.body);
      assertNothingPosted(calls);
      expect(await storeDigest()).toBe(digest);
    },
  );

  it(`submits the views with nothing to submit (${nothingToSubmit.join(', ')}): nothing changes`, async () => {
    const actor = attacker();
    const digest = await storeDigest();
    const before = e2e.slack.calls.length;
    const answers = await Promise.all(
      nothingToSubmit.map((name) => e2e.client.viewSubmission({ ...actor, view: viewFor(name) })),
    );
    const calls = e2e.slack.calls.slice(before);
    for (const res of answers) assertNothingLeaked(who, calls, res.body);
    assertNothingPosted(calls);
    expect(await storeDigest()).toBe(digest);
  });

  it('imports with the plan’s id in private_metadata: a new draft of the actor’s own, the plan untouched', async () => {
    const actor = attacker();
    const own = await opens(actor, 'import');
    expect(own.callback_id).toBe(CallbackIds.importPlan);
    const digest = await storeDigest();
    const before = e2e.slack.calls.length;
    const copy = cleanPlan(channel, 'Attacker copy');
    const attached = e2e.slack.addUserFile({ filename: 'plan.yaml', content: planToYaml(copy) });
    const res = await e2e.client.viewSubmission({
      ...actor,
      view: { ...own, private_metadata: JSON.stringify({ p: planId, m: 'edit', id: planId }) },
      values: { [ImportBlockIds.file]: { files: [attached] } },
    });
    expect(res.body).toMatchObject({ response_action: 'update' });
    const actorWs = workspaceKey({ teamId: actor.teamId });
    const drafts = publishActions(e2e, redis).drafts;
    const mine = (await drafts.listForUser(actorWs, actor.userId)).filter((d) => d.id !== planId);
    expect(mine.map((d) => d.title)).toEqual(['Attacker copy']);
    const newId = mine[0]?.id ?? '';
    const calls = e2e.slack.calls.slice(before);
    assertNothingLeaked(who, calls, res.body);
    assertNothingPosted(calls);
    // Everything but the actor's new draft (and, from another workspace, that workspace) is as it was.
    const ignore = actor.teamId === team ? [newId] : [newId, actorWs];
    expect(await storeDigest(ignore)).toBe(digest);
    await drafts.delete(actorWs, newId);
  });

  it('closes the plan’s interview modal with typed text: nothing is kept for the plan', async () => {
    const actor = attacker();
    const digest = await storeDigest();
    const view = ownerViews[CallbackIds.section] as Record<string, unknown>;
    const res = await e2e.client.viewClosed({ ...actor, view });
    expect(res.status).toBeLessThan(500);
    expect(await storeDigest()).toBe(digest);
  });
});
