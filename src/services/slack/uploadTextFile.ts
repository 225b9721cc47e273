import type { WebClient } from '@slack/web-api';

export interface TextFileUpload {
  filename: string;
  title: string;
  content: string;
  /** Where to share it: a channel (optionally in a thread), or a DM channel. */
  channelId: string;
  threadTs?: string;
  initialComment?: string;
}

/** Slack caps upload URLs' lifetime; a stalled upload must not hold a publish forever. */
const UPLOAD_TIMEOUT_MS = 15_000;

/**
 * Shares a text file through Slack's external upload flow (`files.upload` no longer
 * exists): ask for an upload URL, send the bytes there, then complete the upload into
 * the channel or thread. Returns the file id.
 */
export async function uploadTextFile(client: WebClient, upload: TextFileUpload): Promise<string> {
  const bytes = Buffer.from(upload.content, 'utf8');
  const target = await client.files.getUploadURLExternal({
    filename: upload.filename,
    length: bytes.byteLength,
  });
  if (!target.upload_url || !target.file_id) {
    throw new Error('files.getUploadURLExternal returned no upload URL');
  }
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/plain; charset=utf-8' }), upload.filename);
  const res = await fetch(target.upload_url, {
    method: 'POST',
    body: form,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`file upload failed with HTTP ${res.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: upload.title }],
    channel_id: upload.channelId,
    ...(upload.threadTs ? { thread_ts: upload.threadTs } : {}),
    ...(upload.initialComment ? { initial_comment: upload.initialComment } : {}),
  });
  return target.file_id;
}
