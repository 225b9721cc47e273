import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { spawnApp } from '../../test/support/app/spawnApp.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../../test/support/app/testApp.js';

/**
 * The two servers under load, each in its own process so neither shares an event loop with the
 * load generator or the fake Slack: OpsPlan exactly as `npm start` runs it, and the minimal Bolt app.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startOpsPlanProcess(options: {
  slackApiUrl: string;
  redisUrl: string;
  /** E.g. NODE_OPTIONS='--cpu-prof --cpu-prof-dir=…' to profile the app under load. */
  extraEnv?: Record<string, string>;
}): Promise<ServerProcess> {
  const spawned = spawnApp({
    ...options.extraEnv,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    REDIS_URL: options.redisUrl,
    PORT: '0',
    // Production's level: per-request logs are part of the cost being measured.
    LOG_LEVEL: 'info',
    // This replica must not claim the scheduler bench's plans: its clock fires once a year.
    SCHEDULER_TICK: '0 0 1 1 *',
  });
  const port = await spawned.started;
  // Keep the pipe drained without keeping every line: a long run logs a lot.
  spawned.child.stdout?.removeAllListeners('data');
  spawned.child.stdout?.resume();
  const pid = spawned.child.pid ?? -1;
  return { url: `http://127.0.0.1:${port}`, pid, stop: () => stopChild(spawned.child) };
}

export async function startMinimalBoltProcess(): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/interactions/minimalBoltApp.ts'],
    {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk;
      const match = /\{"port":(\d+)\}/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`minimal Bolt app exited early (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop: () => stopChild(child) };
}
