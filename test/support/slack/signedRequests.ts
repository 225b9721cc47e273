import { createHmac } from 'node:crypto';
import { validateMessagePayload, validateView } from './blockKitValidator.js';
import type { RecordedCall } from './fakeSlackApi.js';
import {
  type BlockActionsInput,
  blockActionsPayload,
  type EventInput,
  eventCallbackPayload,
  type PayloadDefaults,
  type SlashCommandInput,
  slashCommandForm,
  type ViewClosedInput,
  type ViewSubmissionInput,
  viewClosedPayload,
  viewSubmissionPayload,
} from './slackPayloads.js';

/**
 * Sends requests to the running app the way Slack does: signed with the signing secret
 * (`v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>`), to POST <appUrl>/slack/events.
 */

type JsonObject = Record<string, unknown>;

export interface SendOptions {
  /** Slack's retry headers (X-Slack-Retry-Num / X-Slack-Retry-Reason). */
  retryNum?: number;
  retryReason?: string;
  /** Unix seconds to sign and send; stale or future values test the replay window. */
  timestamp?: number;
  /** Change the body after signing: `true` appends a field, a function rewrites it. */
  tamper?: boolean | ((body: string) => string);
  /** Sign with this secret instead of the real one (a bad signature). */
  signingSecret?: string;
  /** Abort the request after this many ms (default 10 s). */
  timeoutMs?: number;
}

export interface SlackResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the app answered JSON, else the text ('' for an empty ack). */
  body: unknown;
  /** Wall-clock time from send to full response. */
  ms: number;
}

export interface SlackRequestClientOptions {
  appUrl: string;
  signingSecret: string;
  /** Clock for the signed timestamp (ms). Default Date.now. */
  now?: () => number;
  /** Must match the fake Slack's identity when the app checks them. */
  apiAppId?: string;
  botUserId?: string;
  path?: string;
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`, as Slack signs requests. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function tampered(body: string, how: SendOptions['tamper']): string {
  if (typeof how === 'function') return how(body);
  if (!how) return body;
  return body.startsWith('{') ? `${body.slice(0, -1)},"tampered":true}` : `${body}&tampered=1`;
}

/** Anything the app answers for Slack to render must be valid Block Kit too. */
function responseViolations(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const reply = body as JsonObject;
  if (
    (reply.response_action === 'update' || reply.response_action === 'push') &&
    reply.view !== undefined
  ) {
    return validateView(reply.view);
  }
  if (reply.blocks !== undefined || reply.text !== undefined) {
    return validateMessagePayload({
      text: reply.text,
      blocks: reply.blocks,
      attachments: reply.attachments,
    });
  }
  return [];
}

/** The view Slack returned for a recorded views.open/update/push/publish call, ready to submit. */
export function openedView(call: RecordedCall | undefined): JsonObject {
  const view = call?.result?.view;
  if (typeof view !== 'object' || view === null) {
    throw new Error(
      `no view in ${call ? `${call.method} result (${JSON.stringify(call.result)})` : 'an undefined call'}`,
    );
  }
  return view as JsonObject;
}

export function createSlackRequestClient(options: SlackRequestClientOptions) {
  const now = options.now ?? Date.now;
  const endpoint = `${options.appUrl.replace(/\/$/, '')}${options.path ?? '/slack/events'}`;
  const defaults: PayloadDefaults = {
    apiAppId: options.apiAppId ?? 'A0FAKEAPP01',
    botUserId: options.botUserId ?? 'U0FAKEBOT01',
    verificationToken: 'legacyVerificationTok3n',
  };

  async function send(
    body: string,
    contentType: string,
    opts: SendOptions = {},
  ): Promise<SlackResponse> {
    const timestamp = opts.timestamp ?? Math.floor(now() / 1000);
    const signature = slackSignature(opts.signingSecret ?? options.signingSecret, timestamp, body);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
    }
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: tampered(body, opts.tamper),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const isJson = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
    const parsed: unknown = isJson ? JSON.parse(text) : text;
    const violations = res.ok ? responseViolations(parsed) : [];
    if (violations.length > 0) {
      throw new Error(
        `the app answered Slack with invalid Block Kit:\n- ${violations.join('\n- ')}`,
      );
    }
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body: parsed,
      ms,
    };
  }

  const asForm = (payload: JsonObject) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const FORM = 'application/x-www-form-urlencoded';
  const JSON_TYPE = 'application/json';

  return {
    endpoint,
    /** Raw access for fuzzing: any body, signed (or not) like the others. */
    send,
    slashCommand(input: SlashCommandInput, opts?: SendOptions) {
      return send(slashCommandForm(input, defaults).toString(), FORM, opts);
    },
    blockActions(input: BlockActionsInput, opts?: SendOptions) {
      return send(asForm(blockActionsPayload(input, defaults, now())), FORM, opts);
    },
    viewSubmission(input: ViewSubmissionInput, opts?: SendOptions) {
      return send(asForm(viewSubmissionPayload(input, defaults)), FORM, opts);
    },
    viewClosed(input: ViewClosedInput, opts?: SendOptions) {
      return send(asForm(viewClosedPayload(input, defaults)), FORM, opts);
    },
    event(input: EventInput, opts?: SendOptions) {
      return send(JSON.stringify(eventCallbackPayload(input, defaults, now())), JSON_TYPE, opts);
    },
    urlVerification(
      challenge = 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      opts?: SendOptions,
    ) {
      const body = { token: defaults.verificationToken, challenge, type: 'url_verification' };
      return send(JSON.stringify(body), JSON_TYPE, opts);
    },
  };
}

export type SlackRequestClient = ReturnType<typeof createSlackRequestClient>;
