import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import type { DraftScripts } from './draftScripts.js';

/** What the Redis draft operations share; built once by RedisDraftStore. */
export interface RedisDraftContext<T> {
  redis: Redis | Cluster;
  scripts: DraftScripts;
  docSchema: z.ZodType<T>;
  clock: () => Date;
  retentionMs: number;
  generateId: () => string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
