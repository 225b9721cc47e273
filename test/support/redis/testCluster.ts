import { Cluster, type ClusterOptions } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { type RedisClusterHandle, startRedisCluster } from './redisCluster.js';

/**
 * A real 3-master Redis Cluster for one test file: the one TEST_REDIS_CLUSTER_NODES names
 * (`127.0.0.1:7101,127.0.0.1:7102`), else a local one started for the file. `connect()` opens a
 * client that is closed after the file, with the cluster.
 */
export function useTestCluster(): { connect(options?: ClusterOptions): Cluster } {
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
  return {
    connect(options) {
      const startup = nodes
        .split(',')
        .filter((node) => node.trim() !== '')
        .map((node) => {
          const [host = '127.0.0.1', port = '0'] = node.trim().split(':');
          return { host, port: Number(port) };
        });
      const client = new Cluster(startup, options);
      clients.push(client);
      return client;
    },
  };
}
