import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import type { E2eContext } from '../../support/app/e2e.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

/** What `opsplan render <file> --format md` prints for `plan`, run as a user would run it. */
export async function cliMarkdown(plan: Plan): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'opsplan-publish-'));
  try {
    const file = join(dir, 'plan.yaml');
    await writeFile(file, planToYaml(plan), 'utf8');
    const { stdout } = await run(
      process.execPath,
      ['bin/opsplan.js', 'render', file, '--format', 'md'],
      { cwd: REPO, env: { PATH: process.env.PATH ?? '', LANG: 'C' } },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Drafts written straight into the app's Redis, as the interview would have saved them. */
export function publishActions(e2e: E2eContext, redis: Redis) {
  const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);
  const published = new RedisPublishedStore<Plan>(redis, PlanSchema);
  let responses = 0;

  async function createPlan(teamId: string, doc: Plan): Promise<DraftRecord<Plan>> {
    return drafts.create(workspaceKey({ teamId }), {
      doc,
      title: doc.meta.title,
      ownerId: doc.meta.owner,
      editorIds: doc.meta.editors,
      by: doc.meta.owner,
    });
  }

  /** `/opsplan <text>`: the HTTP answer, and a way to wait for what comes later on its response_url. */
  async function command(teamId: string, userId: string, text: string, retryNum?: number) {
    responses += 1;
    const id = `publish-${responses}-${Date.now()}`;
    const res = await e2e.client.slashCommand(
      { teamId, userId, text, responseUrl: e2e.slack.responseUrl(id) },
      retryNum === undefined ? {} : { retryNum },
    );
    expect(res.status).toBe(200);
    const body = res.body as { text?: string; blocks?: unknown[] };
    return {
      reply: body,
      replyText: JSON.stringify(body),
      /** The next message the app sends on this command's response_url (the outcome). */
      later: async (timeoutMs = 15_000): Promise<string> => {
        const call = await e2e.slack.waitForCall(
          'response_url',
          (c: RecordedCall) => c.path.endsWith(`/${id}`),
          timeoutMs,
        );
        return JSON.stringify(call.args);
      },
    };
  }

  /** Top-level messages in a channel: one per publish. */
  function summaries(channel: string) {
    return e2e.slack.messages(channel).filter((m) => m.thread_ts === undefined);
  }

  function thread(channel: string, ts: string | undefined) {
    return e2e.slack.messages(channel).filter((m) => m.thread_ts === ts);
  }

  /** The last views.update of a view (the outcome shown in the status modal). */
  async function viewUpdate(viewId: string, contains: string, timeoutMs = 15_000) {
    const call = await e2e.slack.waitForCall(
      'views.update',
      (c) => c.args.view_id === viewId && JSON.stringify(c.args.view).includes(contains),
      timeoutMs,
    );
    return JSON.stringify(call.args.view);
  }

  return { drafts, published, createPlan, command, summaries, thread, viewUpdate };
}

/** A fresh public channel id (at least one digit, as real ids have). */
export function newChannel(): string {
  return `C7${Math.random().toString(36).slice(2, 11).toUpperCase().padEnd(9, '0')}`;
}
