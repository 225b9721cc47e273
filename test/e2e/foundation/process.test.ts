import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnApp } from '../../support/app/spawnApp.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../../support/app/testApp.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import { createSlackRequestClient } from '../../support/slack/signedRequests.js';

describe('the npm start entry point', () => {
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('exits non-zero with one message naming every missing variable and the README', async () => {
    const app = spawnApp({ PORT: 'not-a-port' });
    expect(await app.exited).toBe(1);
    const stderr = app.stderr.join('');
    expect(stderr).toContain('SLACK_BOT_TOKEN is required');
    expect(stderr).toContain('SLACK_SIGNING_SECRET is required');
    expect(stderr).toContain('PORT must be a number');
    expect(stderr).toContain('README.md');
    expect(stderr.match(/OpsPlan cannot start/g)).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /); // one clear message, no stack trace
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const app = spawnApp({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      REDIS_URL: inject('redisUrl'),
      PORT: '0',
      SHUTDOWN_DRAIN_MS: '300',
    });
    const port = await app.started;
    const client = createSlackRequestClient({
      appUrl: `http://127.0.0.1:${port}`,
      signingSecret: TEST_SIGNING_SECRET,
    });
    // users.info hangs, so the help request is still being handled when the signal arrives.
    slack.fail('users.info', { hang: true });
    const inFlight = client.slashCommand({
      teamId: uniqueWorkspace(),
      userId: 'U0INFLIGHT1',
      text: 'help',
      responseUrl: slack.responseUrl(),
    });
    await slack.waitForCall('users.info');
    app.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((res.body as { text: string }).text).toContain('OpsPlan');
    expect(await app.exited).toBe(0);
    slack.clearFaults();
    const log = app.stdout.join('\n');
    expect(log).toContain('"msg":"opsplan stopped"');
    expect(log).not.toContain(TEST_BOT_TOKEN);
    expect(log).not.toContain(TEST_SIGNING_SECRET);
  });

  it("keeps idle connections open 65 s by default (longer than a balancer's 60 s), or as configured", async () => {
    const env = {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      REDIS_URL: inject('redisUrl'),
      PORT: '0',
      SHUTDOWN_DRAIN_MS: '0',
    };
    for (const [extra, announced] of [
      [{}, 'timeout=65'],
      [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '7000' }, 'timeout=7'],
    ] as const) {
      const app = spawnApp({ ...env, ...extra });
      const port = await app.started;
      // Node announces its idle timeout to the client in the Keep-Alive header.
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('keep-alive')).toBe(announced);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    }
  });
});
