import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../support/slack/fakeSlackApi.js';
import { createSlackRequestClient, openedView } from '../support/slack/signedRequests.js';
import { buildStateValues } from '../support/slack/viewState.js';

const SECRET = 'harness-signing-secret';
const PAYLOADS = new URL('../../../shared/slack/payloads/', import.meta.url);
const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8')) as Record<string, unknown>;

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  path: string;
}

/** A stand-in app: records each request and answers with whatever the test queued. */
let server: Server;
let received: Received[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: '' };
let appUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
        path: req.url ?? '',
      });
      const json = typeof reply.body !== 'string';
      res.writeHead(reply.status, { 'content-type': json ? 'application/json' : 'text/plain' });
      res.end(json ? JSON.stringify(reply.body) : reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  reply = { status: 200, body: '' };
});

const client = () => createSlackRequestClient({ appUrl, signingSecret: SECRET });

function verifiedByBolt(request: Received, nowMs = Date.now()): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body: request.body,
    headers: {
      'x-slack-signature': String(request.headers['x-slack-signature']),
      'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
    },
    nowMilliseconds: nowMs,
  });
}

const last = (): Received => {
  const request = received.at(-1);
  if (!request) throw new Error('no request received');
  return request;
};
const payloadOf = (request: Received) =>
  JSON.parse(new URLSearchParams(request.body).get('payload') ?? '{}') as Record<string, unknown>;

