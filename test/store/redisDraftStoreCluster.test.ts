import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { type RedisClusterHandle, startRedisCluster } from '../support/redis/redisCluster.js';
import { describeDraftStoreContract } from './draftStoreContract.js';
import { TestDocSchema } from './testDoc.js';

/**
 * The same contract against a real 3-master Redis Cluster: a local one started for this file, or
 * the one TEST_REDIS_CLUSTER_NODES names (`127.0.0.1:7101,127.0.0.1:7102`). Random workspace ids
 * spread the drafts over all masters, so cross-slot mistakes in a script fail here.
 */
describe('RedisDraftStore on Redis Cluster', () => {
  let local: RedisClusterHandle | undefined;
  let nodes = process.env.TEST_REDIS_CLUSTER_NODES ?? '';
  const clients: Cluster[] = [];
  beforeAll(async () => {
    if (nodes.trim() !== '') return;
    local = await startRedisCluster({ masters: 3 });
    nodes = local.nodes;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await local?.dispose();
  });

  describeDraftStoreContract('RedisDraftStore (cluster)', (options) => {
    const startup = nodes
      .split(',')
      .filter((node) => node.trim() !== '')
      .map((node) => {
        const [host = '127.0.0.1', port = '0'] = node.trim().split(':');
        return { host, port: Number(port) };
      });
    const client = new Cluster(startup);
    clients.push(client);
    return new RedisDraftStore(client, TestDocSchema, options);
  });
});
