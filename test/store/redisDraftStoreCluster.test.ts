import { describe } from 'vitest';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { useTestCluster } from '../support/redis/testCluster.js';
import { describeDraftStoreContract } from './draftStoreContract.js';
import { TestDocSchema } from './testDoc.js';

/**
 * The same contract against a real 3-master Redis Cluster. Random workspace ids spread the drafts
 * over all masters, so cross-slot mistakes in a script fail here.
 */
describe('RedisDraftStore on Redis Cluster', () => {
  const cluster = useTestCluster();
  describeDraftStoreContract(
    'RedisDraftStore (cluster)',
    (options) => new RedisDraftStore(cluster.connect(), TestDocSchema, options),
  );
});
