import { randomBytes } from 'node:crypto';
import { type MethodHandler, slackError, slackOk } from './fakeSlackChat.js';
import type { Args } from './fakeSlackHttp.js';
import type { FakeWorkspace, StoredView } from './fakeSlackState.js';

/** views.open / push / update / publish of the fake: stored views with ids, hashes and external ids. */

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const isObject = (value: unknown): value is Args =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('base64url').slice(0, 8)}`;
}

/** Slack fills in a block_id for every block and an action_id for every element that lacks one. */
function withGeneratedIds(blocks: unknown, ws: FakeWorkspace): unknown {
  if (!Array.isArray(blocks)) return blocks;
  const fill = (element: unknown) => {
    if (isObject(element) && typeof element.type === 'string' && element.action_id === undefined) {
      element.action_id = ws.nextId('').slice(-5);
    }
  };
  return blocks.map((original) => {
    if (!isObject(original)) return original;
    const block = structuredClone(original);
    if (block.block_id === undefined) block.block_id = ws.nextId('').slice(-5);
    if (block.type === 'input' || block.type === 'section')
      fill(block.type === 'input' ? block.element : block.accessory);
    if (block.type === 'actions' && Array.isArray(block.elements)) block.elements.forEach(fill);
    return block;
  });
}

function viewBody(
  ws: FakeWorkspace,
  id: string,
  view: Args,
  hash: string,
  previous: Args | undefined,
): Args {
  const { teamId, appId, botId } = ws.identity;
  return {
    id,
    team_id: teamId,
    type: view.type,
    blocks: withGeneratedIds(view.blocks, ws),
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash,
    title: view.title,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: previous?.previous_view_id ?? null,
    root_view_id: previous?.root_view_id ?? id,
    app_id: appId,
    external_id: view.external_id ?? '',
    app_installed_team_id: teamId,
    bot_id: botId,
  };
}

function externalIdTaken(ws: FakeWorkspace, externalId: unknown, exceptId?: string): boolean {
  if (!str(externalId)) return false;
  return [...ws.views.entries()].some(
    ([id, stored]) => id !== exceptId && stored.externalId === externalId,
  );
}

function store(
  ws: FakeWorkspace,
  id: string,
  view: Args,
  userId: string | undefined,
  previous?: Args,
): Args {
  const hash = newHash();
  const body = viewBody(ws, id, view, hash, previous);
  const stored: StoredView = { view: body, hash, externalId: String(body.external_id), userId };
  ws.views.set(id, stored);
  return body;
}

function openOrPush(pushed: boolean): MethodHandler {
  return (args, ws) => {
    if (!str(args.trigger_id))
      return slackError('invalid_arguments', {
        response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] },
      });
    if (!isObject(args.view))
      return slackError('invalid_arguments', {
        response_metadata: { messages: ['[ERROR] missing required field: view'] },
      });
    if (externalIdTaken(ws, args.view.external_id)) return slackError('duplicate_external_id');
    const id = ws.nextId('V');
    const previous = pushed ? { previous_view_id: null, root_view_id: id } : undefined;
    return slackOk({ view: store(ws, id, args.view, undefined, previous) });
  };
}

const viewsUpdate: MethodHandler = (args, ws) => {
  if (!isObject(args.view)) return slackError('invalid_arguments');
  const byExternal = [...ws.views.entries()].find(
    ([, stored]) => str(args.external_id) && stored.externalId === args.external_id,
  );
  const id = str(args.view_id) ?? byExternal?.[0];
  const current = id ? ws.views.get(id) : undefined;
  if (!id || !current) return slackError('not_found');
  if (str(args.hash) && args.hash !== current.hash) return slackError('hash_conflict');
  if (externalIdTaken(ws, args.view.external_id, id)) return slackError('duplicate_external_id');
  return slackOk({ view: store(ws, id, args.view, current.userId, current.view) });
};

const viewsPublish: MethodHandler = (args, ws) => {
  const userId = str(args.user_id);
  if (!userId)
    return slackError('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] missing required field: user_id'] },
    });
  if (!isObject(args.view)) return slackError('invalid_arguments');
  const existingId = ws.homeViews.get(userId);
  const current = existingId ? ws.views.get(existingId) : undefined;
  if (current && str(args.hash) && args.hash !== current.hash) return slackError('hash_conflict');
  const id = existingId ?? ws.nextId('V');
  ws.homeViews.set(userId, id);
  return slackOk({ view: store(ws, id, args.view, userId, current?.view) });
};

/**
 * What Slack does when the app answers a view_submission with `response_action: 'update'`:
 * the open view is replaced and gets a new hash. Returns the stored view (id, hash, blocks…)
 * as the client would next submit it.
 */
export function replaceViewFromResponse(ws: FakeWorkspace, viewId: string, view: Args): Args {
  const current = ws.views.get(viewId);
  if (!current) throw new Error(`fake Slack: no open view ${viewId} to update`);
  return store(ws, viewId, view, current.userId, current.view);
}

export const viewHandlers: Record<string, MethodHandler> = {
  'views.open': openOrPush(false),
  'views.push': openOrPush(true),
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
};
