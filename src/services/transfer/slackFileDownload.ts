import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { withDeadline } from '../../async/withDeadline.js';
import { IMPORT_FILE_MAX_BYTES } from './importSource.js';

export type FileDownload =
  | { ok: true; bytes: Uint8Array; name: string }
  | { ok: false; reason: 'too_large' }
  /** `detail` is for the log: Slack's error code or the network failure, never a token. */
  | { ok: false; reason: 'unreadable'; detail: string };

/** A view submission must be answered within 3 s; files.info and the download share that budget. */
const DOWNLOAD_TIMEOUT_MS = 1_500;
const FILES_INFO_TIMEOUT_MS = 1_000;

const FileInfo = z.object({
  ok: z.literal(true),
  file: z.object({
    name: z.string().optional(),
    size: z.number().optional(),
    url_private_download: z.string().optional(),
    url_private: z.string().optional(),
  }),
});

/**
 * Where the bot token may be sent: Slack's own file hosts over HTTPS, or the host the Web API is
 * configured at (a test double, a proxy). Never anywhere a forged URL points.
 */
export function mayCarryToken(url: URL, apiUrl: string): boolean {
  const api = new URL(apiUrl);
  if (url.origin === api.origin) return true;
  return (
    url.protocol === 'https:' &&
    (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com'))
  );
}

/**
 * Reads a file a user attached in a modal: `files.info` for its private download URL (needs the
 * `files:read` scope), then a GET with the bot token. Stops reading past the size limit, so a huge
 * file costs no more memory than the limit.
 */
export async function downloadSlackFile(
  client: WebClient,
  fileId: string,
  options: { fetch?: typeof fetch; token?: string } = {},
): Promise<FileDownload> {
  try {
    return await download(client, fileId, options.token ?? client.token, options.fetch ?? fetch);
  } catch (err) {
    // Slack refusing (file_not_found, missing_scope), a timeout or a reset: the user can retry.
    return {
      ok: false,
      reason: 'unreadable',
      detail: err instanceof Error ? err.message : String(err),
    };
  }
}

async function download(
  client: WebClient,
  fileId: string,
  token: string | undefined,
  doFetch: typeof fetch,
): Promise<FileDownload> {
  // The client retries a silent files.info for up to ~8 s; the submission must be answered in 3.
  const info = FileInfo.safeParse(
    await withDeadline(client.files.info({ file: fileId }), FILES_INFO_TIMEOUT_MS, 'files.info'),
  );
  if (!info.success) return unreadable('files.info answered without a file');
  const { file } = info.data;
  if (file.size !== undefined && file.size > IMPORT_FILE_MAX_BYTES) {
    return { ok: false, reason: 'too_large' };
  }
  const href = file.url_private_download ?? file.url_private;
  if (!href || !token) return unreadable('no download URL or no token');
  const url = URL.canParse(href) ? new URL(href) : undefined;
  if (!url || !mayCarryToken(url, client.slackApiUrl)) {
    return unreadable('download URL outside Slack');
  }
  const res = await doFetch(url, {
    headers: { authorization: `Bearer ${token}` },
    // Slack answers a bad token on a file URL with a redirect to a login page: that is a failure.
    redirect: 'manual',
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  if (!res.ok || !res.body) return unreadable(`download answered HTTP ${res.status}`);
  const bytes = await readCapped(res.body, IMPORT_FILE_MAX_BYTES);
  if (!bytes) return { ok: false, reason: 'too_large' };
  return { ok: true, bytes, name: file.name ?? fileId };
}

function unreadable(detail: string): FileDownload {
  return { ok: false, reason: 'unreadable', detail };
}

/** The whole body, or undefined as soon as it grows past `max` bytes (the rest is not read). */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
