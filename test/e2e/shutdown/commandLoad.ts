import { request } from 'node:http';
import { slackSignature } from '../../support/slack/signedRequests.js';
import { type PayloadDefaults, slashCommandForm } from '../../support/slack/slackPayloads.js';

/**
 * A steady load of signed `/opsplan` slash commands against one replica, the way a load balancer
 * forwards them: every request on its own TCP connection (`Connection: close`, no agent), so a
 * refused connection means "this replica no longer listens" and nothing else, and a request the
 * replica accepted can only end as a full answer or a visible failure (reset, cut-off body).
 * Like a balancer, it polls the replica's /healthz and takes it out of rotation on a non-200 or
 * a refused connection (that request would be retried on another replica).
 */

export type CommandText = 'help' | 'list';

export interface CommandOutcome {
  text: CommandText;
  /** Date.now() when the connection was attempted. */
  sentAt: number;
  /** Date.now() when the answer (or the error) arrived. */
  endedAt: number;
  status?: number;
  /** Parsed JSON, or the raw text when the answer was not JSON. */
  body?: unknown;
  /** Node's error code (ECONNREFUSED, ECONNRESET…) when no complete answer arrived. */
  error?: string;
}

export interface CommandLoadOptions {
  port: number;
  signingSecret: string;
  teamId: string;
  userId: string;
  clients: number;
  responseUrl: () => string;
  /** How often the balancer polls /healthz (default 50 ms). */
  healthPollMs?: number;
}

export interface CommandLoad {
  readonly outcomes: readonly CommandOutcome[];
  /** False once the balancer took the replica out of rotation. */
  readonly inRotation: boolean;
  /** Resolves once `predicate` holds for the outcomes so far. */
  until(
    predicate: (outcomes: readonly CommandOutcome[]) => boolean,
    timeoutMs?: number,
  ): Promise<void>;
  /** Stops sending and waits for every request already sent. */
  stop(): Promise<void>;
}

const DEFAULTS: PayloadDefaults = {
  apiAppId: 'A0FAKEAPP01',
  botUserId: 'U0FAKEBOT01',
  verificationToken: 'legacyVerificationTok3n',
};

export function sendCommand(
  options: Pick<CommandLoadOptions, 'port' | 'signingSecret' | 'teamId' | 'userId' | 'responseUrl'>,
  text: CommandText,
): Promise<CommandOutcome> {
  const body = slashCommandForm(
    { teamId: options.teamId, userId: options.userId, text, responseUrl: options.responseUrl() },
    DEFAULTS,
  ).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        timeout: 15_000,
        headers: {
          connection: 'close',
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(options.signingSecret, timestamp, body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ text, sentAt, endedAt: Date.now(), error: err.code ?? err.message }),
        );
        res.on('end', () => {
          if (!res.complete) {
            resolve({ text, sentAt, endedAt: Date.now(), error: 'INCOMPLETE_BODY' });
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = raw;
          if ((res.headers['content-type'] ?? '').includes('json') && raw !== '') {
            parsed = JSON.parse(raw);
          }
          resolve({ text, sentAt, endedAt: Date.now(), status: res.statusCode, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ text, sentAt, endedAt: Date.now(), error: err.code ?? err.message }),
    );
    req.end(body);
  });
}

/** Status of GET /healthz on its own connection; 0 when the connection failed. */
function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `clients` loops, each sending help and list alternately while the replica is in rotation. */
export function startCommandLoad(options: CommandLoadOptions): CommandLoad {
  const outcomes: CommandOutcome[] = [];
  let running = true;
  let inRotation = true;
  const poll = async () => {
    while (running && inRotation) {
      if ((await healthStatus(options.port)) !== 200) inRotation = false;
      await pause(options.healthPollMs ?? 50);
    }
  };
  const loop = async (client: number) => {
    for (let i = 0; running && inRotation; i++) {
      const text: CommandText = (client + i) % 2 === 0 ? 'help' : 'list';
      const outcome = await sendCommand(options, text);
      outcomes.push(outcome);
      if (outcome.error === 'ECONNREFUSED') inRotation = false;
    }
  };
  const loops = [poll(), ...Array.from({ length: options.clients }, (_, client) => loop(client))];
  return {
    outcomes,
    get inRotation() {
      return inRotation;
    },
    async until(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(outcomes)) {
        if (Date.now() > deadline) {
          throw new Error(`load condition not met after ${outcomes.length} requests`);
        }
        await pause(20);
      }
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
