import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateView } from './blockKitValidator.js';
import { chatHandlers, type MethodHandler, slackError } from './fakeSlackChat.js';
import { blockKitErrors, maxInAnyWindow, rejection } from './fakeSlackChecks.js';
import {
  DOWNLOAD_PATH,
  fileHandlers,
  receiveUpload,
  serveDownload,
  storeUserFile,
  UPLOAD_PATH,
} from './fakeSlackFiles.js';
import { type Args, parseRequest, sendJson, sendText, uploadedBytes } from './fakeSlackHttp.js';
import {
  createWorkspace,
  type FakeChannel,
  type FakeIdentity,
  type FakeUser,
  type FakeWorkspace,
  type StoredMessage,
  type StoredView,
  type UploadedFile,
} from './fakeSlackState.js';
import { replaceViewFromResponse, viewHandlers } from './fakeSlackViews.js';

/**
 * A fake Slack Web API on loopback. The app reaches it through SLACK_API_URL; it answers like
 * Slack, records every call, injects faults per method and validates every Block Kit payload.
 */

export interface FakeSlackApiOptions extends Partial<FakeIdentity> {
  /** The only token accepted; anything else gets invalid_auth. Default `xoxb-test-token`. */
  botToken?: string;
}

export interface RecordedCall {
  /** Web API method, or `response_url` / `file_upload` / `file_download` for requests to those URLs. */
  method: string;
  /** Parsed arguments, with blocks/view/attachments/files JSON-decoded; the token is left out. */
  args: Args;
  /** Date.now() when the request arrived. */
  at: number;
  path: string;
  /** The JSON body answered (undefined while hanging or for HTTP-level faults). */
  result?: Args;
}

export type FakeFault =
  | { status: 429; retryAfter?: number }
  | { status: number }
  | { okFalse: string }
  | { hang: true }
  | { dropResponse: true };

export interface Violation {
  method: string;
  errors: string[];
  args: Args;
}

const RESPONSE_PATH = '/response/';
const API_PATH = '/api/';
const HANDLERS: Record<string, MethodHandler> = {
  ...chatHandlers,
  ...viewHandlers,
  ...fileHandlers,
};

