import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { deletePlanAs } from '../../../src/services/browse/deletePlan.js';
import { loadPlanHistory, restoreRevisionAs } from '../../../src/services/browse/planHistory.js';
import { lookupPlanById, lookupPlanByRef } from '../../../src/services/browse/planLookup.js';
import { listPlanOverviews } from '../../../src/services/browse/planOverview.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { fakeClock } from '../../store/fakeClock.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { actor, createPlanDraft, flawedPlanDoc, planDoc, saveTitle } from './planDrafts.js';

const redis: Redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);
const templates = builtinTemplates();

const OWNER = 'U0OWNER01';
const EDITOR = 'U0EDITOR1';
const STRANGER = 'U0STRANGE';

describe('lookupPlanByRef / lookupPlanById', () => {
  it('finds a plan by short id (any case) or exact title, for its owner and editors', async () => {
    const team = uniqueWorkspace();
    const record = await createPlanDraft(drafts, team, planDoc(OWNER, 'Q3 growth plan', [EDITOR]));
    for (const ref of [record.id, record.id.toLowerCase(), 'q3 GROWTH plan']) {
      const found = await lookupPlanByRef(drafts, actor(team, EDITOR), ref);
      expect(found.kind === 'found' && found.record.id).toBe(record.id);
    }
  });

  it('asks which when several of my plans share the title, ignoring plans I cannot open', async () => {
    const team = uniqueWorkspace();
    const a = await createPlanDraft(drafts, team, planDoc(OWNER, 'Same title'));
    const b = await createPlanDraft(drafts, team, planDoc(STRANGER, 'Same title', [OWNER]));
    await createPlanDraft(drafts, team, planDoc(STRANGER, 'Same title'));
    const result = await lookupPlanByRef(drafts, actor(team, OWNER), 'Same title');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous')
      expect(result.candidates.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    // Someone who may open none of them is refused rather than shown other people's ids.
    const theirs = await lookupPlanByRef(drafts, actor(team, EDITOR), 'Same title');
    expect(theirs.kind).toBe('forbidden');
  });

  it('refuses a stranger, and never sees another workspace’s plan', async () => {
    const team = uniqueWorkspace();
    const record = await createPlanDraft(drafts, team, planDoc(OWNER, 'Private plan'));
    expect((await lookupPlanByRef(drafts, actor(team, STRANGER), record.id)).kind).toBe(
      'forbidden',
    );
    expect((await lookupPlanById(drafts, actor(team, STRANGER), record.id)).kind).toBe('forbidden');
    const elsewhere = actor(uniqueWorkspace(), OWNER);
    expect((await lookupPlanByRef(drafts, elsewhere, record.id)).kind).toBe('not_found');
    expect((await lookupPlanById(drafts, elsewhere, record.id)).kind).toBe('not_found');
    expect((await lookupPlanByRef(drafts, actor(team, OWNER), 'no such plan')).kind).toBe(
      'not_found',
    );
  });
});

describe('listPlanOverviews', () => {
  it('lists my drafts (owner and editor) newest first, with role, review and template', async () => {
    const team = uniqueWorkspace();
    const mine = await createPlanDraft(drafts, team, flawedPlanDoc(OWNER, 'Mine'));
    const shared = await createPlanDraft(drafts, team, planDoc(STRANGER, 'Shared', [OWNER]));
    await createPlanDraft(drafts, team, planDoc(STRANGER, 'Not mine'));
    const edited = await saveTitle(drafts, team, mine, 'Mine, edited', OWNER);
    const page = await listPlanOverviews(drafts, templates, actor(team, OWNER), {
      now: new Date(),
      limit: 10,
    });
    expect(page.total).toBe(2);
    expect(page.plans.map((p) => [p.id, p.title, p.role])).toEqual([
      [edited.id, 'Mine, edited', 'owner'],
      [shared.id, 'Shared', 'editor'],
    ]);
    expect(page.plans[0]?.details?.review?.error).toBeGreaterThan(0);
    expect(page.plans[1]?.details?.templateName?.en).toBe(templates.get('standard')?.name.en);
    expect(page.plans.every((p) => !p.expiresSoon)).toBe(true);
  });

  it('reads only the first `limit` plans in full but counts them all', async () => {
    const team = uniqueWorkspace();
    for (let i = 0; i < 5; i++) await createPlanDraft(drafts, team, planDoc(OWNER, `Plan ${i}`));
    const page = await listPlanOverviews(drafts, templates, actor(team, OWNER), {
      now: new Date(),
      limit: 2,
    });
    expect(page.total).toBe(5);
    expect(page.plans.map((p) => p.title)).toEqual(['Plan 4', 'Plan 3']);
  });

  it('flags a draft that will be swept within the warning window', async () => {
    const team = uniqueWorkspace();
    const clock = fakeClock('2026-08-01T00:00:00Z');
    const clocked = new RedisDraftStore<Plan>(redis, PlanSchema, { clock: clock.now });
    await createPlanDraft(clocked, team, planDoc(OWNER, 'Old draft'));
    clock.advanceDays(80);
    await createPlanDraft(clocked, team, planDoc(OWNER, 'Fresh draft'));
    const page = await listPlanOverviews(clocked, templates, actor(team, OWNER), {
      now: clock.now(),
      limit: 10,
    });
    expect(page.plans.map((p) => [p.title, p.expiresSoon])).toEqual([
      ['Fresh draft', false],
      ['Old draft', true],
    ]);
    expect(page.plans[1]?.expiresAt.toISOString()).toBe('2026-10-30T00:00:00.000Z');
  });
});

describe('deletePlanAs', () => {
  it('lets the owner and an editor delete at the version they saw', async () => {
    const team = uniqueWorkspace();
    for (const who of [OWNER, EDITOR]) {
      const record = await createPlanDraft(
        drafts,
        team,
        planDoc(OWNER, `Delete by ${who}`, [EDITOR]),
      );
      expect(await deletePlanAs(drafts, actor(team, who), record.id, record.version)).toEqual({
        kind: 'deleted',
        title: `Delete by ${who}`,
      });
      expect(await drafts.get(workspaceKey({ teamId: team }), record.id)).toBeNull();
    }
  });

  it('refuses a stranger and another workspace; a stale version deletes nothing', async () => {
    const team = uniqueWorkspace();
    const record = await createPlanDraft(drafts, team, planDoc(OWNER, 'Keep me'));
    expect(await deletePlanAs(drafts, actor(team, STRANGER), record.id, 1)).toEqual({
      kind: 'forbidden',
    });
    expect(await deletePlanAs(drafts, actor(uniqueWorkspace(), OWNER), record.id, 1)).toEqual({
      kind: 'not_found',
    });
    const saved = await saveTitle(drafts, team, record, 'Keep me too', OWNER);
    expect(await deletePlanAs(drafts, actor(team, OWNER), record.id, record.version)).toEqual({
      kind: 'conflict',
      currentVersion: saved.version,
    });
    expect((await drafts.get(workspaceKey({ teamId: team }), record.id))?.version).toBe(
      saved.version,
    );
  });
});

describe('plan history and restore', () => {
  it('lets the owner restore an earlier version as a new one; editors see but cannot restore', async () => {
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(OWNER, 'First', [EDITOR]));
    const v2 = await saveTitle(drafts, team, v1, 'Second', EDITOR);
    const history = await loadPlanHistory(drafts, actor(team, EDITOR), v2);
    expect(history.canRestore).toBe(false);
    expect(history.revisions.map((r) => [r.version, r.savedBy])).toEqual([
      [2, EDITOR],
      [1, OWNER],
    ]);
    expect(await restoreRevisionAs(drafts, actor(team, EDITOR), v1.id, 1, 2)).toEqual({
      kind: 'forbidden',
    });
    const restored = await restoreRevisionAs(drafts, actor(team, OWNER), v1.id, 1, 2);
    expect(restored.kind).toBe('restored');
    if (restored.kind === 'restored') {
      expect(restored.record.version).toBe(3);
      expect(restored.record.title).toBe('First');
    }
    expect((await loadPlanHistory(drafts, actor(team, OWNER), v1)).revisions[0]).toMatchObject({
      version: 3,
      restoredFrom: 1,
      savedBy: OWNER,
    });
  });

  it('restores nothing when the plan was saved after the history was shown', async () => {
    const team = uniqueWorkspace();
    const v1 = await createPlanDraft(drafts, team, planDoc(OWNER, 'First'));
    const v2 = await saveTitle(drafts, team, v1, 'Second', OWNER);
    await saveTitle(drafts, team, v2, 'Third', OWNER);
    expect(await restoreRevisionAs(drafts, actor(team, OWNER), v1.id, 1, 2)).toEqual({
      kind: 'conflict',
    });
    expect((await drafts.get(workspaceKey({ teamId: team }), v1.id))?.title).toBe('Third');
    expect(await restoreRevisionAs(drafts, actor(team, OWNER), v1.id, 9, 3)).toEqual({
      kind: 'revision_not_found',
    });
  });
});
