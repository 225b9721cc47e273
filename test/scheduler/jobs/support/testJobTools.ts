import { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type {
  JobContext,
  JobHandler,
  JobKind,
  JobTools,
} from '../../../../src/scheduler/engine/contract.js';
import type { WorkspaceKey } from '../../../../src/store/workspaceKey.js';

export interface DeferredJob {
  kind: JobKind;
  target: string;
  periodKey: string;
  at: Date;
  payload?: unknown;
}

/**
 * JobTools for running content handlers without the engine: `once` is recorded in the real test
 * Redis (a re-run returns the stored result, as the engine's steps do), Slack calls go to the fake
 * Slack over HTTP through a real WebClient, and deferred jobs are collected so the test can run
 * them when their time comes.
 */
export function createJobRunner(options: { redis: Redis; slackApiUrl: string; token?: string }) {
  const client = new WebClient(options.token ?? 'xoxb-test-token', {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: 0 },
  });
  const deferred: DeferredJob[] = [];
  let runs = 0;

  function toolsFor(ctx: JobContext, payload: unknown): JobTools {
    const stepKey = (step: string) =>
      `test:jobsteps:{${ctx.ws}}:${ctx.planId}|${ctx.kind}|${ctx.target}|${ctx.periodKey}|${step}`;
    return {
      async once<T>(step: string, send: () => Promise<T>): Promise<T> {
        const stored = await options.redis.get(stepKey(step));
        if (stored !== null) return JSON.parse(stored) as T;
        const result = await send();
        await options.redis.set(stepKey(step), JSON.stringify(result ?? null), 'EX', 3600);
        return result;
      },
      async postMessage(args) {
        const res = await client.chat.postMessage(args);
        if (!res.channel || !res.ts) throw new Error('postMessage without channel/ts');
        return { channel: res.channel, ts: res.ts };
      },
      async updateMessage(args) {
        await client.chat.update(args);
      },
      async openDm(userId) {
        const res = await client.conversations.open({ users: userId });
        const id = res.channel?.id;
        if (!id) throw new Error('conversations.open without a channel');
        return id;
      },
      async defer(job) {
        deferred.push({ ...job });
      },
      payload,
    };
  }

  return {
    client,
    deferred,
    get runs() {
      return runs;
    },
    /** Runs `handler` for one occurrence at `now`. */
    async run(
      handler: JobHandler,
      job: {
        ws: WorkspaceKey;
        planId: string;
        target: string;
        periodKey: string;
        now: Date;
        scheduledAt?: Date;
        late?: boolean;
        trigger?: 'schedule' | 'on_demand';
        payload?: unknown;
      },
    ): Promise<void> {
      runs += 1;
      const ctx: JobContext = {
        ws: job.ws,
        planId: job.planId,
        kind: handler.kind,
        target: job.target,
        periodKey: job.periodKey,
        scheduledAt: job.scheduledAt ?? job.now,
        now: job.now,
        late: job.late ?? false,
        trigger: job.trigger ?? 'schedule',
      };
      await handler.run(ctx, toolsFor(ctx, job.payload));
    },
    /** The deferred job of `kind`, failing loudly when the handler deferred none or several. */
    deferredOf(kind: JobKind): DeferredJob {
      const found = deferred.filter((d) => d.kind === kind);
      if (found.length !== 1) throw new Error(`expected one deferred ${kind}, got ${found.length}`);
      return found[0] as DeferredJob;
    },
  };
}
