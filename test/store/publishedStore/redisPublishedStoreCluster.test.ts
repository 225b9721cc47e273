import { Cluster } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { RedisPublishedStore } from '../../../src/store/redis/publishedRedisStore.js';
import { TestDocSchema } from '../testDoc.js';
import { describePublishedStoreContract } from './publishedStoreContract.js';

/**
 * The same contract against a real Redis Cluster, when one is given:
 *   TEST_REDIS_CLUSTER_NODES=127.0.0.1:7101,127.0.0.1:7102 npx vitest run test/store
 * Random workspace ids spread plans over all masters, so a cross-slot key in a script fails here.
 */
const nodes = (process.env.TEST_REDIS_CLUSTER_NODES ?? '')
  .split(',')
  .filter((node) => node.trim() !== '')
  .map((node) => {
    const [host = '127.0.0.1', port = '0'] = node.trim().split(':');
    return { host, port: Number(port) };
  });

describe.skipIf(nodes.length === 0)('RedisPublishedStore on Redis Cluster', () => {
  const clients: Cluster[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  describePublishedStoreContract('RedisPublishedStore (cluster)', (options) => {
    const client = new Cluster(nodes);
    clients.push(client);
    return new RedisPublishedStore(client, TestDocSchema, options);
  });
});
