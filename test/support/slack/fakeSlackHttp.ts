import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request parsing and answering for the fake Slack API: the wire formats @slack/web-api and Bolt use. */

export type Args = Record<string, unknown>;

/** Fields Slack takes as JSON inside a form body (WebClient JSON-encodes every non-scalar value). */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'files',
  'metadata',
  'unfurls',
  'user_auth_blocks',
]);

export interface ParsedRequest {
  args: Args;
  /** Fields that arrived as strings but did not parse as the JSON they should be. */
  malformed: string[];
  token: string | undefined;
  raw: Buffer;
  contentType: string;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeJsonFields(args: Args): string[] {
  const malformed: string[] = [];
  for (const key of JSON_FIELDS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      malformed.push(key);
    }
  }
  return malformed;
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<Args> {
  const form = await new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const args: Args = {};
  for (const [key, value] of form.entries()) {
    args[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return args;
}

export async function parseRequest(req: IncomingMessage, url: URL): Promise<ParsedRequest> {
  const raw = await readBody(req);
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  let args: Args = Object.fromEntries(url.searchParams.entries());
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    if (typeof parsed === 'object' && parsed !== null) args = { ...args, ...(parsed as Args) };
  } else if (contentType.startsWith('multipart/form-data')) {
    args = { ...args, ...(await parseMultipart(raw, contentType)) };
  } else if (raw.length > 0) {
    args = { ...args, ...Object.fromEntries(new URLSearchParams(raw.toString('utf8')).entries()) };
  }
  const malformed = decodeJsonFields(args);
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
  const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
  // The token is a credential: keep it out of the recorded args.
  delete args.token;
  return { args, malformed, token, raw, contentType };
}

/** The bytes of an upload: the first file part of a multipart body, or the raw body. */
export async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith('multipart/form-data')) return raw;
  const parts = await parseMultipart(raw, contentType);
  const file = Object.values(parts).find((value) => Buffer.isBuffer(value));
  return Buffer.isBuffer(file) ? file : raw;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
