import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fakeSlackApi.js';

let fake: FakeSlackApi;
let client: WebClient;

const blocks = [
  { type: 'header', text: { type: 'plain_text', text: '运营计划书' } },
  { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*Q3 plan* is ready' } },
];
const modal = {
  type: 'modal' as const,
  callback_id: 'plan_section',
  external_id: 'plan-1-market',
  title: { type: 'plain_text' as const, text: 'Market analysis' },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'goal',
      label: { type: 'plain_text' as const, text: 'Goal' },
      element: { type: 'plain_text_input' as const, action_id: 'value' },
    },
  ],
};

beforeEach(async () => {
  fake = await startFakeSlackApi();
  client = new WebClient('xoxb-test-token', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await fake.close();
});

describe('fake Slack Web API', () => {
  it('answers auth.test with the bot identity and refuses other tokens', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({
      ok: true,
      user_id: fake.identity.botUserId,
      team_id: fake.identity.teamId,
    });
    const stranger = new WebClient('xoxb-wrong', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    });
    await expect(stranger.auth.test()).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_auth' },
    });
  });

  it('records chat.postMessage with decoded blocks and returns increasing ts', async () => {
    const first = await client.chat.postMessage({ channel: 'C0PLANS', text: 'Plan ready', blocks });
    const second = await client.chat.postMessage({ channel: 'C0PLANS', text: 'Again' });
    expect(first).toMatchObject({
      ok: true,
      channel: 'C0PLANS',
      message: { text: 'Plan ready', blocks },
    });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C0PLANS', text: 'Plan ready', blocks });
    expect(call?.args).not.toHaveProperty('token');
    expect(fake.messages('C0PLANS').map((m) => m.text)).toEqual(['Plan ready', 'Again']);
    expect(fake.maxPostsPerSecond('C0PLANS')).toBe(2);
    fake.assertNoViolations();
  });

  it('rejects invalid blocks the way Slack does and records the violation', async () => {
    const tooLong = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    const error = await client.chat
      .postMessage({ channel: 'C1', text: 'x', blocks: tooLong })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ErrorCode.PlatformError,
      data: {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: {
          messages: ['[ERROR] schema /blocks/0/text/text: must NOT have more than 3000 characters'],
        },
      },
    });
    expect(fake.violations).toHaveLength(1);
    expect(() => fake.assertNoViolations()).toThrow(
      /chat\.postMessage: schema \/blocks\/0\/text\/text/,
    );
    expect(fake.messages('C1')).toEqual([]);
  });

  it('validates response_url posts as messages', async () => {
    const url = fake.responseUrl('cmd-1');
    const good = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'Help', blocks }),
    });
    expect(good.status).toBe(200);
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        blocks: [{ type: 'alert', text: { type: 'plain_text', text: 'x' } }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(fake.callsTo('response_url').map((c) => c.path)).toEqual([
      '/response/cmd-1',
      '/response/cmd-1',
    ]);
    expect(fake.violations.map((v) => v.method)).toEqual(['response_url']);
  });

  it('injects 429 with Retry-After, then recovers', async () => {
    fake.fail('chat.postMessage', { status: 429, retryAfter: 7 }, 1);
    const limited = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    await expect(limited.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(limited.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('injects 5xx and ok:false errors per method', async () => {
    fake.fail('users.info', { status: 503 });
    fake.fail('conversations.info', { okFalse: 'channel_not_found' });
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    await expect(client.conversations.info({ channel: 'C1' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    fake.clearFaults();
    await expect(client.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
  });

  it('opens a modal and answers a stale views.update hash with hash_conflict', async () => {
    const opened = await client.views.open({ trigger_id: '1.2.abc', view: modal });
    const view = opened.view;
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'plan_section',
      state: { values: {} },
      external_id: 'plan-1-market',
    });
    expect(view?.id).toMatch(/^V[A-Z0-9]+$/);
    const hash = String(view?.hash);
    const updated = await client.views.update({
      view_id: String(view?.id),
      hash,
      view: { ...modal, title: { type: 'plain_text', text: 'Market (saved)' } },
    });
    expect(updated.view?.hash).not.toBe(hash);
    await expect(
      client.views.update({ view_id: String(view?.id), hash, view: modal }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    const byExternal = await client.views.update({ external_id: 'plan-1-market', view: modal });
    expect(byExternal.view?.id).toBe(view?.id);
  });

  it('rejects an invalid view without storing it', async () => {
    const bad = {
      ...modal,
      title: { type: 'plain_text' as const, text: 'A title that is far too long' },
    };
    await expect(client.views.open({ trigger_id: '1.2.abc', view: bad })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    expect(fake.violations[0]?.errors).toEqual([
      'schema /title/text: must NOT have more than 24 characters',
    ]);
  });

  it('serves users.info with per-user tz and locale (locale only when asked)', async () => {
    fake.setUser('U0ZH', { tz: 'Asia/Shanghai', locale: 'zh-CN' });
    const withLocale = await client.users.info({ user: 'U0ZH', include_locale: true });
    expect(withLocale.user).toMatchObject({
      id: 'U0ZH',
      tz: 'Asia/Shanghai',
      tz_offset: 28_800,
      locale: 'zh-CN',
    });
    const without = await client.users.info({ user: 'U0ZH' });
    expect(without.user).not.toHaveProperty('locale');
  });

  it('models channel membership: private channels need an invite, public ones can be joined', async () => {
    fake.setChannel('G0SECRET', { is_private: true, is_member: false });
    fake.setChannel('C0PUBLIC', { is_member: false });
    await expect(client.chat.postMessage({ channel: 'G0SECRET', text: 'x' })).rejects.toMatchObject(
      { data: { error: 'not_in_channel' } },
    );
    await expect(client.conversations.join({ channel: 'G0SECRET' })).rejects.toMatchObject({
      data: { error: 'method_not_supported_for_channel_type' },
    });
    await client.conversations.join({ channel: 'C0PUBLIC' });
    await expect(client.conversations.info({ channel: 'C0PUBLIC' })).resolves.toMatchObject({
      channel: { is_member: true },
    });
    await expect(client.conversations.open({ users: 'U0ABC' })).resolves.toMatchObject({
      channel: { id: 'D0ABC' },
    });
  });

  it('round-trips a file through the external upload flow', async () => {
    const content = '# 运营计划书\n\n- KPI: DAU\n';
    await client.filesUploadV2({
      channel_id: 'C0PLANS',
      thread_ts: '1716900000.000100',
      filename: 'plan.md',
      title: 'Q3 plan',
      content,
    });
    const [file] = fake.uploadedFiles();
    expect(file).toMatchObject({
      filename: 'plan.md',
      title: 'Q3 plan',
      content,
      channelId: 'C0PLANS',
      threadTs: '1716900000.000100',
    });
    expect(fake.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'plan.md',
      length: String(Buffer.byteLength(content)),
    });
  });

  it('hangs a method until the client gives up, and drops responses after processing', async () => {
    fake.fail('chat.postMessage', { hang: true }, 1);
    const impatient = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      timeout: 200,
    });
    await expect(impatient.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
    expect(fake.messages('C1')).toEqual([]);
    fake.fail('chat.postMessage', { dropResponse: true }, 1);
    await expect(
      client.chat.postMessage({ channel: 'C1', text: 'lost answer' }),
    ).rejects.toMatchObject({ code: ErrorCode.RequestError });
    // The post happened even though the caller never heard back: a blind retry would duplicate it.
    expect(fake.messages('C1').map((m) => m.text)).toEqual(['lost answer']);
  });

  it('waits for a call that has not happened yet, and times out naming what it saw', async () => {
    const waiting = fake.waitForCall('chat.postEphemeral', (call) => call.args.user === 'U2');
    await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'not this one' });
    await client.chat.postEphemeral({ channel: 'C1', user: 'U2', text: 'this one' });
    expect((await waiting).args.text).toBe('this one');
    await expect(fake.waitForCall('views.publish', undefined, 50)).rejects.toThrow(
      /no matching views\.publish call within 50 ms \(got: chat\.postEphemeral, chat\.postEphemeral\)/,
    );
  });

  it('answers unknown methods with unknown_method and records them', async () => {
    await expect(client.apiCall('plans.explode', {})).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.callsTo('plans.explode')).toHaveLength(1);
  });
});
