import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { validateMessagePayload, validateView } from '../slack/blockKitValidator.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fakeSlackApi.js';
import { createSlackRequestClient } from '../slack/signedRequests.js';
import { assertNoSecretsLogged } from './secretsInLogs.js';
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from './testApp.js';

export interface E2eContext {
  slack: FakeSlackApi;
  app: TestApp;
  client: ReturnType<typeof createSlackRequestClient>;
}

/**
 * Per test file: a fake Slack, the real app pointed at it and at the given Redis (the
 * suite's shared server by default), and a client that signs requests like Slack. After
 * every test, any payload Slack would have rejected fails that test.
 */
/**
 * The fake Slack validates with a JSON Schema compiled per surface on first use, in this very
 * process. Compiled in the middle of a request, it would stall the app's event loop for over a
 * second and time out a Redis command — a harness artefact Slack never causes — so compile it
 * before the app starts.
 */
function warmBlockKitValidator(): void {
  const section = { type: 'section', text: { type: 'mrkdwn', text: 'warm-up' } };
  validateMessagePayload({ text: 'warm-up', blocks: [section] });
  validateView({ type: 'modal', title: { type: 'plain_text', text: 'w' }, blocks: [section] });
  validateView({ type: 'home', blocks: [section] });
}

export function useE2e(
  options: { redisUrl?: () => string; env?: Record<string, string> } = {},
): E2eContext {
  const ctx = {} as E2eContext;
  beforeAll(async () => {
    warmBlockKitValidator();
    ctx.slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
    ctx.app = await startTestApp({
      slackApiUrl: ctx.slack.url,
      redisUrl: options.redisUrl?.() ?? inject('redisUrl'),
      ...(options.env ? { env: options.env } : {}),
    });
    ctx.client = createSlackRequestClient({
      appUrl: ctx.app.url,
      signingSecret: TEST_SIGNING_SECRET,
    });
  });
  afterEach(() => {
    ctx.slack.assertNoViolations();
  });
  afterAll(async () => {
    await ctx.app?.stop();
    await ctx.slack?.close();
    // Every e2e app logs at debug level; whatever the file exercised, no secret may show.
    assertNoSecretsLogged(ctx.app?.logs ?? []);
  });
  return ctx;
}
