import { afterAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../../src/render/planMarkdown.js';
import { type ExportDeps, exportPlan } from '../../../src/services/transfer/exportPlan.js';
import { parseExportArgs } from '../../../src/services/transfer/exportRequest.js';
import type { PublishedVersionReader } from '../../../src/services/transfer/publishedVersions.js';
import type { PublishedStore } from '../../../src/store/publishedStore.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { examplePlan } from './transferFixtures.js';

const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
const published = new RedisPublishedStore(redis, PlanSchema);
afterAll(() => redis.disconnect());

// The app's published store is what export reads: this only compiles while that stays true.
const reader: PublishedVersionReader = published satisfies PublishedStore<Plan>;
const templates = builtinTemplates();
const PUBLIC = 'C0PUBLIC001';
const PRIVATE = 'G0PRIVATE01';
const deps: ExportDeps = {
  drafts,
  templates,
  published: reader,
  isPublicChannel: async (channel) => channel === PUBLIC,
};

const OWNER = 'U0OWNER0001';
const EDITOR = 'U0EDITOR001';
const READER = 'U0READER001';

async function planWithVersions(channel?: string) {
  const teamId = uniqueWorkspace();
  const ws = workspaceKey({ teamId });
  const plan = examplePlan('en', OWNER, [EDITOR]);
  const record = await drafts.create(ws, {
    doc: plan,
    title: plan.meta.title,
    ownerId: OWNER,
    editorIds: [EDITOR],
    by: OWNER,
  });
  const versions: Plan[] = [];
  for (const title of ['Version one', 'Version two']) {
    const doc = { ...plan, meta: { ...plan.meta, title } };
    versions.push(doc);
    const { version } = await published.freeze(ws, record.id, {
      doc,
      title,
      ownerId: OWNER,
      editorIds: [EDITOR],
      publishedBy: OWNER,
      publishedAt: new Date(),
      reviewSummary: { error: 0, warning: 0, tip: 0 },
    });
    if (channel) {
      await published.attachPost(ws, record.id, version, {
        channel,
        summaryTs: `1700000000.00010${version}`,
        threadTs: `1700000000.00010${version}`,
        sectionTs: [],
      });
    }
  }
  return { teamId, record, plan, versions };
}

const as = (teamId: string, userId: string) => ({ teamId, userId });
const args = (text: string) => parseExportArgs(text.split(' '));

describe('exporting a plan', () => {
  it('gives an editor the draft: Markdown as the CLI renders it, YAML as the CLI reads it', async () => {
    const { teamId, record, plan } = await planWithVersions(PUBLIC);
    const md = await exportPlan(deps, as(teamId, EDITOR), args(`${record.id}`));
    const template = templates.get('standard');
    if (md.kind !== 'ok' || !template) throw new Error(`expected a file, got ${md.kind}`);
    expect(md.file.content).toBe(renderPlanMarkdown(plan, template));
    expect(md.file.source).toEqual({ kind: 'draft', savedVersion: 1 });
    expect(md.file.filename).toBe('shelfie-first-year-operations-plan-2026-draft.md');
    const yaml = await exportPlan(deps, as(teamId, OWNER), args(`${record.id} yaml`));
    expect(yaml.kind === 'ok' && yaml.file.content).toBe(planToYaml(plan));
  });

  it('exports a published version by number, and the latest one on request', async () => {
    const { teamId, record, versions } = await planWithVersions(PUBLIC);
    const v1 = await exportPlan(deps, as(teamId, OWNER), args(`${record.id} v1 yaml`));
    expect(v1.kind === 'ok' && v1.file.content).toBe(planToYaml(versions[0] as Plan));
    expect(v1.kind === 'ok' && v1.file.filename).toBe('version-one-v1.yaml');
    const latest = await exportPlan(deps, as(teamId, OWNER), args(`${record.id} latest`));
    expect(latest.kind === 'ok' && latest.file.source).toEqual({ kind: 'published', version: 2 });
    expect(await exportPlan(deps, as(teamId, OWNER), args(`${record.id} v7`))).toEqual({
      kind: 'version_not_found',
      version: 7,
      latest: 2,
    });
  });

  it('lets anyone in the workspace export a version posted in a public channel, never the draft', async () => {
    const { teamId, record } = await planWithVersions(PUBLIC);
    expect(await exportPlan(deps, as(teamId, READER), args(`${record.id} draft`))).toEqual({
      kind: 'draft_forbidden',
    });
    const byDefault = await exportPlan(deps, as(teamId, READER), args(record.id));
    expect(byDefault.kind === 'ok' && byDefault.file.source).toEqual({
      kind: 'published',
      version: 2,
    });
  });

  it('keeps versions posted in a private channel, or never posted, to the owner and editors', async () => {
    for (const channel of [PRIVATE, undefined]) {
      const { teamId, record } = await planWithVersions(channel);
      expect(await exportPlan(deps, as(teamId, READER), args(`${record.id} v1`))).toEqual({
        kind: 'version_forbidden',
      });
      const editor = await exportPlan(deps, as(teamId, EDITOR), args(`${record.id} v1`));
      expect(editor.kind).toBe('ok');
    }
  });

  it('finds nothing in another workspace, and without a published store refuses versions clearly', async () => {
    const { record, teamId } = await planWithVersions(PUBLIC);
    expect(await exportPlan(deps, as(uniqueWorkspace(), OWNER), args(record.id))).toEqual({
      kind: 'not_found',
    });
    const draftsOnly: ExportDeps = { drafts, templates, isPublicChannel: async () => true };
    expect(await exportPlan(draftsOnly, as(teamId, OWNER), args(`${record.id} v1`))).toEqual({
      kind: 'versions_unavailable',
    });
    expect(await exportPlan(draftsOnly, as(teamId, READER), args(record.id))).toEqual({
      kind: 'draft_forbidden',
    });
    expect((await exportPlan(draftsOnly, as(teamId, OWNER), args(record.id))).kind).toBe('ok');
  });

  it('asks for YAML when the template needed for Markdown is gone', async () => {
    const teamId = uniqueWorkspace();
    const plan = examplePlan('en', OWNER);
    const doc = { ...plan, meta: { ...plan.meta, templateId: 'retired-template' } };
    const record = await drafts.create(workspaceKey({ teamId }), {
      doc,
      title: doc.meta.title,
      ownerId: OWNER,
      editorIds: [],
      by: OWNER,
    });
    expect(await exportPlan(deps, as(teamId, OWNER), args(record.id))).toEqual({
      kind: 'template_missing',
      templateId: 'retired-template',
    });
    const yaml = await exportPlan(deps, as(teamId, OWNER), args(`${record.id} yaml`));
    expect(yaml.kind === 'ok' && yaml.file.content).toBe(planToYaml(doc));
  });
});
