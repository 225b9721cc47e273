import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy between one app replica and Redis that can freeze that replica's connection at an
 * exact command, so a kill lands at a known point of a request: `before` a command (Redis never
 * receives it) or `after` it (Redis executed it and answered, the replica never hears the answer).
 * The command is found by a string its arguments carry, such as a save's request id.
 */

export type HoldPoint = 'before' | 'after';

export interface RedisHoldProxy {
  /** REDIS_URL for the replica. */
  url: string;
  /**
   * Arms the hold for the next command carrying `needle`; resolves once that connection is frozen
   * at `point` (for `after`: Redis has answered the command and the answer is being withheld).
   */
  hold(needle: string, point: HoldPoint): Promise<void>;
  close(): Promise<void>;
}

interface Armed {
  needle: string;
  point: HoldPoint;
  frozen: () => void;
}

export async function startRedisHoldProxy(redisPort: number): Promise<RedisHoldProxy> {
  let armed: Armed | undefined;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(redisPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let frozen = false;
    /** The `after` hold whose command went out on this connection: its answer is the next reply. */
    let awaitingReply: Armed | undefined;
    /** The end of the previous chunk, so a needle split across two chunks is still found. */
    let tail = '';

    client.on('data', (chunk: Buffer) => {
      if (frozen) return;
      const text = chunk.toString('latin1');
      const hit = armed && `${tail}${text}`.includes(armed.needle) ? armed : undefined;
      tail = text.slice(-256);
      if (hit) {
        armed = undefined;
        if (hit.point === 'before') {
          frozen = true;
          hit.frozen();
          return;
        }
        awaitingReply = hit;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (frozen) return;
      const hit = awaitingReply;
      // A script not yet cached is sent again in full: the command has not run yet.
      if (hit && !chunk.toString('latin1').startsWith('-NOSCRIPT')) {
        awaitingReply = undefined;
        frozen = true;
        hit.frozen();
        return;
      }
      if (hit) {
        awaitingReply = undefined;
        armed = hit;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    // The replica is killed on purpose: its resets are the point, not failures.
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `redis://127.0.0.1:${port}`,
    hold(needle, point) {
      return new Promise<void>((resolve) => {
        armed = { needle, point, frozen: resolve };
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
