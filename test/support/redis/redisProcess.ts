import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';

/**
 * One redis-server process (a data node or a sentinel) for the multi-node harnesses
 * (`redisCluster.ts`, `redisSentinel.ts`): spawned with arbitrary flags, awaited until it answers
 * PING, and guaranteed not to outlive the test process — the same rules as `redisServer.ts`.
 */

const live = new Set<ChildProcess>();
const ownedDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const cleanUp = () => {
    for (const child of live) child.kill('SIGKILL');
    for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanUp();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** A temp dir removed at exit (and by the orphan guard) unless released first. */
export function ownTempDir(dir: string): void {
  installExitHook();
  ownedDirs.add(dir);
}

export function releaseTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  ownedDirs.delete(dir);
}

/**
 * A SIGKILLed test process runs no exit hooks: a detached shell holds a pipe from us and, when
 * the pipe closes (however we died), kills the server and removes the topology's temp dir.
 */
function guardAgainstOrphaning(child: ChildProcess, ownedDir: string): void {
  if (child.pid === undefined) return;
  const script = [
    'read _',
    'kill -9 "$1" 2>/dev/null',
    'n=0; while s=$(ps -o stat= -p "$1") && [ $n -lt 40 ]; do case "$s" in Z*) break ;; esac; sleep 0.05; n=$((n+1)); done',
    'rm -rf -- "$2"',
  ].join('; ');
  const guard = spawn('sh', ['-c', script, 'redis-guard', String(child.pid), ownedDir], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.once('exit', () => guard.kill('SIGKILL'));
}

/**
 * Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes. For conditions
 * inside an external process (cluster state, a sentinel's view) that announce nothing we could
 * subscribe to.
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 15_000, intervalMs = 50 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A short-lived admin connection: no retries, so a dead node is an error, not a hang. */
export async function withAdmin<T>(port: number, run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 1_000,
    commandTimeout: 2_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

export interface RedisProcess {
  readonly port: number;
  readonly running: boolean;
  /** Sends `signal` (default SIGKILL) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `redis-server <args>` listening on `port` and resolves once it answers PING. `ownedDir`
 * is the topology's temp root, removed if the test process dies.
 */
export async function spawnRedisProcess(
  args: string[],
  port: number,
  ownedDir: string,
): Promise<RedisProcess> {
  installExitHook();
  if (port === 6379 || port === 26379) throw new Error(`refusing port ${port}: it is not ours`);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  guardAgainstOrphaning(child, ownedDir);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  let ready = false;
  const earlyExit = exited.then(() => {
    if (!ready) throw new Error(`redis-server on port ${port} exited early:\n${output}`);
  });
  earlyExit.catch(() => {});
  try {
    await Promise.race([
      waitUntil(
        `redis-server on port ${port}`,
        async () => (await withAdmin(port, (r) => r.ping())) === 'PONG',
        { timeoutMs: 10_000, intervalMs: 20 },
      ).then(() => {
        ready = true;
      }),
      earlyExit,
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    port,
    get running() {
      return isRunning();
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!isRunning()) return;
      child.kill(signal);
      if (signal !== 'SIGKILL') child.kill('SIGCONT');
      await exited;
    },
  };
}
