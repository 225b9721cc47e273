import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changed } from '../../domain/review/fixtures.js';
import { connectTestRedis } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import {
  cleanPlan,
  EDITOR,
  OWNER,
  publishHarness,
  STRANGER,
  uniqueChannel,
} from './publishHarness.js';

let slack: FakeSlackApi;
const redis = connectTestRedis();
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(async () => {
  slack.assertNoViolations();
  await slack.close();
  await redis.quit();
});

describe('revise service', () => {
  it('continues the working draft of a published plan; strangers are refused', async () => {
    const h = publishHarness(redis, slack);
    const record = await h.createDraft(cleanPlan(uniqueChannel()));
    expect(await h.revise.revise(h.actor(), record.id)).toEqual({
      kind: 'never_published',
      planId: record.id,
    });
    await h.service.publish(h.actor(), record.id, { requestId: 'v1' });

    expect(await h.revise.revise(h.actor(EDITOR), record.id)).toEqual({
      kind: 'ready',
      planId: record.id,
      version: 1,
      recreated: false,
    });
    expect((await h.revise.revise(h.actor(STRANGER), record.id)).kind).toBe('forbidden');
    expect((await h.revise.revise(h.actor(), 'ZZZZZZZZ')).kind).toBe('not_found');
  });

  it('recreates a swept draft from the latest version under the same id; v2 lists what changed', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel, 'Swept plan'));
    await h.service.publish(h.actor(), record.id, { requestId: 'v1' });
    const v1 = await h.published.latest(h.ws, record.id);
    await h.drafts.delete(h.ws, record.id);

    // Found by its published title although no draft carries it any more.
    expect(await h.revise.resolve(h.actor(EDITOR), 'swept PLAN')).toEqual({
      kind: 'found',
      planId: record.id,
    });
    const outcome = await h.revise.revise(h.actor(EDITOR), record.id);
    expect(outcome).toEqual({ kind: 'ready', planId: record.id, version: 1, recreated: true });
    const draft = await h.drafts.get(h.ws, record.id);
    expect(draft).toMatchObject({ version: 1, doc: v1?.doc, ownerId: OWNER, editorIds: [EDITOR] });

    if (!draft) throw new Error('no recreated draft');
    const revised = await h.saveDraft(
      draft,
      changed(draft.doc, (plan) => {
        const strategy = plan.sections.strategy as unknown as {
          phases: Array<Record<string, string>>;
        };
        strategy.phases.push({
          id: 'p3',
          name: '巩固期',
          start: '2026-10-01',
          end: '2026-12-31',
          goal: '留存',
          successCriteria: '续费率 80%',
        });
        const budget = plan.sections.budget as unknown as {
          total: { amount: number };
          lines: Array<{ id: string }>;
        };
        budget.lines = budget.lines.filter((line) => line.id !== 'b2');
        budget.total.amount = 100000.1;
      }),
    );
    const published = await h.service.publish(h.actor(EDITOR), revised.id, {
      requestId: 'v2',
      confirmedVersion: revised.version,
    });
    expect(published).toMatchObject({ kind: 'published', version: 2 });
    const summary = slack
      .messages(channel)
      .find((m) => !m.thread_ts && m.ts !== v1?.post?.summaryTs);
    const [whatChanged] = slack.messages(channel).filter((m) => m.thread_ts === summary?.ts);
    const text = JSON.stringify(whatChanged?.blocks);
    expect(text).toContain('v2 — 本次修改');
    expect(text).toContain(`${v1?.post?.permalink}|v1>`);
    expect(text).toContain('巩固期');
    expect(text).toContain('投放');
    expect(text).toContain('新增');
    expect(text).toContain('删除');
    // v1 is untouched.
    expect((await h.published.get(h.ws, record.id, 1))?.doc).toEqual(v1?.doc);
  });
});
