import { afterAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import {
  createInterviewService,
  type PlanDetails,
} from '../../../src/services/interview/interviewService.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

const redis = connectTestRedis();
afterAll(() => redis.disconnect());

const drafts = new RedisDraftStore(redis, PlanSchema);
const service = createInterviewService({ drafts, templates: builtinTemplates() });

const details: PlanDetails = {
  title: '2027 增长计划',
  templateId: 'standard',
  stage: 'growth',
  audience: 'boss',
  period: { start: '2027-01-01', end: '2027-12-31' },
  language: 'zh-CN',
  timezone: 'Asia/Shanghai',
  editors: ['U0EDITOR001'],
};

function people() {
  const teamId = uniqueWorkspace();
  return {
    owner: { teamId, userId: 'U0OWNER0001' },
    editor: { teamId, userId: 'U0EDITOR001' },
    stranger: { teamId, userId: 'U0STRANGER1' },
    otherWorkspaceOwner: { teamId: uniqueWorkspace(), userId: 'U0OWNER0001' },
  };
}

async function started() {
  const who = people();
  const created = await service.start(who.owner, details);
  if (!created.ok) throw new Error('start failed');
  return { who, record: created.record };
}

describe('interview service', () => {
  it('creates a draft owned by the caller, with the chosen editors, and opens it for both', async () => {
    const { who, record } = await started();
    expect(record.doc.meta).toMatchObject({
      owner: who.owner.userId,
      editors: ['U0EDITOR001'],
      title: '2027 增长计划',
    });
    expect((await service.open(who.owner, record.id)).ok).toBe(true);
    expect((await service.open(who.editor, record.id)).ok).toBe(true);
  });

  it('refuses strangers and other workspaces, even with the right plan id', async () => {
    const { who, record } = await started();
    expect(await service.open(who.stranger, record.id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await service.open(who.otherWorkspaceOwner, record.id)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    const attempt = await service.saveSection(who.stranger, record.id, 'product', {
      expectedVersion: record.version,
      values: { description: 'hijacked' },
    });
    expect(attempt).toEqual({ ok: false, reason: 'forbidden' });
    const reread = await service.open(who.owner, record.id);
    expect(reread.ok && reread.record.doc.sections.product).toBeUndefined();
  });

  it('saves a section, clears emptied fields, and tells the second of two concurrent editors', async () => {
    const { who, record } = await started();
    const first = await service.saveSection(who.owner, record.id, 'product', {
      expectedVersion: record.version,
      values: { description: '社区小店进销存小程序', why: '盘点太慢' },
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const cleared = await service.saveSection(who.owner, record.id, 'product', {
      expectedVersion: first.record.version,
      values: { description: '社区小店进销存小程序' },
    });
    expect(cleared.ok && cleared.record.doc.sections.product).toEqual({
      description: '社区小店进销存小程序',
    });

    // Both editors start from the same version; exactly one wins, the other learns what is stored.
    const base = cleared.ok ? cleared.record.version : 0;
    const [a, b] = await Promise.all([
      service.saveSection(who.owner, record.id, 'goals', {
        expectedVersion: base,
        values: { vision: 'A' },
      }),
      service.saveSection(who.editor, record.id, 'goals', {
        expectedVersion: base,
        values: { vision: 'B' },
      }),
    ]);
    const outcomes = [a, b].map((o) => (o.ok ? 'ok' : o.reason)).sort();
    expect(outcomes).toEqual(['conflict', 'ok']);
    const loser = [a, b].find((o) => !o.ok);
    expect(loser && !loser.ok && loser.reason === 'conflict' && loser.current.version).toBe(
      base + 1,
    );
  });

  it('keeps unsaved input from a closed step until the step is saved', async () => {
    const { who, record } = await started();
    const typed = {
      'f|vision': { value: { type: 'plain_text_input', value: 'half-typed vision' } },
    };
    expect(await service.keepUnsaved(who.editor, record.id, 'goals', typed)).toBe(true);
    expect((await service.unsaved(who.editor, record.id, 'goals'))?.values).toEqual(typed);
    expect(await service.unsaved(who.owner, record.id, 'goals')).toBeNull();
    expect(await service.keepUnsaved(who.stranger, record.id, 'goals', typed)).toBe(false);
    await service.saveSection(who.editor, record.id, 'goals', {
      expectedVersion: record.version,
      values: {},
    });
    expect(await service.unsaved(who.editor, record.id, 'goals')).toBeNull();
  });

  it('lets only the owner change editors; an editor may change the other details', async () => {
    const { who, record } = await started();
    const byEditor = await service.saveDetails(who.editor, record.id, {
      expectedVersion: record.version,
      details: { ...details, title: 'Renamed by editor', editors: ['U0STRANGER1'] },
    });
    expect(byEditor.ok && byEditor.record.doc.meta).toMatchObject({
      title: 'Renamed by editor',
      editors: ['U0EDITOR001'],
    });
    if (!byEditor.ok) return;
    const byOwner = await service.saveDetails(who.owner, record.id, {
      expectedVersion: byEditor.record.version,
      details: { ...details, editors: ['U0STRANGER1'] },
    });
    expect(byOwner.ok && byOwner.record.editorIds).toEqual(['U0STRANGER1']);
    expect((await service.open(who.editor, record.id)).ok).toBe(false);
    expect((await service.open(who.stranger, record.id)).ok).toBe(true);
  });
});

describe('starting a plan from a modal submitted more than once', () => {
  it('creates one plan per modal: the same modal again gets it back, with the details as now submitted', async () => {
    const who = people();
    const first = await service.start(who.owner, details, { creationKey: 'V0MODAL0001' });
    const again = await service.start(who.owner, details, { creationKey: 'V0MODAL0001' });
    if (!first.ok || !again.ok) throw new Error('start failed');
    expect(again.record.id).toBe(first.record.id);
    expect(again.record.version).toBe(1);

    const retitled = await service.start(
      who.owner,
      { ...details, title: '2027 增长计划（修订）' },
      { creationKey: 'V0MODAL0001' },
    );
    if (!retitled.ok) throw new Error('start failed');
    expect(retitled.record.id).toBe(first.record.id);
    expect(retitled.record.doc.meta.title).toBe('2027 增长计划（修订）');

    const listed = await drafts.listForUser(workspaceKey(who.owner), who.owner.userId);
    expect(listed.map((d) => d.id)).toEqual([first.record.id]);
  });

  it('another modal, another user or another workspace is another plan', async () => {
    const who = people();
    const a = await service.start(who.owner, details, { creationKey: 'V0MODAL0002' });
    const b = await service.start(who.owner, details, { creationKey: 'V0MODAL0003' });
    const c = await service.start(who.editor, details, { creationKey: 'V0MODAL0002' });
    const d = await service.start(who.otherWorkspaceOwner, details, { creationKey: 'V0MODAL0002' });
    if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error('start failed');
    expect(new Set([a.record.id, b.record.id, c.record.id]).size).toBe(3);
    expect(c.record.ownerId).toBe(who.editor.userId);
    expect(d.record.ownerId).toBe(who.otherWorkspaceOwner.userId);
  });

  it('once the plan has moved on, the same modal returns it as it is, answers kept', async () => {
    const who = people();
    const first = await service.start(who.owner, details, { creationKey: 'V0MODAL0004' });
    if (!first.ok) throw new Error('start failed');
    const saved = await service.saveSection(who.owner, first.record.id, 'product', {
      expectedVersion: 1,
      values: { name: 'OpsPlan' },
    });
    expect(saved.ok).toBe(true);
    const again = await service.start(
      who.owner,
      { ...details, title: 'Something else' },
      { creationKey: 'V0MODAL0004' },
    );
    if (!again.ok) throw new Error('start failed');
    expect(again.record.id).toBe(first.record.id);
    expect(again.record.version).toBe(2);
    expect(again.record.doc.meta.title).toBe(details.title);
    expect(again.record.doc.sections.product).toMatchObject({ name: 'OpsPlan' });
  });
});
