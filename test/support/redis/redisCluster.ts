import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ownTempDir,
  type RedisProcess,
  releaseTempDir,
  spawnRedisProcess,
  waitUntil,
  withAdmin,
} from './redisProcess.js';
import { findFreePort } from './redisServer.js';

/**
 * A throw-away Redis Cluster of `masters` masters (no replicas) on free loopback ports, each with
 * its own data dir under one temp root. Slots are split evenly; every key of a workspace shares a
 * hash tag, so random workspace ids spread the data over all masters.
 */

export interface RedisClusterOptions {
  /** Default 3, the smallest cluster Redis recommends. */
  masters?: number;
  /** Turn on the AOF (`appendfsync always`) so a killed master keeps its data on restart. */
  appendonly?: boolean;
  /** How long a silent master takes to be marked failing. Small so fault tests stay quick. */
  nodeTimeoutMs?: number;
}

export interface RedisClusterHandle {
  /** `127.0.0.1:p1,127.0.0.1:p2,…` — what REDIS_CLUSTER_NODES takes. */
  nodes: string;
  ports: number[];
  /** A `redis://` URL of the first node, for REDIS_URL (only its credentials/TLS matter). */
  url: string;
  /** The temp root holding every node's data dir. */
  dir: string;
  /** Crashes master `nodeIndex` (SIGKILL by default) and resolves once it has exited. */
  kill(nodeIndex: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts master `nodeIndex` again on its port and dir; resolves once the cluster is ok. */
  restart(nodeIndex: number): Promise<void>;
  /** Resolves once every running master reports `cluster_state:<state>`. */
  waitForState(state: 'ok' | 'fail'): Promise<void>;
  /** Stops every node and removes the temp dir. */
  dispose(): Promise<void>;
}

const SLOTS = 16_384;

interface NodeSlot {
  port: number;
  busPort: number;
  dir: string;
  process?: RedisProcess;
}

function nodeArgs(node: NodeSlot, options: Required<RedisClusterOptions>): string[] {
  // biome-ignore format: flag/value pairs read best side by side
  return [
    '--port', String(node.port),
    '--cluster-port', String(node.busPort),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--daemonize', 'no',
    '--dir', node.dir,
    '--cluster-enabled', 'yes',
    '--cluster-config-file', 'nodes.conf',
    '--cluster-node-timeout', String(options.nodeTimeoutMs),
    '--save', '',
    '--appendonly', options.appendonly ? 'yes' : 'no',
    '--appendfsync', 'always',
    // Drafts and published plans must never be evicted (see README → Deployment).
    '--maxmemory-policy', 'noeviction',
  ];
}

async function clusterInfo(port: number): Promise<Record<string, string>> {
  const text = await withAdmin(port, (r) => r.call('CLUSTER', 'INFO') as Promise<string>);
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':', 2) as [string, string]),
  );
}

async function uniqueFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

export async function startRedisCluster(
  opts: RedisClusterOptions = {},
): Promise<RedisClusterHandle> {
  const options: Required<RedisClusterOptions> = {
    masters: opts.masters ?? 3,
    appendonly: opts.appendonly ?? false,
    nodeTimeoutMs: opts.nodeTimeoutMs ?? 2_000,
  };
  if (options.masters < 1) throw new Error('a cluster needs at least one master');
  const root = mkdtempSync(join(tmpdir(), 'opsplan-cluster-'));
  ownTempDir(root);
  const ports = await uniqueFreePorts(options.masters * 2);
  const nodes: NodeSlot[] = Array.from({ length: options.masters }, (_, i) => {
    const dir = join(root, `node-${i}`);
    mkdirSync(dir);
    return { port: ports[2 * i] as number, busPort: ports[2 * i + 1] as number, dir };
  });
  const nodeAt = (index: number): NodeSlot => {
    const node = nodes[index];
    if (!node) throw new Error(`no cluster node ${index} (there are ${nodes.length})`);
    return node;
  };

  const waitForState = (state: 'ok' | 'fail') =>
    waitUntil(`cluster_state:${state} on every running master`, async () => {
      const running = nodes.filter((n) => n.process?.running);
      const infos = await Promise.all(running.map((n) => clusterInfo(n.port)));
      return infos.every(
        (info) =>
          info.cluster_state === state &&
          (state === 'fail' || Number(info.cluster_known_nodes) === nodes.length),
      );
    });

  const dispose = async () => {
    await Promise.all(nodes.map((n) => n.process?.kill('SIGKILL')));
    releaseTempDir(root);
  };

  try {
    await Promise.all(
      nodes.map(async (node) => {
        node.process = await spawnRedisProcess(nodeArgs(node, options), node.port, root);
      }),
    );
    // What `redis-cli --cluster create` does, minus its one-second sleeps: distinct config
    // epochs (so no collision has to be resolved), an even split of the slots, then MEET.
    await Promise.all(
      nodes.map((node, i) =>
        withAdmin(node.port, async (r) => {
          const first = Math.floor((SLOTS * i) / nodes.length);
          const last = Math.floor((SLOTS * (i + 1)) / nodes.length) - 1;
          await r.call('CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1));
          await r.call('CLUSTER', 'ADDSLOTSRANGE', String(first), String(last));
        }),
      ),
    );
    const [seed, ...others] = nodes;
    if (seed) {
      await withAdmin(seed.port, async (r) => {
        for (const other of others) {
          await r.call('CLUSTER', 'MEET', '127.0.0.1', String(other.port), String(other.busPort));
        }
      });
    }
    await waitForState('ok');
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    nodes: nodes.map((n) => `127.0.0.1:${n.port}`).join(','),
    ports: nodes.map((n) => n.port),
    url: `redis://127.0.0.1:${nodeAt(0).port}`,
    dir: root,
    async kill(nodeIndex, signal = 'SIGKILL') {
      await nodeAt(nodeIndex).process?.kill(signal);
    },
    async restart(nodeIndex) {
      const node = nodeAt(nodeIndex);
      await node.process?.kill('SIGTERM');
      node.process = await spawnRedisProcess(nodeArgs(node, options), node.port, root);
      await waitForState('ok');
    },
    waitForState,
    dispose,
  };
}
