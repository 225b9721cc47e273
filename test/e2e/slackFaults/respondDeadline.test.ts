import { afterAll, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { RESPOND_DEADLINE_MS } from '../../../src/slack/respondDeadline.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { createPlanDraft, planDoc } from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { logRecords } from './appLogs.js';

// A response_url that accepts the post and never answers. Bolt's respond() has no timeout of its
// own: unbounded, the listener stayed in flight and a graceful stop waited out its whole drain
// limit. This file stops its app, so the test has the file to itself.
const e2e = useE2e();
const redis = connectTestRedis();
const drafts = new RedisDraftStore(redis, PlanSchema);
afterAll(() => redis.disconnect());

/** The production drain limit (src/app.ts): what a stop would wait for a request that never ends. */
const DRAIN_LIMIT_MS = 10_000;

it('the post is abandoned after RESPOND_DEADLINE_MS, so a graceful stop finds nothing left in flight', async () => {
  const actor = { teamId: uniqueWorkspace(), userId: 'U0EXPORTER1' };
  const draft = await createPlanDraft(drafts, actor.teamId, planDoc(actor.userId, 'Hang plan'));
  e2e.slack.fail('response_url', { hang: true });
  const responseUrl = e2e.slack.responseUrl();
  const path = new URL(responseUrl).pathname;
  const res = await e2e.client.slashCommand({ ...actor, text: `export ${draft.id}`, responseUrl });
  expect(res.status).toBe(200);
  // The file is shared; the listener now waits on the silent response_url.
  await e2e.slack.waitForCall('response_url', (c) => c.path === path, 8_000);
  expect(e2e.slack.uploadedFiles()).toHaveLength(1);

  await e2e.app.app.stop({ drainTimeoutMs: DRAIN_LIMIT_MS });

  const logs = logRecords(e2e.app.logs);
  expect(logs.find((r) => r.msg === 'stopped with work still in flight')).toBeUndefined();
  expect(logs.find((r) => r.msg === 'response_url did not answer; abandoned')).toMatchObject({
    level: 'warn',
    method: 'response_url',
    code: 'deadline_exceeded',
    deadlineMs: RESPOND_DEADLINE_MS,
  });
  // The export still counts as done: no apology follows the abandoned confirmation.
  expect(
    logs.find(
      (r) => r.msg === 'request handled' && r.teamId === actor.teamId && r.type === 'slash_command',
    ),
  ).toMatchObject({ failed: false });
  expect(e2e.slack.callsTo('response_url')).toHaveLength(1);
  expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(0);
  // The log line must not carry the response_url, which lets anyone post to this user.
  expect(e2e.app.logs.filter((l) => l.includes('abandoned')).join()).not.toContain(path);
});
