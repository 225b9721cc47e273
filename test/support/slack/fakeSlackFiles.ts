import { type MethodHandler, slackError, slackOk } from './fakeSlackChat.js';
import { channelOf, type FakeWorkspace } from './fakeSlackState.js';

/**
 * The external upload flow: files.getUploadURLExternal hands out an upload URL on the fake,
 * the client POSTs the bytes there, files.completeUploadExternal shares the file.
 */

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const UPLOAD_PATH = '/upload/v1/';

const getUploadUrlExternal: MethodHandler = (args, ws) => {
  const filename = str(args.filename);
  const length = Number(args.length);
  if (!filename)
    return slackError('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] missing required field: filename'] },
    });
  if (!Number.isInteger(length) || length < 1)
    return slackError('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] missing required field: length'] },
    });
  const id = ws.nextId('F');
  ws.files.set(id, {
    id,
    filename,
    title: filename,
    length,
    bytes: undefined,
    content: undefined,
    completed: false,
    channelId: undefined,
    threadTs: undefined,
    initialComment: undefined,
  });
  return slackOk({
    upload_url: `${ws.baseUrl.replace(/\/$/, '')}${UPLOAD_PATH}${id}`,
    file_id: id,
  });
};

/** Stores the bytes POSTed to an upload URL; returns the plain-text answer Slack's upload host gives. */
export function receiveUpload(
  ws: FakeWorkspace,
  fileId: string,
  bytes: Buffer,
): { status: number; text: string } {
  const file = ws.files.get(fileId);
  if (!file) return { status: 404, text: 'file not found' };
  file.bytes = bytes;
  file.content = bytes.toString('utf8');
  return { status: 200, text: `OK - ${bytes.length}` };
}

const completeUploadExternal: MethodHandler = (args, ws) => {
  if (!Array.isArray(args.files) || args.files.length === 0) return slackError('invalid_arguments');
  const channelId = str(args.channel_id) ?? str(args.channels);
  if (channelId && !channelOf(ws, channelId).exists) return slackError('channel_not_found');
  const shared = [];
  for (const entry of args.files as Array<{ id?: unknown; title?: unknown }>) {
    const file = typeof entry?.id === 'string' ? ws.files.get(entry.id) : undefined;
    if (!file?.bytes) return slackError('file_not_found');
    file.completed = true;
    file.title = str(entry.title) ?? file.filename;
    file.channelId = channelId;
    file.threadTs = str(args.thread_ts);
    file.initialComment = str(args.initial_comment);
    shared.push({
      id: file.id,
      created: 1_716_900_000,
      timestamp: 1_716_900_000,
      name: file.filename,
      title: file.title,
      mimetype: 'text/plain',
      filetype: file.filename.split('.').pop() ?? 'text',
      user: ws.identity.botUserId,
      size: file.bytes.length,
      url_private: `https://files.slack.com/files-pri/${ws.identity.teamId}-${file.id}/${file.filename}`,
      permalink: `https://${ws.identity.teamDomain}.slack.com/files/${ws.identity.botUserId}/${file.id}/${file.filename}`,
    });
  }
  return slackOk({ files: shared });
};

export const DOWNLOAD_PATH = '/download/';

/**
 * A file a user attached in a modal's `file_input`: stored (never shared, so `uploadedFiles()` leaves it
 * out) and returned as the file object Slack puts into `view.state.values`.
 */
export function storeUserFile(
  ws: FakeWorkspace,
  file: { filename: string; content: string | Buffer; userId?: string },
): Record<string, unknown> {
  const id = ws.nextId('F');
  const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8');
  ws.files.set(id, {
    id,
    filename: file.filename,
    title: file.filename,
    length: bytes.length,
    bytes,
    content: bytes.toString('utf8'),
    completed: false,
    channelId: undefined,
    threadTs: undefined,
    initialComment: undefined,
  });
  return fileObject(ws, id, file.userId);
}

function fileObject(ws: FakeWorkspace, id: string, userId?: string): Record<string, unknown> {
  const file = ws.files.get(id);
  if (!file) throw new Error(`fake Slack: no file ${id}`);
  const name = encodeURIComponent(file.filename);
  return {
    id,
    created: 1_716_900_000,
    timestamp: 1_716_900_000,
    name: file.filename,
    title: file.title,
    mimetype: 'text/plain',
    filetype: file.filename.split('.').pop() ?? 'text',
    user: userId ?? ws.identity.botUserId,
    size: file.length,
    url_private: `${ws.baseUrl.replace(/\/$/, '')}${DOWNLOAD_PATH}${id}/${name}`,
    url_private_download: `${ws.baseUrl.replace(/\/$/, '')}${DOWNLOAD_PATH}${id}/download/${name}`,
  };
}

const filesInfo: MethodHandler = (args, ws) => {
  const id = str(args.file);
  if (!id || !ws.files.get(id)?.bytes) return slackError('file_not_found');
  return slackOk({ file: fileObject(ws, id) });
};

/** The bytes behind a `url_private(_download)`; like Slack, only with the bot token as Bearer. */
export function serveDownload(
  ws: FakeWorkspace,
  path: string,
  authorized: boolean,
): { status: number; bytes?: Buffer; text?: string } {
  // Slack sends an unauthenticated file request to its login page rather than answering 401.
  if (!authorized) return { status: 302, text: 'redirect to login' };
  const id = path.slice(DOWNLOAD_PATH.length).split('/')[0] ?? '';
  const file = ws.files.get(id);
  if (!file?.bytes) return { status: 404, text: 'file not found' };
  return { status: 200, bytes: file.bytes };
}

export const fileHandlers: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrlExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': filesInfo,
};
