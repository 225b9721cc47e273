import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
 * A throw-away Sentinel deployment on free loopback ports: one primary, one replica and three
 * sentinels (quorum 2), tuned so a failover takes a couple of seconds instead of the defaults'
 * half a minute.
 */

export interface RedisSentinelOptions {
  /** The name the sentinels monitor the primary under. Default `opsplan-test`. */
  name?: string;
  /** Turn on the AOF (`appendfsync always`) on both data nodes. */
  appendonly?: boolean;
}

export interface RedisSentinelHandle {
  /** `127.0.0.1:s1,127.0.0.1:s2,127.0.0.1:s3` — what REDIS_SENTINELS takes. */
  sentinels: string;
  /** What REDIS_SENTINEL_NAME takes. */
  name: string;
  /** The temp root holding the data nodes' and sentinels' dirs. */
  dir: string;
  /** `redis://` URL of the current primary (changes after a failover). */
  readonly primaryUrl: string;
  readonly primaryPort: number;
  readonly replicaPort: number;
  /**
   * Crashes the primary (SIGKILL; `SIGTERM` for an orderly stop) and resolves once the sentinels
   * have noticed, elected a leader and promoted the replica: every sentinel names the new
   * primary, it answers as master, and the stopped node is back as its replica, in sync, ready
   * for the next failover.
   */
  failover(signal?: NodeJS.Signals): Promise<void>;
  /** Stops every process and removes the temp dir. */
  dispose(): Promise<void>;
}

/** Down after 1 s of silence; a failover attempt that stalls is retried after 3 s. */
const DOWN_AFTER_MS = 1_000;
const FAILOVER_TIMEOUT_MS = 3_000;

interface DataNode {
  port: number;
  dir: string;
  process?: RedisProcess;
}

function dataNodeArgs(node: DataNode, appendonly: boolean, primaryPort?: number): string[] {
  // biome-ignore format: flag/value pairs read best side by side
  return [
    '--port', String(node.port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--daemonize', 'no',
    '--dir', node.dir,
    '--save', '',
    '--appendonly', appendonly ? 'yes' : 'no',
    '--appendfsync', 'always',
    '--maxmemory-policy', 'noeviction',
    // The default waits 5 s for more replicas before a full sync.
    '--repl-diskless-sync-delay', '0',
    ...(primaryPort === undefined ? [] : ['--replicaof', '127.0.0.1', String(primaryPort)]),
  ];
}

function writeSentinelConf(dir: string, port: number, name: string, primaryPort: number): string {
  const file = join(dir, 'sentinel.conf');
  // Sentinel rewrites this file as it learns the topology, so it lives in a writable dir.
  writeFileSync(
    file,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      'daemonize no',
      `dir ${dir}`,
      `sentinel monitor ${name} 127.0.0.1 ${primaryPort} 2`,
      `sentinel down-after-milliseconds ${name} ${DOWN_AFTER_MS}`,
      `sentinel failover-timeout ${name} ${FAILOVER_TIMEOUT_MS}`,
      `sentinel parallel-syncs ${name} 1`,
      '',
    ].join('\n'),
  );
  return file;
}

async function infoFields(port: number, section: string): Promise<Record<string, string>> {
  const text = await withAdmin(port, (r) => r.info(section));
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':', 2) as [string, string]),
  );
}

/** `SENTINEL MASTER <name>` as a field → value map. */
async function sentinelView(port: number, name: string): Promise<Record<string, string>> {
  const flat = await withAdmin(
    port,
    (r) => r.call('SENTINEL', 'MASTER', name) as Promise<string[]>,
  );
  const view: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) view[String(flat[i])] = String(flat[i + 1]);
  return view;
}

/** The replica at `replicaPort` replicates from `primaryPort` with its link up. */
async function replicating(replicaPort: number, primaryPort: number): Promise<boolean> {
  const info = await infoFields(replicaPort, 'replication');
  return (
    info.role === 'slave' &&
    Number(info.master_port) === primaryPort &&
    info.master_link_status === 'up'
  );
}

export async function startRedisSentinel(
  opts: RedisSentinelOptions = {},
): Promise<RedisSentinelHandle> {
  const name = opts.name ?? 'opsplan-test';
  const appendonly = opts.appendonly ?? false;
  const root = mkdtempSync(join(tmpdir(), 'opsplan-sentinel-'));
  ownTempDir(root);
  const ports = new Set<number>();
  while (ports.size < 5) ports.add(await findFreePort());
  const [portA, portB, ...sentinelPorts] = [...ports] as [number, number, ...number[]];
  const data: [DataNode, DataNode] = [
    { port: portA, dir: join(root, 'node-a') },
    { port: portB, dir: join(root, 'node-b') },
  ];
  for (const node of data) mkdirSync(node.dir);
  const sentinels: RedisProcess[] = [];
  let primary = 0;
  const primaryNode = () => data[primary] as DataNode;
  const replicaNode = () => data[1 - primary] as DataNode;

  const dispose = async () => {
    await Promise.all([...sentinels, ...data.map((n) => n.process)].map((p) => p?.kill()));
    releaseTempDir(root);
  };

  /** Every sentinel names `port` as the primary and sees the other sentinels and the replica. */
  const sentinelsAgree = (port: number) =>
    waitUntil(`all sentinels to follow the primary on ${port}`, async () => {
      const views = await Promise.all(sentinelPorts.map((p) => sentinelView(p, name)));
      return views.every(
        (v) =>
          Number(v.port) === port &&
          !String(v.flags).includes('down') &&
          Number(v['num-other-sentinels']) === sentinelPorts.length - 1 &&
          Number(v['num-slaves']) >= 1,
      );
    });

  try {
    data[0].process = await spawnRedisProcess(dataNodeArgs(data[0], appendonly), portA, root);
    data[1].process = await spawnRedisProcess(
      dataNodeArgs(data[1], appendonly, portA),
      portB,
      root,
    );
    // Sentinels discover replicas from the primary's INFO, polled every 10 s once running:
    // starting them after the replica is attached makes the first poll find it.
    await waitUntil('the replica to sync', () => replicating(portB, portA));
    for (const [i, port] of sentinelPorts.entries()) {
      const dir = join(root, `sentinel-${i}`);
      mkdirSync(dir);
      const conf = writeSentinelConf(dir, port, name, portA);
      sentinels.push(await spawnRedisProcess([conf, '--sentinel'], port, root));
    }
    await sentinelsAgree(portA);
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    sentinels: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
    name,
    dir: root,
    get primaryUrl() {
      return `redis://127.0.0.1:${primaryNode().port}`;
    },
    get primaryPort() {
      return primaryNode().port;
    },
    get replicaPort() {
      return replicaNode().port;
    },
    async failover(signal: NodeJS.Signals = 'SIGKILL') {
      const from = primaryNode();
      const to = replicaNode();
      await from.process?.kill(signal);
      await waitUntil(`the replica on ${to.port} to be promoted`, async () => {
        const info = await infoFields(to.port, 'replication');
        return info.role === 'master';
      });
      // Brought back as a replica of the new primary, as an orchestrator would: restarted as a
      // primary, the sentinels would demote it only after 8 s (4 × their publish period).
      from.process = await spawnRedisProcess(
        dataNodeArgs(from, appendonly, to.port),
        from.port,
        root,
      );
      primary = 1 - primary;
      await waitUntil(`the old primary to replicate from ${to.port}`, () =>
        replicating(from.port, to.port),
      );
      await sentinelsAgree(to.port);
    },
    dispose,
  };
}
