import { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { createLogger } from '../../../src/logging/logger.js';
import {
  createPublishService,
  type PublishPolicy,
} from '../../../src/services/publish/publishService.js';
import { createReviseService } from '../../../src/services/publish/reviseService.js';
import type { DraftRecord } from '../../../src/store/draftStore.js';
import type { PublishStep } from '../../../src/store/publishedStore.js';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { changed, goodPlan, TODAY } from '../../domain/review/fixtures.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { FakeSlackApi } from '../../support/slack/fakeSlackApi.js';

export const OWNER = 'U0OWNER1';
export const EDITOR = 'U0EDITOR1';
export const STRANGER = 'U0STRANGE1';
export const CHANNEL = 'C0PLANS0001';
/** The review's "today" for the fixture plan (it is clean then). */
export const NOW = new Date(`${TODAY}T03:00:00.000Z`);

/** A fresh public channel id, so each test counts only its own messages. */
export function uniqueChannel(): string {
  return `C9${uniqueWorkspace('').slice(0, 9)}`;
}

/** A plan every review rule accepts, owned by OWNER with EDITOR, posting to `channel`. */
export function cleanPlan(channel: string = CHANNEL, title = '社区小店助手 2026 运营计划'): Plan {
  return changed(goodPlan(), (draft) => {
    draft.meta.title = title;
    draft.meta.owner = OWNER;
    draft.meta.editors = [EDITOR];
    draft.meta.channel = channel;
  });
}

/** The service wired as the app wires it, on real Redis and the fake Slack, with a recorded clock. */
export function publishHarness(
  redis: Redis,
  slack: FakeSlackApi,
  overrides: Partial<PublishPolicy> = {},
) {
  const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);
  const published = new RedisPublishedStore<Plan>(redis, PlanSchema);
  const templates = builtinTemplates();
  const client = new WebClient(slack.botToken, {
    slackApiUrl: slack.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 5_000,
  });
  const slept: number[] = [];
  /**
   * Called with each pause the service takes; tests inject faults "between two posts" here, or
   * hold the attempt there (a replica that stalls or dies between two posts) by returning a promise.
   */
  let onSleep: (ms: number) => void | Promise<void> = () => undefined;
  const policy: Partial<PublishPolicy> = {
    spacingMs: 1,
    retry: {
      maxAttempts: 4,
      maxRetryAfterMs: 30_000,
      backoffMs: 10,
      maxBackoffMs: 40,
      sleep: async (ms) => {
        slept.push(ms);
        await onSleep(ms);
      },
    },
    ...overrides,
  };
  const logger = createLogger({ level: 'error', secrets: [], write: () => undefined });
  let leaseStorageDown = false;
  let renewalsAnswered = 0;
  let onRenewal: () => void = () => undefined;
  const deadOwners = new Set<string>();
  let dieAfter: ((step: PublishStep, nth: number) => boolean) | undefined;
  let recordedSinceArmed = 0;
  let died: () => void = () => undefined;
  const timedOut = () => Promise.reject(new Error('Command timed out'));
  const never = () => new Promise<boolean>(() => undefined);
  // The real store, except that the writes under a publish lease (renewing it, recording a step)
  // can be made to fail as a Redis timeout would, renewals are counted, and a replica can die.
  const leaseStore: typeof published = Object.assign(Object.create(published) as typeof published, {
    renewPublishLease: async (...args: Parameters<typeof published.renewPublishLease>) => {
      // A dead replica renews nothing: its lease runs out.
      if (deadOwners.has(args[3].owner)) return never();
      try {
        return await (leaseStorageDown ? timedOut() : published.renewPublishLease(...args));
      } finally {
        renewalsAnswered += 1;
        onRenewal();
      }
    },
    recordPublishStep: async (...args: Parameters<typeof published.recordPublishStep>) => {
      if (leaseStorageDown) return timedOut();
      const kept = await published.recordPublishStep(...args);
      if (dieAfter?.(args[4], ++recordedSinceArmed)) {
        dieAfter = undefined;
        deadOwners.add(args[3].owner);
        died();
        // Gone the moment its step reached Redis: it never hears back, never posts or renews again.
        return never();
      }
      return kept;
    },
  });
  const make = (replicaId: string, tuned: Partial<PublishPolicy> = {}) =>
    createPublishService({
      drafts,
      published: leaseStore,
      templates,
      client,
      replicaId,
      logger,
      now: () => NOW,
      policy: { ...policy, ...tuned },
    });
  const service = make('replica-a');
  const revise = createReviseService({ drafts, published });
  const teamId = uniqueWorkspace();
  const ws = workspaceKey({ teamId });

  async function createDraft(doc: Plan = cleanPlan()): Promise<DraftRecord<Plan>> {
    return drafts.create(ws, {
      doc,
      title: doc.meta.title,
      ownerId: doc.meta.owner,
      editorIds: doc.meta.editors,
      by: doc.meta.owner,
    });
  }

  async function saveDraft(record: DraftRecord<Plan>, doc: Plan): Promise<DraftRecord<Plan>> {
    const saved = await drafts.save(ws, record.id, {
      expectedVersion: record.version,
      doc,
      title: doc.meta.title,
      by: OWNER,
    });
    if (!saved.ok) throw new Error(`save failed: ${saved.reason}`);
    return saved.record;
  }

  return {
    drafts,
    published,
    templates,
    service,
    otherReplica: make('replica-b'),
    /** Another replica with its own tuning (e.g. a lease short enough to run out in a test). */
    replica: make,
    revise,
    teamId,
    ws,
    slept,
    setOnSleep(fn: (ms: number) => void) {
      onSleep = fn;
    },
    /** From now on, renewing a publish lease or recording a step fails like an unreachable Redis. */
    breakLeaseStorage() {
      leaseStorageDown = true;
    },
    /**
     * The next publish attempt to record a step matching `when` (`nth` counts the steps recorded
     * since this call, from 1) dies right after that write reached Redis: its publish never
     * settles. Resolves when it has died.
     */
    dieAfterRecording(when: (step: PublishStep, nth: number) => boolean): Promise<void> {
      dieAfter = when;
      recordedSinceArmed = 0;
      return new Promise((resolve) => {
        died = resolve;
      });
    },
    /** Resolves once `count` more lease renewals have been answered (or failed). */
    renewals(count: number): Promise<void> {
      const target = renewalsAnswered + count;
      return new Promise((resolve) => {
        onRenewal = () => {
          if (renewalsAnswered >= target) resolve();
        };
      });
    },
    actor: (userId: string = OWNER) => ({ teamId, userId }),
    createDraft,
    saveDraft,
  };
}
