import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface SpawnedApp {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (signals count as failures). */
  exited: Promise<number>;
  /** Resolves with the port once the app logged that it started. */
  started: Promise<number>;
}

/**
 * Runs the app exactly as `npm start` does (`node --import tsx src/main.ts`) in a child
 * process, with only the given environment (plus PATH), so tests see real exit codes
 * and real signal handling.
 */
export function spawnApp(env: Record<string, string>): SpawnedApp {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let resolveStarted: (port: number) => void = () => undefined;
  let rejectStarted: (err: Error) => void = () => undefined;
  const started = new Promise<number>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  // Callers that only care about the exit must not trip over an unobserved rejection.
  started.catch(() => undefined);

  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      try {
        const record = JSON.parse(line) as { msg?: string; port?: number };
        if (record.msg === 'opsplan started' && typeof record.port === 'number')
          resolveStarted(record.port);
      } catch {
        // Not a log line; kept in stdout for the assertion messages.
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));

  const exited = once(child, 'exit').then(([code]) => {
    rejectStarted(new Error(`app exited (${String(code)}) before starting:\n${stderr.join('')}`));
    return typeof code === 'number' ? code : -1;
  });
  return { child, stdout, stderr, exited, started };
}
