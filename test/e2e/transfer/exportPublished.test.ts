import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../../src/render/planMarkdown.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { examplePlan } from '../../services/transfer/transferFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
const published = new RedisPublishedStore(redis, PlanSchema);
afterAll(() => redis.disconnect());
beforeEach(() => e2e.slack.reset());

const OWNER = 'U0PUBOWNER1';
const READER = 'U0PUBREADER';

/** A plan with a draft and two published versions, both posted in `channel`. */
async function publishedPlan(channel: string) {
  const teamId = uniqueWorkspace();
  const ws = workspaceKey({ teamId });
  const plan = examplePlan('en', OWNER);
  const record = await drafts.create(ws, {
    doc: plan,
    title: plan.meta.title,
    ownerId: OWNER,
    editorIds: [],
    by: OWNER,
  });
  const versions: Plan[] = [];
  for (const version of [1, 2]) {
    const doc = { ...plan, meta: { ...plan.meta, title: `Shelfie plan, edition ${version}` } };
    versions.push(doc);
    await published.freeze(ws, record.id, {
      doc,
      title: doc.meta.title,
      ownerId: OWNER,
      editorIds: [],
      publishedBy: OWNER,
      publishedAt: new Date(),
      reviewSummary: { error: 0, warning: 0, tip: 0 },
    });
    const ts = `1700000000.00020${version}`;
    await published.attachPost(ws, record.id, version, {
      channel,
      summaryTs: ts,
      threadTs: ts,
      sectionTs: [],
    });
  }
  return { teamId, record, versions };
}

async function exportCommand(teamId: string, userId: string, text: string) {
  const responseUrl = e2e.slack.responseUrl();
  const res = await e2e.client.slashCommand({
    teamId,
    userId,
    text: `export ${text}`,
    responseUrl,
  });
  expect(res.status).toBe(200);
  return res.body as { text: string } | '';
}

/** The file the last export shared (the fake keeps files across tests; calls are reset). */
async function sharedFile() {
  await e2e.slack.waitForCall('response_url');
  const upload = await e2e.slack.waitForCall('files.completeUploadExternal');
  const id = (upload.args.files as Array<{ id: string }>)[0]?.id;
  return e2e.slack.uploadedFiles().find((f) => f.id === id);
}

describe('/opsplan export of published versions', () => {
  it('sends a numbered version; the file is named after it', async () => {
    const { teamId, record, versions } = await publishedPlan('C0PUBLIC001');
    expect(await exportCommand(teamId, OWNER, `${record.id} v1 yaml`)).toBe('');
    const file = await sharedFile();
    expect(file?.content).toBe(planToYaml(versions[0] as Plan));
    expect(file?.filename).toBe('shelfie-plan-edition-1-v1.yaml');
    expect(file?.initialComment).toContain('v1');
  });

  it('lets anyone in the workspace export the latest version posted in a public channel', async () => {
    const { teamId, record, versions } = await publishedPlan('C0PUBLIC001');
    expect(await exportCommand(teamId, READER, record.id)).toBe('');
    const file = await sharedFile();
    const template = builtinTemplates().get('standard');
    if (!template) throw new Error('standard template missing');
    expect(file?.content).toBe(renderPlanMarkdown(versions[1] as Plan, template));
    expect(file?.channelId).toBe(`D${READER.slice(1)}`);
  });

  it('keeps a version posted in a private channel, and every draft, from readers', async () => {
    const { teamId, record } = await publishedPlan('G0PRIVATE01');
    const version = await exportCommand(teamId, READER, `${record.id} v2`);
    expect((version as { text: string }).text).toMatch(/private channel/);
    const draft = await exportCommand(teamId, READER, `${record.id} draft`);
    expect((draft as { text: string }).text).toMatch(/owner and the editors/);
    expect(e2e.slack.callsTo('files.completeUploadExternal')).toEqual([]);
    const missing = await exportCommand(teamId, OWNER, `${record.id} v9`);
    expect((missing as { text: string }).text).toContain('no version v9; the latest is v2');
  });
});