describe('signed Slack requests', () => {
  it('signs so that Bolt accepts them, and Bolt rejects tampered, stale and mis-signed ones', async () => {
    const c = client();
    const command = {
      teamId: 'T0A',
      userId: 'U0A',
      text: 'help',
      responseUrl: 'http://127.0.0.1:1/response/1',
    };
    await c.slashCommand(command);
    expect(last().path).toBe('/slack/events');
    expect(verifiedByBolt(last())).toBe(true);
    await c.slashCommand(command, { tamper: true });
    expect(verifiedByBolt(last())).toBe(false);
    await c.slashCommand(command, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(verifiedByBolt(last())).toBe(false);
    // Bolt 5 only rejects timestamps in the past: a future one passes its check, so the app must
    // refuse it itself. The client does send it, signed, for that test.
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    await c.slashCommand(command, { timestamp: future });
    expect(last().headers['x-slack-request-timestamp']).toBe(String(future));
    expect(verifiedByBolt(last())).toBe(true);
    await c.slashCommand(command, { signingSecret: 'not-the-secret' });
    expect(verifiedByBolt(last())).toBe(false);
    await c.event(
      { teamId: 'T0A', event: { type: 'app_home_opened', user: 'U0A', tab: 'home' } },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(verifiedByBolt(last())).toBe(true);
    expect(last().headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
      'content-type': 'application/json',
    });
  });

  it('sends slash commands with the fields and order of the real capture', async () => {
    await client().slashCommand({
      teamId: 'T0A',
      userId: 'U0A',
      text: 'new plan "Q3"',
      channelId: 'C0X',
      responseUrl: 'http://127.0.0.1:1/response/2',
    });
    const realOrder = [
      ...new URLSearchParams(
        readFileSync(new URL('slash-command.form-urlencoded.txt', PAYLOADS), 'utf8').trim(),
      ).keys(),
    ];
    const sent = new URLSearchParams(last().body);
    expect([...sent.keys()]).toEqual(realOrder);
    expect(Object.fromEntries(sent)).toMatchObject({
      team_id: 'T0A',
      user_id: 'U0A',
      command: '/opsplan',
      text: 'new plan "Q3"',
      channel_id: 'C0X',
      is_enterprise_install: 'false',
    });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    await client().slashCommand({
      teamId: 'T0A',
      userId: 'U0A',
      text: '',
      enterpriseId: 'E0GRID',
      responseUrl: 'http://x/',
    });
    expect(new URLSearchParams(last().body).get('enterprise_id')).toBe('E0GRID');
  });

  it('shapes block_actions, view_submission and view_closed like the real captures', async () => {
    const fake = await startFakeSlackApi();
    try {
      const web = new WebClient(fake.botToken, {
        slackApiUrl: fake.url,
        retryConfig: { retries: 0 },
      });
      const submitted = sample('view-submission.json') as { view: Record<string, unknown> };
      // Open the captured modal through the fake so we submit the view as Slack returned it.
      const {
        id: _id,
        team_id: _t,
        state: _s,
        hash: _h,
        previous_view_id: _p,
        root_view_id: _r,
        app_id: _a,
        app_installed_team_id: _i,
        bot_id: _b,
        ...sent
      } = submitted.view;
      await web.views.open({ trigger_id: '1.2.3', view: sent as never });
      const view = openedView(fake.callsTo('views.open')[0]);
      expect(Object.keys(view)).toEqual(Object.keys(submitted.view));

      const c = client();
      await c.viewSubmission({
        teamId: 'T0A',
        userId: 'U0A',
        view,
        values: { 'it2e/': 'Pay better', working_here: '2' },
      });
      const submission = payloadOf(last());
      expect(Object.keys(submission)).toEqual(Object.keys(submitted));
      expect(submission.view).toMatchObject({
        id: view.id,
        hash: view.hash,
        state: {
          values: {
            'it2e/': { Ni5tz: { type: 'plain_text_input', value: 'Pay better' } },
            DVhIO: { zJn8J: { type: 'plain_text_input', value: null } },
          },
        },
      });

      await c.viewClosed({ teamId: 'T0A', userId: 'U0A', view, isCleared: true });
      expect(Object.keys(payloadOf(last()))).toEqual(Object.keys(sample('view-closed.json')));

      await c.blockActions({
        teamId: 'T0A',
        userId: 'U0A',
        view,
        actions: [{ action_id: 'datepicker-action', selected_date: '2026-01-01' }],
      });
      const inModal = payloadOf(last());
      expect(Object.keys(inModal)).toEqual(Object.keys(sample('block-actions-modal.json')));
      expect(inModal.actions).toEqual([
        expect.objectContaining({
          action_id: 'datepicker-action',
          block_id: 'sLIvA',
          type: 'datepicker',
          selected_date: '2026-01-01',
        }),
      ]);

      const message = sample('block-actions-message.json') as {
        message: { ts: string; blocks: unknown[] };
      };
      await c.blockActions({
        teamId: 'T0A',
        userId: 'U0A',
        message: message.message,
        channelId: 'C0X',
        responseUrl: fake.responseUrl(),
        actions: [{ action_id: 'interactions_deny' }],
      });
      const onMessage = payloadOf(last());
      expect(Object.keys(onMessage)).toEqual(Object.keys(message));
      expect(onMessage.actions).toEqual([
        expect.objectContaining({
          block_id: 'interactions_confirmation',
          type: 'button',
          value: 'UQEUMSA0K',
          style: 'danger',
        }),
      ]);
    } finally {
      await fake.close();
    }
  });

  it('builds state.values exactly as Slack sent them in the captures', () => {
    const submitted = sample('view-submission.json') as {
      view: { blocks: unknown; state: { values: unknown } };
    };
    const inputs = {
      working_here: '2',
      '4j/Gd': ['value-2', 'value-1'],
      'it2e/': 'Pay better',
      DVhIO: 'Nothing',
      sLIvA: '1990-04-28',
    };
    expect(buildStateValues(submitted.view.blocks, inputs)).toEqual(submitted.view.state.values);
    const closed = sample('view-closed.json') as {
      view: { blocks: unknown; state: { values: unknown } };
    };
    expect(buildStateValues(closed.view.blocks, {}, { omitUntouched: true })).toEqual(
      closed.view.state.values,
    );
    expect(() => buildStateValues(submitted.view.blocks, { working_here: '9' })).toThrow(
      /no option with value "9"/,
    );
    expect(() => buildStateValues(submitted.view.blocks, { nope: 'x' })).toThrow(
      /no input element .* "nope"/,
    );
  });

  it('sends Events API callbacks with event_id, event_time and authorizations, and url_verification', async () => {
    const c = client();
    await c.event({
      teamId: 'T0A',
      eventId: 'Ev0001',
      event: { type: 'app_home_opened', user: 'U0A', tab: 'home', channel: 'D0A' },
    });
    const body = JSON.parse(last().body) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'event_callback',
      team_id: 'T0A',
      event_id: 'Ev0001',
      event: { type: 'app_home_opened', tab: 'home' },
      authorizations: [{ team_id: 'T0A', is_bot: true }],
    });
    expect(body.event_time).toBeTypeOf('number');
    reply = { status: 200, body: { challenge: 'abc' } };
    const answer = await c.urlVerification('abc');
    expect(answer).toMatchObject({ status: 200, body: { challenge: 'abc' } });
    expect(answer.ms).toBeGreaterThan(0);
  });

  it('validates views and messages the app answers with, and throws on violations', async () => {
    const c = client();
    const command = { teamId: 'T0A', userId: 'U0A', text: '', responseUrl: 'http://x/' };
    reply = {
      status: 200,
      body: {
        response_type: 'ephemeral',
        text: 'ok',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Help' } }],
      },
    };
    await expect(c.slashCommand(command)).resolves.toMatchObject({
      status: 200,
      body: { text: 'ok' },
    });
    reply = {
      status: 200,
      body: {
        response_action: 'update',
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'x'.repeat(25) },
          blocks: [{ type: 'divider' }],
        },
      },
    };
    await expect(
      c.viewSubmission({ teamId: 'T0A', userId: 'U0A', view: { type: 'modal', blocks: [] } }),
    ).rejects.toThrow(/invalid Block Kit:\n- schema \/title\/text/);
    reply = { status: 200, body: { response_action: 'errors', errors: { goal: 'Required' } } };
    await expect(
      c.viewSubmission({ teamId: 'T0A', userId: 'U0A', view: { type: 'modal', blocks: [] } }),
    ).resolves.toMatchObject({ body: { response_action: 'errors' } });
  });
});
