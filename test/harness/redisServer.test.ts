import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, watch } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type RedisServerHandle, startRedisServer } from '../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../support/redis/testRedis.js';

const handles: RedisServerHandle[] = [];
const clients: Redis[] = [];

async function start(opts?: Parameters<typeof startRedisServer>[0]): Promise<RedisServerHandle> {
  const server = await startRedisServer(opts);
  handles.push(server);
  return server;
}

function client(url: string): Redis {
  // No retries or offline queue: a dead server must show up as an error, not a hang.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  // Connection errors after a crash surface as rejected commands; the event itself is noise.
  redis.on('error', () => {});
  clients.push(redis);
  return redis;
}

/** Resolves once `path` is gone, woken by changes in its parent directory. */
function removal(path: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), () => {
      if (existsSync(path)) return;
      watcher.close();
      resolve();
    });
    if (!existsSync(path)) {
      watcher.close();
      resolve();
    }
  });
}

afterEach(async () => {
  for (const redis of clients.splice(0)) redis.disconnect();
  await Promise.all(handles.splice(0).map((server) => server.dispose()));
});

describe('startRedisServer', () => {
  it('starts a loopback redis-server on a free port that answers PING', async () => {
    const server = await start();
    expect(server.port).not.toBe(6379);
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    const redis = client(server.url);
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    expect(await redis.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
  });

  it('keeps acknowledged writes across kill -9 and restart when AOF is on', async () => {
    const server = await start({ appendonly: true });
    const before = client(server.url);
    await before.connect();
    await before.set('draft:1', 'market analysis');
    await before.hset('plan:1', { title: '运营计划书', owner: 'U1' });

    await server.kill();
    await expect(before.get('draft:1')).rejects.toThrow();
    await server.restart();

    const after = client(server.url);
    await after.connect();
    expect(await after.get('draft:1')).toBe('market analysis');
    expect(await after.hgetall('plan:1')).toEqual({ title: '运营计划书', owner: 'U1' });
  });

  it('loses data across a crash when AOF is off, so the AOF test above proves something', async () => {
    const server = await start();
    const before = client(server.url);
    await before.connect();
    await before.set('draft:1', 'gone');
    await server.kill();
    await server.restart();
    const after = client(server.url);
    await after.connect();
    expect(await after.get('draft:1')).toBeNull();
  });

  it('pause makes commands hang until resume', async () => {
    const server = await start();
    const redis = client(server.url);
    const probe = client(server.url);
    await Promise.all([redis.connect(), probe.connect()]);
    server.pause();
    let settled = false;
    const pending = redis.set('k', 'v').finally(() => {
      settled = true;
    });
    // The probe gives up after 300 ms; the write above must still be waiting by then.
    probe.options.commandTimeout = 300;
    await expect(probe.ping()).rejects.toThrow(/timed out/);
    expect(settled).toBe(false);
    server.resume();
    expect(await pending).toBe('OK');
    expect(await redis.get('k')).toBe('v');
  });

  it('removes its temp dir on dispose', async () => {
    const server = await startRedisServer();
    expect(existsSync(server.dir)).toBe(true);
    await server.dispose();
    expect(existsSync(server.dir)).toBe(false);
  });

  it('takes its redis-server and temp dir down when the test process is SIGKILLed', async () => {
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `
        const { startRedisServer } = await import(${JSON.stringify(new URL('../support/redis/redisServer.ts', import.meta.url).href)});
        const server = await startRedisServer();
        console.log(JSON.stringify({ port: server.port, dir: server.dir }));
        setInterval(() => {}, 60_000);
      `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [firstLine] = (await once(owner.stdout, 'data')) as [Buffer];
    const { port, dir } = JSON.parse(firstLine.toString()) as { port: number; dir: string };
    expect(port).toBeGreaterThan(0);
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => {}); // a reset is as good as a close here
    await once(socket, 'connect');
    expect(existsSync(dir)).toBe(true);
    const closed = once(socket, 'close');
    const removed = removal(dir);
    owner.kill('SIGKILL');
    // The connection closes only because the orphaned redis-server was killed.
    await closed;
    await removed; // …its temp dir is cleaned up…
    // …and its port is free again.
    expect((await start({ port })).port).toBe(port);
  });

  it('refuses port 6379', async () => {
    await expect(startRedisServer({ port: 6379 })).rejects.toThrow(/6379/);
  });

  it('names the missing binary and how to install it', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startRedisServer()).rejects.toThrow(
        /redis-server.*apt-get install redis-server/s,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('shared test Redis', () => {
  it('is provided by the global set-up and isolates tests by workspace id', async () => {
    const url = inject('redisUrl');
    expect(url).toMatch(/^rediss?:\/\//);
    const redis = connectTestRedis();
    clients.push(redis);
    const [a, b] = [uniqueWorkspace(), uniqueWorkspace()];
    expect(a).toMatch(/^T[A-Z0-9]{10}$/);
    expect(a).not.toBe(b);
    await redis.set(`test:${a}`, 'mine');
    expect(await redis.get(`test:${b}`)).toBeNull();
    await redis.del(`test:${a}`);
  });
});
