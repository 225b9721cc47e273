import { describe } from 'vitest';
import { describeAccessContract } from './contract/accessContract.js';
import { describeConcurrencyContract } from './contract/concurrencyContract.js';
import type { MakeDraftStore } from './contract/contractSubject.js';
import { describeHistoryContract } from './contract/historyContract.js';
import { describeLifecycleContract } from './contract/lifecycleContract.js';
import { describeRecordContract } from './contract/recordContract.js';

export type { ContractStoreOptions, MakeDraftStore } from './contract/contractSubject.js';

/**
 * The behaviour every DraftStore must have, through its interface only (in the spirit of unstorage's
 * shared driver tests). Run it for each implementation and each Redis topology:
 *
 *   describeDraftStoreContract('RedisDraftStore on Cluster', (options) =>
 *     new RedisDraftStore(newClusterClient(), TestDocSchema, options));
 *
 * `makeStore` should open a fresh connection per call (concurrency tests race several) and the
 * caller closes them afterwards.
 */
export function describeDraftStoreContract(name: string, makeStore: MakeDraftStore): void {
  describe(`DraftStore contract: ${name}`, () => {
    describeRecordContract(makeStore);
    describeConcurrencyContract(makeStore);
    describeHistoryContract(makeStore);
    describeAccessContract(makeStore);
    describeLifecycleContract(makeStore);
  });
}
