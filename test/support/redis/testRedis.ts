import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/**
 * An ioredis client for assertions against the shared test Redis. A command gives up after one
 * reconnect attempt (ioredis's default is 20), so a test that broke Redis gets an error quickly
 * rather than a hang.
 */
export function connectTestRedis(url: string = inject('redisUrl')): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A fresh Slack team id (`T` + 10 upper-case characters) so tests sharing one Redis never
 * read each other's keys.
 */
export function uniqueWorkspace(prefix = 'T'): string {
  const bytes = randomBytes(10);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
