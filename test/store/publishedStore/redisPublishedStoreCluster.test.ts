import { describe } from 'vitest';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { useTestCluster } from '../../support/redis/testCluster.js';
import { TestDocSchema } from '../testDoc.js';
import { describePublishedStoreContract } from './publishedStoreContract.js';

/**
 * The same contract against a real 3-master Redis Cluster. Random workspace ids spread plans over
 * all masters, so a cross-slot key in a script fails here.
 */
describe('RedisPublishedStore on Redis Cluster', () => {
  const cluster = useTestCluster();
  describePublishedStoreContract(
    'RedisPublishedStore (cluster)',
    (options) => new RedisPublishedStore(cluster.connect(), TestDocSchema, options),
  );
});
