import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import { StoreError } from '../errors.js';
import type { PublishedPost, PublishStep } from '../publishedStore.js';
import { PublishedPostSchema, PublishStepSchema } from './publishedCodec.js';
import type { PublishedScripts } from './publishedScripts.js';

/** What the Redis published-store operations share; built once by RedisPublishedStore. */
export interface PublishedContext<T> {
  redis: Redis | Cluster;
  scripts: PublishedScripts;
  docSchema: z.ZodType<T>;
  clock: () => Date;
  recordTtlMs: number;
}

// Plan ids are draft ids in practice; anything that could break a key or an index member is refused.
const PLAN_ID = /^[A-Za-z0-9_-]{1,64}$/;

function invalid(message: string, field: string): StoreError {
  return new StoreError('invalid_input', message, { field });
}

export function checkPlanId(planId: string): string {
  if (!PLAN_ID.test(planId)) throw invalid('planId is not a plan id', 'planId');
  return planId;
}

export function checkIdempotencyKey(key: string): string {
  if (key === '' || key.length > 500) {
    throw invalid('idempotency key must be 1–500 characters', 'idempotencyKey');
  }
  return key;
}

export function checkPost(post: PublishedPost): PublishedPost {
  const parsed = PublishedPostSchema.safeParse(post);
  if (!parsed.success) {
    throw new StoreError('invalid_input', 'post is not valid', {
      field: 'post',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return post;
}

export function checkStep(step: PublishStep): PublishStep {
  const parsed = PublishStepSchema.safeParse(step);
  if (!parsed.success) {
    throw new StoreError('invalid_input', 'publish step is not valid', {
      field: 'step',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

export function checkDuration(ms: number, field: string, max: number): number {
  if (!Number.isSafeInteger(ms) || ms < 1 || ms > max) {
    throw invalid(`${field} must be a whole number of ms between 1 and ${max}`, field);
  }
  return ms;
}

export function checkLeaseOwner(owner: string): string {
  if (owner === '' || owner.length > 200) throw invalid('owner must be 1–200 characters', 'owner');
  return owner;
}
