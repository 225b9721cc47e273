import { describe } from 'vitest';
import { describeIdempotencyContract } from './contract/idempotencyContract.js';
import { describeImmutabilityContract } from './contract/immutabilityContract.js';
import { describeIsolationContract } from './contract/isolationContract.js';
import { describePostContract } from './contract/postContract.js';
import { describeProgressContract } from './contract/progressContract.js';
import type { MakePublishedStore } from './contract/publishedSubject.js';
import { describeVersionsContract } from './contract/versionsContract.js';

export type { MakePublishedStore, PublishedStoreTestOptions } from './contract/publishedSubject.js';

/**
 * The behaviour every PublishedStore must have, through its interface only. Run it for each
 * implementation and each Redis topology:
 *
 *   describePublishedStoreContract('RedisPublishedStore on Cluster', (options) =>
 *     new RedisPublishedStore(newClusterClient(), TestDocSchema, options));
 *
 * `makeStore` should open a fresh connection per call (the concurrency tests race several); the
 * caller closes them afterwards.
 */
export function describePublishedStoreContract(name: string, makeStore: MakePublishedStore): void {
  describe(`PublishedStore contract: ${name}`, () => {
    describeVersionsContract(makeStore);
    describeImmutabilityContract(makeStore);
    describePostContract(makeStore);
    describeIdempotencyContract(makeStore);
    describeProgressContract(makeStore);
    describeIsolationContract(makeStore);
  });
}
