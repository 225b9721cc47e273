import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisClusterHandle, startRedisCluster } from '../support/redis/redisCluster.js';
import { waitUntil, withAdmin } from '../support/redis/redisProcess.js';
import { type RedisSentinelHandle, startRedisSentinel } from '../support/redis/redisSentinel.js';
import { uniqueWorkspace } from '../support/redis/testRedis.js';

/** True when nothing answers on `port` any more. */
async function refuses(port: number): Promise<boolean> {
  return withAdmin(port, (r) => r.ping()).then(
    () => false,
    () => true,
  );
}

function hostPorts(list: string) {
  return list.split(',').map((entry) => {
    const [host = '', port = ''] = entry.split(':');
    return { host, port: Number(port) };
  });
}

describe('startRedisCluster', () => {
  let cluster: RedisClusterHandle;
  const clients: Cluster[] = [];
  const connect = () => {
    const client = new Cluster(hostPorts(cluster.nodes), { enableOfflineQueue: true });
    client.on('error', () => {});
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    // A short node timeout keeps the kill/restart test quick (a failed master is forgiven
    // after twice this).
    cluster = await startRedisCluster({ masters: 3, appendonly: true, nodeTimeoutMs: 1_000 });
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await cluster?.dispose();
  });

  it('serves a 3-master cluster on loopback ports that are not 6379, with data on every master', async () => {
    expect(cluster.ports).toHaveLength(3);
    expect(cluster.ports).not.toContain(6379);
    expect(cluster.nodes).toBe(cluster.ports.map((p) => `127.0.0.1:${p}`).join(','));
    const client = connect();
    // Workspace hash tags, as the stores write them: random ids land on every master.
    const keys = Array.from({ length: 30 }, () => `opsplan:{${uniqueWorkspace()}}:probe`);
    for (const key of keys) await client.set(key, key);
    const sizes = await Promise.all(cluster.ports.map((p) => withAdmin(p, (r) => r.dbsize())));
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(keys.length);
  });

  it('a killed master takes the cluster down; restarted, it rejoins with its AOF data', async () => {
    const client = connect();
    const keys = Array.from({ length: 30 }, () => `opsplan:{${uniqueWorkspace()}}:kept`);
    for (const key of keys) await client.set(key, 'acknowledged');
    await cluster.kill(1);
    expect(await refuses(cluster.ports[1] as number)).toBe(true);
    await cluster.waitForState('fail');
    await cluster.restart(1);
    const after = connect();
    expect(await Promise.all(keys.map((key) => after.get(key)))).toEqual(
      keys.map(() => 'acknowledged'),
    );
  });

  it('dispose stops every master', async () => {
    await cluster.dispose();
    expect(await Promise.all(cluster.ports.map(refuses))).toEqual(cluster.ports.map(() => true));
  });
});

describe('startRedisSentinel', () => {
  let sentinel: RedisSentinelHandle;
  const clients: Redis[] = [];
  beforeAll(async () => {
    sentinel = await startRedisSentinel();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await sentinel?.dispose();
  });

  it('a crash failover promotes the replica, every sentinel follows it, and replicated writes survive', async () => {
    const sentinels = hostPorts(sentinel.sentinels);
    expect(sentinels).toHaveLength(3);
    expect(sentinels.map((s) => s.port)).not.toContain(26379);
    const client = new Redis({ sentinels, name: sentinel.name });
    client.on('error', () => {});
    clients.push(client);
    const key = `opsplan:{${uniqueWorkspace()}}:failover`;
    await client.set(key, 'before');
    const oldPrimary = sentinel.primaryPort;
    const oldReplica = sentinel.replicaPort;

    await sentinel.failover();
    expect(sentinel.primaryPort).toBe(oldReplica);
    expect(sentinel.replicaPort).toBe(oldPrimary);
    expect(sentinel.primaryUrl).toBe(`redis://127.0.0.1:${oldReplica}`);
    for (const { port } of sentinels) {
      const addr = await withAdmin(port, (r) =>
        r.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', sentinel.name),
      );
      expect(addr).toEqual(['127.0.0.1', String(oldReplica)]);
    }
    expect(await withAdmin(oldReplica, (r) => r.get(key))).toBe('before');
    // The crashed node came back as the new primary's replica, so a second failover works.
    expect(await withAdmin(oldPrimary, (r) => r.info('replication'))).toContain('role:slave');
    await sentinel.failover();
    expect(sentinel.primaryPort).toBe(oldPrimary);
    expect(await withAdmin(oldPrimary, (r) => r.get(key))).toBe('before');
  });

  it('dispose stops the primary, the replica and every sentinel', async () => {
    const ports = [
      sentinel.primaryPort,
      sentinel.replicaPort,
      ...hostPorts(sentinel.sentinels).map((s) => s.port),
    ];
    await sentinel.dispose();
    expect(await Promise.all(ports.map(refuses))).toEqual(ports.map(() => true));
  });
});

describe('when the test process dies', () => {
  it('a SIGKILLed owner takes every node of its cluster and their temp dir down', async () => {
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `
        const { startRedisCluster } = await import(${JSON.stringify(new URL('../support/redis/redisCluster.ts', import.meta.url).href)});
        const cluster = await startRedisCluster();
        console.log(JSON.stringify({ ports: cluster.ports, dir: cluster.dir }));
        setInterval(() => {}, 60_000);
      `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [firstLine] = (await once(owner.stdout, 'data')) as [Buffer];
    const { ports, dir } = JSON.parse(firstLine.toString()) as { ports: number[]; dir: string };
    expect(ports).toHaveLength(3);
    expect(existsSync(dir)).toBe(true);
    // Connections to every node close only because the orphaned servers were killed.
    const clients = ports.map((port) => {
      const client = new Redis({ port, host: '127.0.0.1', retryStrategy: () => null });
      client.on('error', () => {});
      return client;
    });
    await Promise.all(clients.map((client) => once(client, 'ready')));
    const closed = Promise.all(clients.map((client) => once(client, 'end')));
    owner.kill('SIGKILL');
    await closed;
    // The guard removes the dir right after the kill has landed; wait for that, not a guess.
    await waitUntil('the temp dir to be removed', async () => !existsSync(dir));
    expect(await Promise.all(ports.map(refuses))).toEqual(ports.map(() => true));
  });
});
