import { TEST_BOT_TOKEN } from '../../test/support/app/testApp.js';
import { startRedisServer } from '../../test/support/redis/redisServer.js';
import { startFakeSlackApi } from '../../test/support/slack/fakeSlackApi.js';
import { fanoutRun } from './fanoutBench.js';

/**
 * The scheduler fan-out alone, for working on the engine without the whole `npm run bench`:
 * `node --import tsx bench/scheduler/fanoutCli.ts 1000x1 10000x1 50x50 1000x100` runs each
 * `<plans>x<plans per workspace>` once on a throw-away Redis and prints one JSON line per run.
 */

const cases = process.argv.slice(2).map((arg) => {
  const match = /^(\d+)x(\d+)$/.exec(arg);
  if (!match) throw new Error(`expected <plans>x<plans per workspace>, got ${arg}`);
  return { plans: Number(match[1]), plansPerWorkspace: Number(match[2]) };
});

const redis = await startRedisServer();
const slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
try {
  for (const c of cases) {
    const s = await fanoutRun({ redisUrl: redis.url, slack, ...c });
    const { topCommands: _top, ...figures } = s;
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  }
} finally {
  await slack.close();
  await redis.dispose();
}
