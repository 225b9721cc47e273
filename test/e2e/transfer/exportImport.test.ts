import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type CliDeps, runCli } from '../../../src/cli/main.js';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../../src/render/planMarkdown.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { ImportBlockIds } from '../../../src/slack/ui/transfer/importModal.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { examplePlan, INJECTION, smallPlan } from '../../services/transfer/transferFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
afterAll(() => redis.disconnect());
beforeEach(() => e2e.slack.reset());

const OWNER = 'U0OWNER0001';
const EDITOR = 'U0EDITOR001';
const IMPORTER = 'U0IMPORTER1';
const STRANGER = 'U0STRANGER1';

async function storedDraft(plan: Plan): Promise<{ teamId: string; record: DraftRecord<Plan> }> {
  const teamId = uniqueWorkspace();
  const record = await drafts.create(workspaceKey({ teamId }), {
    doc: plan,
    title: plan.meta.title,
    ownerId: plan.meta.owner,
    editorIds: plan.meta.editors,
    by: plan.meta.owner,
  });
  return { teamId, record };
}

interface Reply {
  text: string;
  blocks: unknown[];
}

/** Runs `/opsplan <text>`; returns the immediate answer and, when the command answered later, that too. */
async function command(teamId: string, userId: string, text: string) {
  const responseUrl = e2e.slack.responseUrl();
  const res = await e2e.client.slashCommand({ teamId, userId, text, responseUrl });
  expect(res.status).toBe(200);
  return { immediate: res.body as Reply | '', responseUrl };
}

/** `/opsplan export …` that succeeds: the file shared in the user's DM and the ephemeral confirmation. */
async function exportToDm(teamId: string, userId: string, text: string) {
  const { immediate, responseUrl } = await command(teamId, userId, `export ${text}`);
  expect(immediate).toBe('');
  const path = new URL(responseUrl).pathname;
  const reply = await e2e.slack.waitForCall('response_url', (c) => c.path === path);
  // The file is shared before the confirmation is sent: the latest upload is this command's.
  const upload = e2e.slack.callsTo('files.completeUploadExternal').at(-1);
  if (!upload) throw new Error('nothing was uploaded');
  const [file] = e2e.slack
    .uploadedFiles()
    .filter((f) => f.id === (upload.args.files as Array<{ id: string }>)[0]?.id);
  const content = file?.content;
  if (!file || content === undefined) throw new Error('no file was shared');
  return {
    file: { ...file, content },
    reply: reply.args as unknown as Reply & { response_type: string },
  };
}

/** Runs the real `opsplan` CLI in-process on a file holding `content`. */
async function cli(args: string[], content: string) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    readFile: async () => content,
    loadTemplates: async () => builtinTemplates(),
    now: () => new Date('2026-02-01T00:00:00Z'),
    env: {},
  };
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, deps);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const template = builtinTemplates().get('standard');
if (!template) throw new Error('standard template missing');

