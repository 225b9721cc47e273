import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../../src/render/planMarkdown.js';
import { ActionIds } from '../../../src/slack/ui/ids.js';
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

describe('publish service: posting', () => {
  it('posts the summary, every section in its thread and the Markdown file, and records v1', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const outcome = await h.service.publish(h.actor(EDITOR), record.id, { requestId: 'r1' });

    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    const [summary, ...replies] = slack.messages(channel);
    expect(summary?.thread_ts).toBeUndefined();
    expect(JSON.stringify(summary?.blocks)).toContain(ActionIds.planRevise);
    expect(JSON.stringify(summary?.blocks)).toContain(`<@${EDITOR}>`);
    const template = h.templates.get('standard');
    if (!template) throw new Error('standard template missing');
    expect(replies.length).toBeGreaterThanOrEqual(template.sections.length);
    expect(replies.every((m) => m.thread_ts === summary?.ts)).toBe(true);
    const [file] = slack.uploadedFiles().filter((f) => f.channelId === channel);
    expect(file?.threadTs).toBe(summary?.ts);
    expect(file?.content).toBe(renderPlanMarkdown(record.doc, template));

    const latest = await h.published.latest(h.ws, record.id);
    expect(latest).toMatchObject({ version: 1, publishedBy: EDITOR, doc: record.doc });
    expect(latest?.post).toMatchObject({
      channel,
      summaryTs: summary?.ts,
      sectionTs: replies.map((m) => m.ts),
      fileId: file?.id,
    });
    expect(latest?.post?.permalink).toMatch(/^https:\/\/.+\.slack\.com\/archives\//);
    // The draft stays as the working copy.
    expect((await h.drafts.get(h.ws, record.id))?.version).toBe(record.version);
  });

  it('answers a repeated request for the same draft with the recorded post, posting nothing', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const first = await h.service.publish(h.actor(), record.id, { requestId: 'click-1' });
    const count = slack.messages(channel).length;
    const second = await h.otherReplica.publish(h.actor(), record.id, { requestId: 'click-2' });

    expect(second).toEqual({
      kind: 'already_published',
      title: record.title,
      version: 1,
      post: first.kind === 'published' ? first.post : undefined,
    });
    expect(slack.messages(channel)).toHaveLength(count);
    expect(await h.published.list(h.ws, record.id)).toHaveLength(1);
  });

  it('two replicas handling the same request at once post it once', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const outcomes = await Promise.all([
      h.service.publish(h.actor(), record.id, { requestId: 'same' }),
      h.otherReplica.publish(h.actor(), record.id, { requestId: 'same' }),
      h.service.publish(h.actor(EDITOR), record.id, { requestId: 'double-click' }),
    ]);

    const kinds = outcomes.map((o) => o.kind).sort();
    expect(kinds.filter((k) => k === 'published')).toHaveLength(1);
    expect(kinds.every((k) => ['published', 'in_progress', 'already_published'].includes(k))).toBe(
      true,
    );
    const summaries = slack.messages(channel).filter((m) => m.thread_ts === undefined);
    expect(summaries).toHaveLength(1);
    expect(await h.published.list(h.ws, record.id)).toHaveLength(1);
  });

  it('publishes an edited draft as v2 with "what changed" first in the thread, linking v1', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const v1 = await h.createDraft(cleanPlan(channel));
    await h.service.publish(h.actor(), v1.id, { requestId: 'v1' });
    const v1Post = (await h.published.latest(h.ws, v1.id))?.post;
    const edited = await h.saveDraft(
      v1,
      changed(v1.doc, (draft) => {
        const results = draft.sections.results as unknown as { kpis: Array<{ target: number }> };
        if (results.kpis[0]) results.kpis[0].target = 900;
      }),
    );
    const outcome = await h.service.publish(h.actor(), edited.id, { requestId: 'v2' });

    expect(outcome).toMatchObject({ kind: 'published', version: 2 });
    const summary = slack.messages(channel).find((m) => m.ts !== v1Post?.summaryTs && !m.thread_ts);
    const thread = slack.messages(channel).filter((m) => m.thread_ts === summary?.ts);
    const whatChanged = JSON.stringify(thread[0]?.blocks);
    expect(whatChanged).toContain('v2 — 本次修改');
    expect(whatChanged).toContain(`${v1Post?.permalink}|v1>`);
    expect(whatChanged).toMatch(/1,000[^"]*→[^"]*900/);
  });
});

describe('publish service: what stops it before anything is posted', () => {
  it('review errors block, warnings need a confirmation of the version reviewed', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const flawed = await h.createDraft(
      changed(cleanPlan(channel), (draft) => {
        delete draft.sections.results;
      }),
    );
    expect((await h.service.publish(h.actor(), flawed.id, { requestId: 'x' })).kind).toBe(
      'blocked',
    );

    const warned = await h.createDraft(
      changed(cleanPlan(channel), (draft) => {
        const strategy = draft.sections.strategy as unknown as {
          modules: Array<{ priority?: string }>;
        };
        delete strategy.modules[1]?.priority;
      }),
    );
    const asked = await h.service.publish(h.actor(), warned.id, { requestId: 'y' });
    expect(asked.kind).toBe('needs_confirmation');
    expect(slack.messages(channel)).toHaveLength(0);
    const stale = await h.service.publish(h.actor(), warned.id, {
      requestId: 'y',
      confirmedVersion: warned.version + 1,
    });
    expect(stale.kind).toBe('changed');
    const confirmed = await h.service.publish(h.actor(), warned.id, {
      requestId: 'y',
      confirmedVersion: warned.version,
    });
    expect(confirmed).toMatchObject({ kind: 'published', version: 1 });
  });

  it('refuses a stranger, and a plan without a channel asks for one', async () => {
    const h = publishHarness(redis, slack);
    const record = await h.createDraft(cleanPlan(uniqueChannel()));
    expect((await h.service.publish(h.actor(STRANGER), record.id, { requestId: 's' })).kind).toBe(
      'forbidden',
    );
    expect(await h.published.list(h.ws, record.id)).toEqual([]);
    const noChannel = await h.createDraft(
      changed(cleanPlan(), (draft) => {
        delete draft.meta.channel;
      }),
    );
    expect((await h.service.publish(h.actor(OWNER), noChannel.id, { requestId: 'n' })).kind).toBe(
      'no_channel',
    );
    // Once published somewhere, a revision goes to the same channel by default.
    const channel = uniqueChannel();
    await h.service.publish(h.actor(OWNER), noChannel.id, { requestId: 'n', channel });
    const edited = await h.saveDraft(
      noChannel,
      changed(noChannel.doc, (draft) => {
        draft.meta.title = 'Renamed';
      }),
    );
    expect(await h.service.publish(h.actor(OWNER), edited.id, { requestId: 'n2' })).toMatchObject({
      kind: 'published',
      version: 2,
      post: { channel },
    });
  });

  it('a private channel the bot is not in gets the invitation, nothing posted, nothing frozen', async () => {
    const h = publishHarness(redis, slack);
    const channel = 'G0SECRET01';
    slack.setChannel(channel, { is_private: true, is_member: false });
    const record = await h.createDraft(cleanPlan(channel));
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'p' });

    expect(outcome).toEqual({ kind: 'not_in_channel', channel });
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toEqual([]);
    expect(await h.published.list(h.ws, record.id)).toEqual([]);
    // Once invited, the same request goes through.
    slack.setChannel(channel, { is_private: true, is_member: true });
    expect(await h.service.publish(h.actor(), record.id, { requestId: 'p' })).toMatchObject({
      kind: 'published',
      version: 1,
    });
  });
});
