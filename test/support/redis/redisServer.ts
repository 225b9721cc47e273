import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A real, throw-away redis-server for tests: loopback only, a free port, its own temp dir,
 * and handles to crash, stop, restart, freeze and thaw it for fault tests.
 */

export interface RedisServerOptions {
  /** Turn on the append-only file so data survives `kill()` + `restart()`. Default false. */
  appendonly?: boolean;
  /**
   * AOF fsync policy. Default `always`, so every acknowledged write is on disk before the reply.
   * Under `everysec`, Redis may postpone the AOF write (up to 2 s) while a background fsync is
   * slow and still acknowledge commands, so a kill -9 on a busy disk can lose acknowledged
   * writes. Pass `everysec` to test a production-like setting.
   */
  appendfsync?: 'always' | 'everysec' | 'no';
  /** A fixed port. Default: a free loopback port. 6379 is refused: that Redis is not ours. */
  port?: number;
  /** Data directory. Default: a fresh temp dir, removed by `dispose()` or at process exit. */
  dir?: string;
}

export interface RedisServerHandle {
  url: string;
  port: number;
  dir: string;
  /** Sends `signal` (default SIGKILL, i.e. a crash) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Graceful shutdown (SIGTERM); the data dir is kept so `restart()` can load it. */
  stop(): Promise<void>;
  /** Starts redis-server again on the same port and dir (stopping it first if it still runs). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, commands hang. */
  pause(): void;
  /** Thaws a paused process (SIGCONT). */
  resume(): void;
  /** Stops the server and removes the temp dir it created. */
  dispose(): Promise<void>;
}

const FORBIDDEN_PORT = 6379;
const READY_TIMEOUT_MS = 10_000;
const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

/** Children must not outlive the test process, whichever way it ends. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const cleanUp = () => {
    for (const child of live) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanUp();
      // Keep the default "die on signal" unless someone else (an app under test) handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * A SIGKILLed test process runs no exit hooks. This guard holds a pipe from us: when we die
 * (however we die) the pipe closes, `read` returns, and the guard kills the redis-server and
 * removes the temp dir we created for it.
 */
function guardAgainstOrphaning(child: ChildProcess, ownedDir: string | undefined): void {
  if (child.pid === undefined) return;
  const script = [
    'read _',
    'kill -9 "$1" 2>/dev/null',
    // Let the kernel finish the kill before removing the files it may still hold open.
    // (A zombie counts as dead: its files are already closed.)
    'n=0; while s=$(ps -o stat= -p "$1") && [ $n -lt 40 ]; do case "$s" in Z*) break ;; esac; sleep 0.05; n=$((n+1)); done',
    '[ -n "$2" ] && rm -rf -- "$2"',
  ].join('; ');
  const guard = spawn('sh', ['-c', script, 'redis-guard', String(child.pid), ownedDir ?? ''], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.once('exit', () => guard.kill('SIGKILL'));
}

function assertRedisServerOnPath(): void {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return;
    } catch {
      // not in this directory; keep looking
    }
  }
  throw new Error(
    'redis-server was not found on PATH. The tests need a real Redis: install it with ' +
      '`apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), ' +
      'or point REDIS_URL at a Redis you own (never a shared/production one).',
  );
}

/**
 * Ports below Linux's ephemeral range (32768+). `restart()` must get the same port back after a
 * crash; listen(0) servers and outgoing connections all over the machine draw from the
 * ephemeral range and could grab it in the meantime, so Redis stays out of it.
 */
const PORT_RANGE = { min: 20_000, max: 32_000 } as const;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(): Promise<number> {
  for (;;) {
    const port = randomInt(PORT_RANGE.min, PORT_RANGE.max);
    if (port !== FORBIDDEN_PORT && (await portIsFree(port))) return port;
  }
}

/** Resolves once the server answers PING with PONG over a fresh connection. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) socket.end();
    });
    socket.once('close', () => resolve(reply.startsWith('+PONG')));
    socket.once('error', () => resolve(false));
  });
}

interface RedisFlags {
  appendonly: boolean;
  appendfsync: 'always' | 'everysec' | 'no';
}

function spawnRedis(
  port: number,
  dir: string,
  flags: RedisFlags,
  ownedDir: string | undefined,
): Promise<ChildProcess> {
  // biome-ignore format: flag/value pairs read best side by side
  const args = [
    '--save', '',
    '--appendonly', flags.appendonly ? 'yes' : 'no',
    '--appendfsync', flags.appendfsync,
    '--dir', dir,
    '--bind', '127.0.0.1',
    '--port', String(port),
    '--daemonize', 'no',
    '--protected-mode', 'yes',
  ];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  guardAgainstOrphaning(child, ownedDir);
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(`redis-server on port ${port} did not start: ${reason}\n${output.slice(-2_000)}`),
      );
    };
    const timer = setTimeout(
      () => fail(`not ready after ${READY_TIMEOUT_MS} ms`),
      READY_TIMEOUT_MS,
    );
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Redis logs this line once it listens and has loaded its AOF.
      if (!output.includes('Ready to accept connections')) return;
      child.stdout?.off('data', onOutput);
      void ping(port).then((ok) => {
        if (!ok) return fail('it logged ready but does not answer PING');
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve(child);
      });
    };
    const onEarlyExit = (code: number | null, signal: string | null) =>
      fail(`it exited early (code ${code}, signal ${signal})`);
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', onEarlyExit);
    child.once('error', (error) => fail(error.message));
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServerHandle> {
  assertRedisServerOnPath();
  installExitHook();
  if (opts.port === FORBIDDEN_PORT) {
    throw new Error('startRedisServer refuses port 6379: that Redis belongs to someone else.');
  }
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'opsplan-redis-'));
  if (ownsDir) tempDirs.add(dir);
  const flags: RedisFlags = {
    appendonly: opts.appendonly ?? false,
    appendfsync: opts.appendfsync ?? 'always',
  };

  let port = opts.port ?? 0;
  let child: ChildProcess | undefined;
  // A free port can be taken between probing and binding; with a chosen port, one try only.
  for (let attempt = 0; !child; attempt++) {
    if (opts.port === undefined) port = await findFreePort();
    try {
      child = await spawnRedis(port, dir, flags, ownsDir ? dir : undefined);
    } catch (error) {
      if (opts.port !== undefined || attempt >= 2) throw error;
    }
  }

  let current: ChildProcess = child;
  const isRunning = () => current.exitCode === null && current.signalCode === null;

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!isRunning()) return;
    const exited = waitForExit(current);
    current.kill(signal);
    // A frozen process would sit on anything but SIGKILL until thawed.
    if (signal !== 'SIGKILL') current.kill('SIGCONT');
    await exited;
  };
  const stop = () => kill('SIGTERM');

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    stop,
    async restart() {
      await stop();
      current = await spawnRedis(port, dir, flags, ownsDir ? dir : undefined);
    },
    pause() {
      current.kill('SIGSTOP');
    },
    resume() {
      current.kill('SIGCONT');
    },
    async dispose() {
      await stop();
      if (ownsDir) {
        rmSync(dir, { recursive: true, force: true });
        tempDirs.delete(dir);
      }
    },
  };
}
