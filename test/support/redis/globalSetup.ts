import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redisServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis every test shares (tests isolate by workspace id, nobody flushes it). */
    redisUrl: string;
  }
}

/**
 * vitest global set-up: one real redis-server for the whole run, unless REDIS_URL names one.
 * Tests read it with `inject('redisUrl')`.
 */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const given = process.env.REDIS_URL;
  if (given) {
    provide('redisUrl', given);
    return async () => {};
  }
  const server = await startRedisServer();
  provide('redisUrl', server.url);
  return () => server.dispose();
}
