import { Agent, request } from 'node:http';

/**
 * A closed-loop HTTP load generator: `concurrency` clients, each sending its next request as soon
 * as the previous one is answered, over keep-alive sockets (so connection setup is not measured).
 */

/**
 * Keep-alive sockets to one server, kept across runs like a load balancer's upstream pool. A fresh
 * pool per run made every run start with a burst of new connections, which OpsPlan (not the
 * minimal app) answered late for about half of them: see bench/report/findings.md.
 */
export function connectionPool(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** Ends the run early (before `durationMs`) once this returns true. */
  until?: () => boolean;
  /** A pause after each answer: a steady, realistic load instead of as much as the app takes. */
  thinkMs?: number;
  /** Builds client `client`'s next request (bodies are signed per request, like Slack does). */
  next(client: number): PreparedRequest;
  /** Sees each answer; throwing counts the request as an error. */
  onAnswer?(client: number, status: number, body: string): void;
  /** Reuse these connections (not closed at the end); else a pool of its own for this run. */
  pool?: Agent;
}

export interface LoadResult {
  /** Milliseconds from send to full response, one per successful request. */
  latencies: number[];
  errors: number;
  /** Error messages, the first few, for the report. */
  errorSamples: string[];
  elapsedMs: number;
  requestsPerSecond: number;
}

function send(agent: Agent, url: URL, prepared: PreparedRequest) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...prepared.headers, 'content-length': Buffer.byteLength(prepared.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10 s')));
    req.on('error', reject);
    req.end(prepared.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = options.pool ?? connectionPool(options.concurrency);
  const url = new URL(options.url);
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const client = async (id: number) => {
    while (performance.now() < deadline && !options.until?.()) {
      const prepared = options.next(id);
      const t0 = performance.now();
      try {
        const answer = await send(agent, url, prepared);
        const ms = performance.now() - t0;
        if (answer.status !== 200)
          throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
        options.onAnswer?.(id, answer.status, answer.body);
        latencies.push(ms);
        if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => client(i)));
  const elapsedMs = performance.now() - started;
  if (!options.pool) agent.destroy();
  return {
    latencies,
    errors,
    errorSamples,
    elapsedMs,
    requestsPerSecond: (latencies.length / elapsedMs) * 1000,
  };
}