describe('/opsplan export', () => {
  it('sends the draft as Markdown to the DM, exactly as the CLI renders it', async () => {
    const { teamId, record } = await storedDraft(examplePlan('zh-CN', OWNER, [EDITOR]));
    const { file, reply } = await exportToDm(teamId, EDITOR, record.id);
    expect(file.content).toBe(renderPlanMarkdown(record.doc, template));
    expect(file.channelId).toBe(`D${EDITOR.slice(1)}`);
    expect(file.filename).toMatch(/-draft\.md$/);
    expect(file.initialComment).toContain(record.doc.meta.title);
    expect(e2e.slack.callsTo('conversations.open')[0]?.args.users).toBe(EDITOR);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Markdown');
  });

  it('sends YAML the CLI reads, by title, with the Chinese alias', async () => {
    const plan = examplePlan('en', OWNER);
    const { teamId, record } = await storedDraft(plan);
    const { file } = await exportToDm(teamId, OWNER, `${plan.meta.title} yaml`);
    expect(file.content).toBe(planToYaml(record.doc));
    expect(file.filename).toBe('shelfie-first-year-operations-plan-2026-draft.yaml');
    // The CLI lints it (no input error) and renders exactly the Markdown export.
    const lint = await cli(['lint', file.filename], file.content);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBeLessThan(2);
    const md = await exportToDm(teamId, OWNER, record.id);
    expect((await cli(['render', file.filename, '--format', 'md'], file.content)).stdout).toBe(
      md.file.content,
    );
    const responseUrl = e2e.slack.responseUrl();
    const res = await e2e.client.slashCommand({
      teamId,
      userId: OWNER,
      text: `导出 ${record.id} yml`,
      responseUrl,
    });
    expect(res.status).toBe(200);
    await e2e.slack.waitForCall('response_url', (c) => c.path === new URL(responseUrl).pathname);
    const uploads = e2e.slack.callsTo('files.completeUploadExternal');
    expect(uploads).toHaveLength(3);
  });

  it('keeps injection strings inert in the Markdown', async () => {
    const { teamId, record } = await storedDraft(smallPlan(OWNER));
    const { file, reply } = await exportToDm(teamId, OWNER, record.id);
    expect(file.content).toBe(renderPlanMarkdown(record.doc, template));
    // Every `<` of user text is backslash-escaped: no mention, link or HTML survives.
    expect(file.content).not.toMatch(/(?<!\\)<[!@#a-z]/i);
    expect(file.content).toContain('\\<!channel\\>');
    expect(`${file.initialComment}\n${reply.text}`).not.toMatch(/<!channel>|<https:/);
  });

  it('refuses a stranger the draft and sends nothing', async () => {
    const { teamId, record } = await storedDraft(examplePlan('en', OWNER, [EDITOR]));
    const { immediate } = await command(teamId, STRANGER, `export ${record.id} yaml`);
    expect((immediate as Reply).text).toMatch(/owner and the editors/);
    const otherWorkspace = await command(uniqueWorkspace(), OWNER, `export ${record.id}`);
    expect((otherWorkspace.immediate as Reply).text).toMatch(/No plan matches/);
    expect(e2e.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(e2e.slack.callsTo('conversations.open')).toEqual([]);
  });
});

async function importOnce(teamId: string, userId: string, values: Record<string, unknown>) {
  const modal = modalDriver(e2e, { teamId, userId });
  await modal.command('import');
  expect(modal.view.callback_id).toBe(CallbackIds.importPlan);
  const res = await modal.submit(values as Parameters<typeof modal.submit>[0]);
  expect(res.status).toBe(200);
  return { modal, body: res.body as { response_action?: string; errors?: Record<string, string> } };
}

async function onlyDraftOf(teamId: string, userId: string): Promise<DraftRecord<Plan>> {
  const ws = workspaceKey({ teamId });
  const [summary, ...more] = await drafts.listForUser(ws, userId);
  expect(more).toEqual([]);
  const record = summary && (await drafts.get(ws, summary.id));
  if (!record) throw new Error('no draft was created');
  return record;
}

describe('export → import', () => {
  it('round-trips through pasted YAML to an equal plan, owned by the importer', async () => {
    const plan = smallPlan(OWNER, [EDITOR]);
    const { teamId, record } = await storedDraft(plan);
    const { file } = await exportToDm(teamId, OWNER, `${record.id} yaml`);
    expect(file.content.length).toBeLessThanOrEqual(3000);

    const { modal, body } = await importOnce(teamId, IMPORTER, {
      [ImportBlockIds.paste]: file.content,
    });
    expect(body.response_action).toBe('update');
    const imported = await onlyDraftOf(teamId, IMPORTER);
    expect(imported.id).not.toBe(record.id);
    expect(imported.ownerId).toBe(IMPORTER);
    expect(imported.editorIds).toEqual([EDITOR]);
    expect(imported.doc.sections).toEqual(plan.sections);
    expect({ ...imported.doc.meta, owner: OWNER }).toEqual(plan.meta);
    expect(imported.doc.meta.title).toBe(INJECTION.title);

    // The confirmation says who owns it now and opens the new draft.
    const shown = JSON.stringify(modal.view.blocks);
    expect(shown).toContain(imported.id);
    expect(shown).toContain(`<@${OWNER}>`);
    expect(shown).not.toContain('<!channel>');
    await modal.click(ActionIds.planResume, { value: imported.id });
    expect(modal.view.callback_id).not.toBe(CallbackIds.importPlan);
  });

  it('round-trips a full plan through an attached file', async () => {
    const plan = examplePlan('en', OWNER);
    const { teamId, record } = await storedDraft(plan);
    const { file } = await exportToDm(teamId, OWNER, `${record.id} yaml`);
    expect(file.content.length).toBeGreaterThan(3000);
    const attached = e2e.slack.addUserFile({ filename: file.filename, content: file.content });

    const { body } = await importOnce(teamId, OWNER, {
      [ImportBlockIds.file]: { files: [attached] },
    });
    expect(body.response_action).toBe('update');
    const imported = (await drafts.listForUser(workspaceKey({ teamId }), OWNER)).find(
      (d) => d.id !== record.id,
    );
    const stored = imported && (await drafts.get(workspaceKey({ teamId }), imported.id));
    expect(stored?.doc).toEqual(plan);
    const download = e2e.slack.callsTo('file_download');
    expect(download).toHaveLength(1);
  });

  it('lists every problem of malformed YAML inline and creates nothing', async () => {
    const teamId = uniqueWorkspace();
    const yaml = planToYaml(smallPlan(IMPORTER));
    // The document's frame is checked before the answers: two broken meta fields…
    const badMeta = yaml
      .replace('stage: growth', 'stage: hypergrowth')
      .replace('audience: investors', 'audience: martians');
    const first = await importOnce(teamId, IMPORTER, { [ImportBlockIds.paste]: badMeta });
    expect(first.body.response_action).toBe('errors');
    const metaError = first.body.errors?.[ImportBlockIds.paste] ?? '';
    expect(metaError).toMatch(/^Nothing was imported — 2 problems:/);
    expect(metaError).toMatch(/line 5, column \d+: meta\.stage/);
    expect(metaError).toMatch(/line 6, column \d+: meta\.audience/);
    // …and two broken answers, each against its template field.
    const badAnswers = yaml
      .replace('baseline: 8000', 'baseline: lots')
      .replace('deadline: 2027-12-31', 'deadline: someday');
    const second = await importOnce(teamId, IMPORTER, { [ImportBlockIds.paste]: badAnswers });
    const answerError = second.body.errors?.[ImportBlockIds.paste] ?? '';
    expect(answerError).toMatch(/^Nothing was imported — 2 problems:/);
    expect(answerError).toMatch(/sections\.results\.kpis\[0\]\.baseline/);
    expect(answerError).toMatch(/sections\.results\.kpis\[0\]\.deadline/);
    expect(second.modal.view.callback_id).toBe(CallbackIds.importPlan);
    expect(await drafts.listForUser(workspaceKey({ teamId }), IMPORTER)).toEqual([]);
  });

  it('answers in Chinese for a Chinese user, and refuses binary files and an empty form', async () => {
    const teamId = uniqueWorkspace();
    const importer = 'U0IMPORTZH1';
    e2e.slack.setUser(importer, { locale: 'zh-CN' });
    const syntax = await importOnce(teamId, importer, {
      [ImportBlockIds.paste]: 'schemaVersion: 1\nmeta: [unclosed',
    });
    expect(syntax.body.errors?.[ImportBlockIds.paste]).toMatch(/没有导入任何内容.*\n• 第 \d+ 行/);
    const png = e2e.slack.addUserFile({
      filename: 'plan.yaml',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    });
    const binary = await importOnce(teamId, importer, {
      [ImportBlockIds.file]: { files: [png] },
    });
    expect(binary.body.errors?.[ImportBlockIds.file]).toMatch(/不是文本文件/);
    const empty = await importOnce(teamId, importer, {});
    expect(Object.keys(empty.body.errors ?? {})).toEqual([ImportBlockIds.paste]);
    expect(await drafts.listForUser(workspaceKey({ teamId }), importer)).toEqual([]);
  });
});
