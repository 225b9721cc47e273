import { afterAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { importPlanYaml } from '../../../src/services/transfer/importPlan.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { examplePlan, smallPlan } from './transferFixtures.js';

const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
afterAll(() => redis.disconnect());

const ACTIVE = new Set(['U0EDITOR001', 'U0EDITOR002']);
const deps = {
  drafts,
  templates: builtinTemplates(),
  isActiveMember: async (id: string) => ACTIVE.has(id),
};

function importer() {
  return { teamId: uniqueWorkspace(), userId: 'U0IMPORTER1' };
}

describe('importing a YAML plan', () => {
  it('creates a draft equal to the file, owned by the importer, keeping active editors', async () => {
    const identity = importer();
    const plan = examplePlan('zh-CN', 'U0ORIGINAL1', ['U0EDITOR001', 'U0GONE00001', 'U0IMPORTER1']);
    const outcome = await importPlanYaml(deps, identity, planToYaml(plan));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.replacedOwner).toBe('U0ORIGINAL1');
    expect(outcome.editorsKept).toEqual(['U0EDITOR001']);
    expect(outcome.editorsDropped).toEqual(['U0GONE00001']);
    const stored = await drafts.get(workspaceKey(identity), outcome.record.id);
    expect(stored?.ownerId).toBe('U0IMPORTER1');
    expect(stored?.editorIds).toEqual(['U0EDITOR001']);
    expect(stored?.doc).toEqual({
      ...plan,
      meta: { ...plan.meta, owner: 'U0IMPORTER1', editors: ['U0EDITOR001'] },
    });
  });

  it('says nothing about the owner when the importer already owned the file', async () => {
    const identity = importer();
    const outcome = await importPlanYaml(deps, identity, planToYaml(smallPlan(identity.userId)));
    expect(outcome.ok && outcome.replacedOwner).toBeUndefined();
  });

  it('creates nothing and lists every problem with its path and line', async () => {
    const identity = importer();
    const yaml = planToYaml(smallPlan(identity.userId))
      .replace('stage: growth', 'stage: hypergrowth')
      .replace('baseline: 8000', 'baseline: lots');
    const outcome = await importPlanYaml(deps, identity, yaml);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const paths = outcome.problems.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('meta.stage'))).toBe(true);
    expect(outcome.problems.every((p) => p.line !== undefined)).toBe(true);
    expect(await drafts.listForUser(workspaceKey(identity), identity.userId)).toEqual([]);
  });

  it('refuses an unknown template and alias bombs without creating anything', async () => {
    const identity = importer();
    const unknown = planToYaml(smallPlan(identity.userId)).replace(
      'templateId: standard',
      'templateId: nope',
    );
    const first = await importPlanYaml(deps, identity, unknown);
    expect(first.ok ? [] : first.problems.map((p) => p.message.en)).toEqual([
      'unknown template "nope"',
    ]);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 12 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [${Array(10).fill(`*${prev}`).join(',')}]`;
      }),
    ].join('\n');
    const second = await importPlanYaml(deps, identity, bomb);
    expect(second.ok ? [] : second.problems.map((p) => p.message.en)).toEqual([
      expect.stringMatching(/alias/i),
    ]);
    expect(await drafts.listForUser(workspaceKey(identity), identity.userId)).toEqual([]);
  });

  it('refuses absurdly deep nesting quickly, before the parser overflows its stack', async () => {
    const identity = importer();
    for (const text of ['['.repeat(200_000) + ']'.repeat(200_000), `${'- '.repeat(100_000)}x`]) {
      const started = Date.now();
      const outcome = await importPlanYaml(deps, identity, text);
      expect(Date.now() - started).toBeLessThan(500);
      expect(outcome.ok ? [] : outcome.problems.map((p) => p.message.en)).toEqual([
        'the YAML is nested far too deeply to be a plan',
      ]);
    }
  });
});
