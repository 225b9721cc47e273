import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { RESPOND_DEADLINE_MS } from '../../../src/slack/respondDeadline.js';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import { ImportBlockIds } from '../../../src/slack/ui/transfer/importModal.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { smallPlan } from '../../services/transfer/transferFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { type Actor, modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { logRecords, requestHandled } from './appLogs.js';
import {
  FAULTS,
  type FaultCase,
  inject,
  injectFault,
  printTally,
  record,
  type Seen,
  SLACK_ACK_BUDGET_MS,
} from './slackFaultTable.js';

// Slack Web API faults on /opsplan export (conversations.open, the external upload, the
// response_url confirmation) and on the import modal's files.info.
const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
beforeEach(() => e2e.slack.reset());
afterAll(() => {
  printTally('transferFaults');
  redis.disconnect();
});

const EXPORT_FAILED = 'the file could not be sent to your direct messages';
const UNREADABLE = 'The attached file could not be read from Slack';
const APOLOGY = 'Sorry — something went wrong on our side';

async function ownedDraft(): Promise<{ actor: Actor; record: DraftRecord<Plan> }> {
  const actor = { teamId: uniqueWorkspace(), userId: 'U0OWNER0001' };
  const doc = smallPlan(actor.userId);
  const created = await drafts.create(workspaceKey(actor), {
    doc,
    title: doc.meta.title,
    ownerId: actor.userId,
    editorIds: [],
    by: actor.userId,
  });
  return { actor, record: created };
}

/** Ids of the files this test's export shared (every completeUploadExternal call, whatever it answered). */
function completedFileIds(): string[] {
  const ids = e2e.slack
    .callsTo('files.completeUploadExternal')
    .flatMap((c) => (c.args.files as Array<{ id: string }>).map((f) => f.id));
  return [...new Set(ids)];
}

/**
 * Runs `/opsplan export <plan>` with `method` faulted and waits until the command has said its
 * word on the response_url.
 */
async function exportWithFault(method: string, c: FaultCase, okFalseError: string) {
  const { actor, record: draft } = await ownedDraft();
  inject(e2e.slack, method, c, okFalseError);
  const responseUrl = e2e.slack.responseUrl();
  const path = new URL(responseUrl).pathname;
  const res = await e2e.client.slashCommand({ ...actor, text: `export ${draft.id}`, responseUrl });
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
  expect(res.body).toBe('');
  const reply = await e2e.slack.waitForCall('response_url', (r) => r.path === path, 8_000);
  const text = JSON.stringify(reply.args.blocks ?? reply.args.text);
  const shared = e2e.slack.uploadedFiles().filter((f) => completedFileIds().includes(f.id));
  const seen: Seen =
    shared.length > 0
      ? { kind: 'result', atMs: 0 }
      : text.includes(EXPORT_FAILED)
        ? { kind: 'message', via: 'ephemeral', text, atMs: 0 }
        : { kind: 'silent' };
  record(method, c, seen, 1);
  return { seen, shared, text, actor, draft };
}

describe.each(['conversations.open', 'files.getUploadURLExternal', 'files.completeUploadExternal'])(
  'export: %s',
  (method) => {
    const okFalse: Record<string, string> = {
      'conversations.open': 'user_disabled',
      'files.getUploadURLExternal': 'internal_error',
      'files.completeUploadExternal': 'channel_not_found',
    };
    it.each(FAULTS)(
      '$label: one file in the DM after a retry, or a specific ephemeral failure',
      async (c) => {
        const { seen, shared, text, actor, draft } = await exportWithFault(
          method,
          c,
          okFalse[method] ?? 'internal_error',
        );
        if (c.kind === 'okFalse') {
          expect(seen.kind).toBe('message');
          expect(shared).toHaveLength(0);
        } else {
          expect(seen.kind).toBe('result');
          expect(shared).toHaveLength(1);
          expect(shared[0]?.content).toContain('Every shop runs on us by 2030.');
          expect(text).not.toContain(EXPORT_FAILED);
        }
        // Never two files: a retry reuses the one upload, it does not start another.
        expect(completedFileIds().length).toBeLessThanOrEqual(1);
        expect((await drafts.get(workspaceKey(actor), draft.id))?.version).toBe(draft.version);
      },
    );
  },
);

describe('export: a lost answer is not a second file', () => {
  it.each(['files.getUploadURLExternal', 'files.completeUploadExternal', 'conversations.open'])(
    '%s does the work but the answer is lost: the retry shares the same file, once',
    async (method) => {
      const { actor, record: draft } = await ownedDraft();
      injectFault(e2e.slack, method, { dropResponse: true }, 1);
      const responseUrl = e2e.slack.responseUrl();
      const path = new URL(responseUrl).pathname;
      const res = await e2e.client.slashCommand({
        ...actor,
        text: `export ${draft.id}`,
        responseUrl,
      });
      expect(res.status).toBe(200);
      const reply = await e2e.slack.waitForCall('response_url', (r) => r.path === path, 8_000);
      expect(JSON.stringify(reply.args.blocks ?? reply.args.text)).not.toContain(EXPORT_FAILED);
      const ids = completedFileIds();
      // The completion is retried with the file id it already had; Slack shares one file.
      expect(ids).toHaveLength(1);
      const shared = e2e.slack.uploadedFiles().filter((f) => ids.includes(f.id));
      expect(shared).toHaveLength(1);
      record(
        method,
        { kind: 'lostAnswer', label: 'dropResponse', fault: () => ({ dropResponse: true }) },
        { kind: 'result', atMs: 0 },
        1,
      );
    },
  );
});

describe('export: the response_url confirmation', () => {
  it.each(FAULTS.filter((c) => c.kind !== 'hang'))(
    '$label: the file is shared once; no apology for an export that happened',
    async (c) => {
      // A 429/500 makes Bolt's respond() throw (it never retries). The file is already in the
      // user's DM with its comment, which says what it is: the failed note is logged, and nothing
      // else is posted — above all not "this action was not completed".
      const { seen, shared, actor } = await exportWithFault('response_url', c, 'expired_url');
      expect(seen.kind).toBe('result');
      expect(shared).toHaveLength(1);
      const handled = await requestHandled(e2e.app.logs, actor.teamId, 'slash_command');
      expect(handled.failed).toBe(false);
      const posts = e2e.slack.callsTo('response_url');
      expect(posts).toHaveLength(1);
      const dms = e2e.slack.callsTo('chat.postMessage');
      expect(JSON.stringify([...posts, ...dms].map((p) => p.args))).not.toContain(APOLOGY);
      if (c.kind === '429' || c.kind === '500') {
        const warned = logRecords(e2e.app.logs).find(
          (r) => r.msg === 'work done, but its confirmation failed' && r.teamId === actor.teamId,
        );
        expect(warned).toMatchObject({ level: 'warn', method: 'response_url' });
        expect(warned?.err).toMatchObject({ code: 'slack_bolt_respond_error' });
      }
    },
  );
});

describe('export: the response_url never answers', () => {
  // Bolt's respond() has no timeout of its own; the app bounds it (RESPOND_DEADLINE_MS) so the
  // request ends instead of waiting on the socket for as long as it stays open.
  it('the file is still shared once; the post is abandoned after the deadline and the request ends', async () => {
    const { actor, record: draft } = await ownedDraft();
    injectFault(e2e.slack, 'response_url', { hang: true }, 1);
    const responseUrl = e2e.slack.responseUrl();
    const path = new URL(responseUrl).pathname;
    const res = await e2e.client.slashCommand({
      ...actor,
      text: `export ${draft.id}`,
      responseUrl,
    });
    expect(res.status).toBe(200);
    const hung = await e2e.slack.waitForCall('response_url', (r) => r.path === path, 8_000);
    const shared = e2e.slack.uploadedFiles().filter((f) => completedFileIds().includes(f.id));
    expect(shared).toHaveLength(1);
    const handled = await requestHandled(e2e.app.logs, actor.teamId, 'slash_command');
    expect(handled.failed).toBe(false);
    const abandoned = logRecords(e2e.app.logs).find(
      (r) => r.msg === 'response_url did not answer; abandoned',
    );
    expect(abandoned).toMatchObject({ level: 'warn', deadlineMs: RESPOND_DEADLINE_MS });
    // Abandoned at the deadline, not when the socket happened to close.
    expect(Date.now() - hung.at).toBeGreaterThanOrEqual(RESPOND_DEADLINE_MS - 50);
    expect(e2e.slack.callsTo('response_url')).toHaveLength(1);
    record('response_url', HANG_ALWAYS, { kind: 'result', atMs: 0 }, 1);
    const other = await e2e.client.slashCommand({
      ...actor,
      text: 'help',
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
  });
});

describe.each(FAULTS)('import: files.info × $label', (c) => {
  it('imports after a retry within budget, or keeps the modal open with an inline error on the file', async () => {
    const teamId = uniqueWorkspace();
    const actor = { teamId, userId: 'U0IMPORTER1' };
    const yaml = planToYaml(smallPlan('U0SOMEONE01'));
    const attached = e2e.slack.addUserFile({
      filename: 'plan.yaml',
      content: yaml,
      userId: actor.userId,
    });
    const modal = modalDriver(e2e, actor);
    await modal.command('import');
    expect(modal.view.callback_id).toBe(CallbackIds.importPlan);
    inject(e2e.slack, 'files.info', c, 'file_not_found');
    const res = await modal.submit({ [ImportBlockIds.file]: { files: [attached] } });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const body = res.body as { response_action?: string; errors?: Record<string, string> };
    const mine = await drafts.listForUser(workspaceKey(actor), actor.userId);
    const seen: Seen =
      body.response_action === 'update'
        ? { kind: 'result', atMs: res.ms }
        : body.response_action === 'errors'
          ? { kind: 'message', via: 'inline', text: JSON.stringify(body.errors), atMs: res.ms }
          : { kind: 'silent' };
    record('files.info', c, seen, 2);
    if (seen.kind === 'result') {
      // A fault the client's retry absorbed inside files.info's 1 s budget: imported once.
      expect(c.kind).not.toBe('okFalse');
      expect(mine).toHaveLength(1);
    } else {
      // Refused, or not answered within the budget: the clear inline error, and nothing created
      // (the user submits again) — never a success arriving after Slack gave up on the request.
      expect(seen.kind).toBe('message');
      expect(body.errors?.[ImportBlockIds.file]).toContain(UNREADABLE);
      expect(mine).toHaveLength(0);
    }
  });
});

describe('a Slack that never answers (every attempt hangs)', () => {
  it('views.open on /opsplan new: acknowledged at once; the apology comes only after three 2.5 s attempts', async () => {
    const { actor } = await ownedDraft();
    injectFault(e2e.slack, 'views.open', { hang: true }, 3);
    const responseUrl = e2e.slack.responseUrl();
    const path = new URL(responseUrl).pathname;
    const t0 = Date.now();
    const res = await e2e.client.slashCommand({ ...actor, text: 'new', responseUrl });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const reply = await e2e.slack.waitForCall('response_url', (r) => r.path === path, 12_000);
    const waited = reply.at - t0;
    record(
      'views.open',
      HANG_ALWAYS,
      { kind: 'message', via: 'ephemeral', text: '', atMs: waited },
      1,
    );
    expect(JSON.stringify(reply.args.blocks ?? reply.args.text)).toContain(APOLOGY);
    // By then the trigger_id (valid 3 s) is long gone: Slack can no longer show a modal, only this.
    expect(waited).toBeGreaterThan(SLACK_ACK_BUDGET_MS);
    expect(e2e.slack.callsTo('views.open')).toHaveLength(3);
  });

  // files.info is bounded (src/services/transfer/slackFileDownload.ts): a silent Slack gives the
  // specific inline error well inside 3 s instead of Bolt's empty 404.
  it('import: files.info hangs every attempt; the modal gets its inline error within 3 s', async () => {
    const actor = { teamId: uniqueWorkspace(), userId: 'U0IMPORTER1' };
    const modal = await openImport(actor);
    injectFault(e2e.slack, 'files.info', { hang: true }, 3);
    const res = await modal.submit({ [ImportBlockIds.file]: { files: [modal.attached] } });
    // The listener goes on retrying after Slack's answer: let its third attempt take the last armed
    // hang, or it would hang the next test's files.info instead.
    await e2e.slack.waitForCall(
      'files.info',
      (c) => e2e.slack.callsTo('files.info').indexOf(c) === 2,
      8_000,
    );
    record(
      'files.info',
      HANG_ALWAYS,
      res.status === 200 ? { kind: 'result', atMs: res.ms } : { kind: 'silent' },
      1,
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const body = res.body as { errors?: Record<string, string> };
    expect(body.errors?.[ImportBlockIds.file]).toContain(UNREADABLE);
  });

  // The same bound means a late third attempt can no longer create a draft behind the user's back:
  // the user is told at once the file could not be read, and nothing is created.
  it('import: files.info answers only on the third attempt; the user is told inline and nothing is created', async () => {
    const actor = { teamId: uniqueWorkspace(), userId: 'U0IMPORTER1' };
    const modal = await openImport(actor);
    injectFault(e2e.slack, 'files.info', { hang: true }, 2);
    const res = await modal.submit({ [ImportBlockIds.file]: { files: [modal.attached] } });
    record(
      'files.info',
      HANG_ALWAYS,
      res.status === 200
        ? { kind: 'message', via: 'inline', text: UNREADABLE, atMs: res.ms }
        : { kind: 'silent' },
      1,
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_BUDGET_MS);
    const body = res.body as { errors?: Record<string, string> };
    expect(body.errors?.[ImportBlockIds.file]).toContain(UNREADABLE);
    // The client's own retry still reaches Slack a third time; its answer is ignored.
    await e2e.slack.waitForCall(
      'files.info',
      (c) => e2e.slack.callsTo('files.info').indexOf(c) >= 2 && c.result?.ok === true,
      8_000,
    );
    expect(await drafts.listForUser(workspaceKey(actor), actor.userId)).toHaveLength(0);
  });
});

const HANG_ALWAYS: FaultCase = {
  kind: 'hangEvery',
  label: 'hang on every attempt',
  fault: () => ({ hang: true }),
};

async function openImport(actor: Actor) {
  const yaml = planToYaml(smallPlan('U0SOMEONE01'));
  const attached = e2e.slack.addUserFile({
    filename: 'plan.yaml',
    content: yaml,
    userId: actor.userId,
  });
  const modal = modalDriver(e2e, actor);
  await modal.command('import');
  expect(modal.view.callback_id).toBe(CallbackIds.importPlan);
  return Object.assign(modal, { attached });
}
