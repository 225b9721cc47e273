import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TEST_BOT_TOKEN } from '../test/support/app/testApp.js';
import { startRedisServer } from '../test/support/redis/redisServer.js';
import { startFakeSlackApi } from '../test/support/slack/fakeSlackApi.js';
import { startMinimalBoltProcess, startOpsPlanProcess } from './interactions/appProcesses.js';
import { runInteractionBench, slashCommandRun } from './interactions/interactionBench.js';
import { renderInAppProcess } from './render/renderInAppProcess.js';
import { type BenchResults, resultsMarkdown } from './report/resultsMarkdown.js';
import { claimOnlyRun, fanoutRun } from './scheduler/fanoutBench.js';
import { runStorageBench } from './storage/storageBench.js';
import { connectionPool } from './support/loadGenerator.js';
import { loadAverage, machineFacts } from './support/machine.js';

/**
 * `npm run bench`: every section on this machine with a throw-away Redis and the fake Slack on
 * loopback, then bench/results.md. `--quick` shrinks every section (a smoke run, not for the record).
 */

const quick = process.argv.includes('--quick');
const OUT = fileURLToPath(new URL('./results.md', import.meta.url));
/** The run's raw figures: `--report` rewrites results.md from them (e.g. after editing findings.md). */
const RAW = fileURLToPath(new URL('./results.json', import.meta.url));
const log = (line: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const plan = quick
  ? {
      interactions: { concurrencies: [1, 10, 50], runs: 1, durationMs: 300 },
      fanoutSmall: { plans: 100, runs: 1 },
      fanoutLarge: { plans: 300 },
      oneWorkspace: 10,
      claimOnly: { sizes: [100, 1000], runs: 1 },
      storage: [50, 100],
      render: { runs: 2, runMs: 50 },
    }
  : {
      interactions: { concurrencies: [1, 10, 50], runs: 5, durationMs: 800 },
      fanoutSmall: { plans: 1_000, runs: 3 },
      fanoutLarge: { plans: 10_000 },
      oneWorkspace: 50,
      claimOnly: { sizes: [1_000, 10_000], runs: 3 },
      storage: [200, 600],
      render: { runs: 5, runMs: 300 },
    };

/** Think time of the interactive load that runs during the large fan-out. */
const INTERACTIVE_THINK_MS = 100;

async function main(): Promise<void> {
  if (process.argv.includes('--report')) {
    const raw = JSON.parse(readFileSync(RAW, 'utf8')) as BenchResults & { startedAt: string };
    writeFileSync(OUT, resultsMarkdown({ ...raw, startedAt: new Date(raw.startedAt) }));
    log(`rewrote ${OUT} from ${RAW}`);
    return;
  }
  const boltVersion = (
    createRequire(import.meta.url)('@slack/bolt/package.json') as { version: string }
  ).version;
  const startedAt = new Date();
  const loads: BenchResults['loads'] = [];
  const noteLoad = (section: string) => loads.push({ section, load: loadAverage() });
  const t0 = performance.now();

  noteLoad('start');
  log('render');
  const render = await renderInAppProcess(plan.render.runs, plan.render.runMs);
  noteLoad('render');

  log('storage');
  const storage = await runStorageBench(plan.storage, log);
  noteLoad('storage');

  const redis = await startRedisServer();
  const slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
  const opsplan = await startOpsPlanProcess({ slackApiUrl: slack.url, redisUrl: redis.url });
  const minimal = await startMinimalBoltProcess();
  try {
    const maxClients = Math.max(...plan.interactions.concurrencies);
    const targets = {
      slack,
      urls: { opsplan: opsplan.url, minimal: minimal.url },
      pools: { opsplan: connectionPool(maxClients), minimal: connectionPool(maxClients) },
    };
    log('interactions');
    const interactions = await runInteractionBench(targets, plan.interactions, log);
    noteLoad('interactions');

    log('scheduler: claim script alone');
    const claimOnly: BenchResults['claimOnly'] = [];
    for (const size of plan.claimOnly.sizes) {
      const ms: number[] = [];
      for (let run = 0; run < plan.claimOnly.runs; run++)
        ms.push(await claimOnlyRun(redis.url, size));
      claimOnly.push({ plans: size, ms });
      log(`claim only ${size}: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    }
    log('scheduler: fan-out');
    const fanout: BenchResults['fanout'] = [];
    for (let run = 0; run < plan.fanoutSmall.runs; run++) {
      const s = await fanoutRun({
        redisUrl: redis.url,
        slack,
        plans: plan.fanoutSmall.plans,
        plansPerWorkspace: 1,
      });
      fanout.push(s);
      log(
        `fan-out ${s.plans}: all claimed ${s.allClaimedMs.toFixed(0)} ms, done ${s.allDoneMs.toFixed(0)} ms`,
      );
    }
    const large = await fanoutRun({
      redisUrl: redis.url,
      slack,
      plans: plan.fanoutLarge.plans,
      plansPerWorkspace: 1,
      // Ten users working steadily (a command, then 100 ms to read it) while the reminders go out.
      interactive: (until) =>
        slashCommandRun(targets, 'opsplan', 10, 60 * 60_000, {
          until,
          thinkMs: INTERACTIVE_THINK_MS,
        }),
    });
    fanout.push(large);
    log(
      `fan-out ${large.plans}: all claimed ${large.allClaimedMs.toFixed(0)} ms; interactive p99 ${large.interactive?.p99.toFixed(1)} ms`,
    );
    const crowded = await fanoutRun({
      redisUrl: redis.url,
      slack,
      plans: plan.oneWorkspace,
      plansPerWorkspace: plan.oneWorkspace,
    });
    log(
      `fan-out ${crowded.plans} in one workspace: all claimed ${crowded.allClaimedMs.toFixed(0)} ms`,
    );
    // What-if for the report: the same small fan-out with more jobs at once (engine setting).
    const wider = await fanoutRun({
      redisUrl: redis.url,
      slack,
      plans: plan.fanoutSmall.plans,
      plansPerWorkspace: 1,
      settings: { maxConcurrentJobs: 256 },
    });
    log(
      `what-if maxConcurrentJobs 256, ${wider.plans} plans: all claimed ${wider.allClaimedMs.toFixed(0)} ms`,
    );
    noteLoad('scheduler');

    const results: BenchResults = {
      quick,
      startedAt,
      totalSeconds: (performance.now() - t0) / 1000,
      machine: machineFacts(boltVersion),
      loads,
      plan,
      interactions,
      claimOnly,
      fanout,
      crowded,
      whatIf: [wider],
      storage,
      render,
    };
    writeFileSync(RAW, `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(OUT, resultsMarkdown(results));
    log(`wrote ${OUT} in ${results.totalSeconds.toFixed(0)} s`);
    for (const pool of Object.values(targets.pools)) pool.destroy();
  } finally {
    await opsplan.stop();
    await minimal.stop();
    await slack.close();
    await redis.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