export async function startFakeSlackApi(opts: FakeSlackApiOptions = {}) {
  const botToken = opts.botToken ?? 'xoxb-test-token';
  const identity: FakeIdentity = {
    teamId: opts.teamId ?? 'T0FAKETEAM1',
    teamName: opts.teamName ?? 'OpsPlan Test',
    teamDomain: opts.teamDomain ?? 'opsplan-test',
    botUserId: opts.botUserId ?? 'U0FAKEBOT01',
    botId: opts.botId ?? 'B0FAKEBOT01',
    appId: opts.appId ?? 'A0FAKEAPP01',
  };
  const events = new EventEmitter();
  const calls: RecordedCall[] = [];
  const violations: Violation[] = [];
  const faults = new Map<string, { fault: FakeFault; remaining: number }>();
  let ws: FakeWorkspace = createWorkspace(identity, 'http://127.0.0.1/');

  function takeFault(method: string): FakeFault | undefined {
    const entry = faults.get(method);
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) faults.delete(method);
    return entry.fault;
  }

  /** The answer Slack would give, before any HTTP-level fault. */
  async function answer(
    call: RecordedCall,
    req: IncomingMessage,
    raw: Buffer,
    token: string | undefined,
    malformed: string[],
  ): Promise<{ status: number; body?: Args; text?: string; bytes?: Buffer }> {
    const { method, args } = call;
    if (method === 'file_download') return serveDownload(ws, call.path, token === botToken);
    if (method === 'file_upload') {
      const upload = receiveUpload(
        ws,
        call.path.slice(UPLOAD_PATH.length),
        await uploadedBytes(raw, req.headers['content-type'] ?? ''),
      );
      return { status: upload.status, text: upload.text };
    }
    if (method !== 'response_url') {
      if (!token) return { status: 200, body: slackError('not_authed') };
      if (token !== botToken) return { status: 200, body: slackError('invalid_auth') };
    }
    if (malformed.length > 0) {
      const error = malformed.includes('blocks') ? 'invalid_blocks_format' : 'invalid_arguments';
      return {
        status: 200,
        body: slackError(error, {
          response_metadata: { messages: malformed.map((f) => `[ERROR] ${f} is not valid JSON`) },
        }),
      };
    }
    const errors = blockKitErrors(method, args);
    if (errors.length > 0) {
      violations.push({ method, errors, args });
      return {
        status: method === 'response_url' ? 400 : 200,
        body: rejection(method, errors),
      };
    }
    if (method === 'response_url') return { status: 200, body: { ok: true } };
    const handler = HANDLERS[method];
    return { status: 200, body: handler ? handler(args, ws) : slackError('unknown_method') };
  }

  function route(path: string): string | undefined {
    if (path.startsWith(API_PATH)) return path.slice(API_PATH.length) || undefined;
    if (path.startsWith(UPLOAD_PATH)) return 'file_upload';
    if (path.startsWith(RESPONSE_PATH)) return 'response_url';
    if (path.startsWith(DOWNLOAD_PATH)) return 'file_download';
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ws.baseUrl);
    const method = route(url.pathname);
    if (!method) return sendText(res, 404, 'not found');
    let parsed: Awaited<ReturnType<typeof parseRequest>>;
    try {
      parsed = await parseRequest(req, url);
    } catch {
      return sendJson(res, 200, slackError('invalid_form_data'));
    }
    const call: RecordedCall = { method, args: parsed.args, at: Date.now(), path: url.pathname };
    calls.push(call);
    const fault = takeFault(method);
    if (fault && 'hang' in fault) {
      events.emit('call', call);
      return; // never answered; close() destroys the socket
    }
    if (fault && 'okFalse' in fault) {
      call.result = slackError(fault.okFalse);
      events.emit('call', call);
      return sendJson(res, 200, call.result);
    }
    if (fault && 'status' in fault) {
      events.emit('call', call);
      if (fault.status === 429) {
        const retryAfter = String('retryAfter' in fault ? (fault.retryAfter ?? 1) : 1);
        return sendJson(res, 429, slackError('ratelimited'), { 'retry-after': retryAfter });
      }
      return sendText(res, fault.status, `fake Slack: injected HTTP ${fault.status}`);
    }
    const outcome = await answer(call, req, parsed.raw, parsed.token, parsed.malformed);
    call.result = outcome.body;
    events.emit('call', call);
    if (fault && 'dropResponse' in fault) {
      res.socket?.destroy(); // processed, but the caller never learns the outcome
      return;
    }
    if (outcome.body) return sendJson(res, outcome.status, outcome.body);
    if (outcome.bytes) {
      res.writeHead(outcome.status, {
        'content-type': 'application/octet-stream',
        'content-length': outcome.bytes.length,
      });
      res.end(outcome.bytes);
      return;
    }
    return sendText(res, outcome.status, outcome.text ?? '');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake must fail the test, not pass as a Slack outage the app shrugs off.
      violations.push({
        method: 'fake Slack itself',
        errors: [String(error)],
        args: { url: req.url },
      });
      if (!res.headersSent) sendText(res, 500, `fake Slack crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/`;
  ws = createWorkspace(identity, baseUrl);
  let responseUrlCounter = 0;

  return {
    /** Base for SLACK_API_URL (WebClient calls `${url}${method}`). */
    url: `${baseUrl}api/`,
    identity,
    botToken,
    calls,
    violations,
    /** A response_url on the fake; posts to it are recorded as `response_url` and validated. */
    responseUrl(id?: string): string {
      responseUrlCounter += 1;
      return `${baseUrl}response/${encodeURIComponent(id ?? `R${responseUrlCounter}`)}`;
    },
    callsTo(method: string): RecordedCall[] {
      return calls.filter((call) => call.method === method);
    },
    /**
     * Resolves with the first call (already recorded or yet to come) to `method` matching
     * `predicate`; rejects after `timeoutMs` listing what did arrive.
     */
    waitForCall(
      method: string,
      predicate: (call: RecordedCall) => boolean = () => true,
      timeoutMs = 5_000,
    ): Promise<RecordedCall> {
      const seen = calls.find((call) => call.method === method && predicate(call));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const onCall = (call: RecordedCall) => {
          if (call.method !== method || !predicate(call)) return;
          clearTimeout(timer);
          events.off('call', onCall);
          resolve(call);
        };
        const timer = setTimeout(() => {
          events.off('call', onCall);
          const got = calls.map((call) => call.method).join(', ') || 'nothing';
          reject(
            new Error(
              `fake Slack: no matching ${method} call within ${timeoutMs} ms (got: ${got})`,
            ),
          );
        }, timeoutMs);
        events.on('call', onCall);
      });
    },
    /** Injects `fault` into the next `times` calls of `method` (default: every call until clearFaults). */
    fail(method: string, fault: FakeFault, times = Number.POSITIVE_INFINITY): void {
      faults.set(method, { fault, remaining: times });
    },
    clearFaults(): void {
      faults.clear();
    },
    /** Forgets recorded calls, violations, faults and post timings; workspace state stays. */
    reset(): void {
      calls.length = 0;
      violations.length = 0;
      faults.clear();
      ws.postTimes.clear();
    },
    setUser(id: string, user: Partial<Omit<FakeUser, 'id'>>): void {
      ws.users.set(id, { ...ws.users.get(id), ...user });
    },
    setChannel(id: string, channel: Partial<Omit<FakeChannel, 'id'>>): void {
      ws.channels.set(id, { ...ws.channels.get(id), ...channel });
    },
    /** Messages currently in a channel (posted and not deleted), oldest first. */
    messages(channel?: string): StoredMessage[] {
      return [...ws.messages.values()].filter(
        (m) => channel === undefined || m.channel === channel,
      );
    },
    view(id: string): StoredView | undefined {
      return ws.views.get(id);
    },
    /**
     * Applies an app's `response_action: 'update'` answer to the open view, as Slack does
     * (validated like every view), and returns the new view with its new hash.
     */
    applyViewUpdate(viewId: string, view: Args): Args {
      const errors = validateView(view);
      if (errors.length > 0) {
        violations.push({ method: 'response_action:update', errors, args: { view } });
        throw new Error(`the app answered with an invalid view:\n- ${errors.join('\n- ')}`);
      }
      return replaceViewFromResponse(ws, viewId, view);
    },
    homeView(userId: string): StoredView | undefined {
      const id = ws.homeViews.get(userId);
      return id ? ws.views.get(id) : undefined;
    },
    /**
     * A file a user attached in a modal's file_input: returns the file object to put in the state
     * (`{ type: 'file_input', files: [it] }`); `files.info` and its download URL then serve it.
     */
    addUserFile(file: { filename: string; content: string | Buffer; userId?: string }) {
      return storeUserFile(ws, file);
    },
    /** Files whose upload was completed (shared), with their bytes and UTF-8 content. */
    uploadedFiles(): UploadedFile[] {
      return [...ws.files.values()].filter((file) => file.completed);
    },
    /** The most chat.postMessage calls to `channel` that landed within any one-second window. */
    maxPostsPerSecond(channel: string): number {
      return maxInAnyWindow(ws.postTimes.get(channel) ?? [], 1_000);
    },
    /** Throws, listing every payload Slack would have rejected; the e2e fixture calls it after each test. */
    assertNoViolations(): void {
      if (violations.length === 0) return;
      const lines = violations.map((v) => `- ${v.method}: ${v.errors.join('; ')}`);
      throw new Error(
        `fake Slack rejected ${violations.length} Block Kit payload(s):\n${lines.join('\n')}`,
      );
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;
