import { Cluster } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { describeDraftStoreContract } from './draftStoreContract.js';
import { TestDocSchema } from './testDoc.js';

/**
 * The same contract against a real Redis Cluster, when one is given:
 *   TEST_REDIS_CLUSTER_NODES=127.0.0.1:7101,127.0.0.1:7102 npx vitest run test/store
 * (the reliability issue's harness starts a local 3-master cluster and sets it). Random workspace ids
 * spread the drafts over all masters, so cross-slot mistakes in a script fail here.
 */
const nodes = (process.env.TEST_REDIS_CLUSTER_NODES ?? '')
  .split(',')
  .filter((node) => node.trim() !== '')
  .map((node) => {
    const [host = '127.0.0.1', port = '0'] = node.trim().split(':');
    return { host, port: Number(port) };
  });

describe.skipIf(nodes.length === 0)('RedisDraftStore on Redis Cluster', () => {
  const clients: Cluster[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  describeDraftStoreContract('RedisDraftStore (cluster)', (options) => {
    const client = new Cluster(nodes);
    clients.push(client);
    return new RedisDraftStore(client, TestDocSchema, options);
  });
});
