import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { messagesFor } from '../../i18n/messages.js';
import type { AppLogger } from '../../logging/logger.js';
import type { UserLocaleResolver } from '../../services/userLocaleResolver.js';
import { isStorageUnavailable } from '../../store/storageUnavailable.js';
import { requestLocale } from '../requestLocale.js';
import { isResponseUrlFailure } from '../respondDeadline.js';
import { buildNoticeMessage } from '../ui/noticeMessage.js';
import type { WorkspaceIdentity } from '../workspaceIdentity.js';
import type { InFlightTracker } from './inFlightTracker.js';

export interface ErrorBoundaryDeps {
  logger: AppLogger;
  locales: UserLocaleResolver;
  inFlight: InFlightTracker;
}

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

function bodyOf(args: Args): Record<string, unknown> {
  return args.body as unknown as Record<string, unknown>;
}

function actorOf(body: Record<string, unknown>): WorkspaceIdentity | undefined {
  const user = body.user as { id?: string; team_id?: string } | undefined;
  const team = body.team as { id?: string } | null | undefined;
  const enterprise = body.enterprise as { id?: string } | null | undefined;
  const teamId = (body.team_id as string | undefined) ?? team?.id ?? user?.team_id;
  const userId = (body.user_id as string | undefined) ?? user?.id;
  const enterpriseId = (body.enterprise_id as string | undefined) ?? enterprise?.id;
  if (!teamId || !userId) return undefined;
  return enterpriseId ? { teamId, userId, enterpriseId } : { teamId, userId };
}

/** The first input block of a submitted view: where Slack can show an inline error. */
function firstInputBlockId(body: Record<string, unknown>): string | undefined {
  const view = body.view as { blocks?: Array<{ type?: string; block_id?: string }> } | undefined;
  return view?.blocks?.find((b) => b.type === 'input' && b.block_id)?.block_id;
}

/** `ack` rejects once a listener already acknowledged; that is expected here. */
async function tryAck(args: Args, response?: unknown): Promise<boolean> {
  const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
  if (!ack) return false;
  try {
    await ack(response);
    return true;
  } catch {
    return false;
  }
}

/**
 * Outermost middleware. A failing listener must not leave the user staring at nothing,
 * nor crash the process: the user gets a short apology in their language (or, when Redis
 * is the cause, a storage message), the log gets the details. A failed view submission is
 * answered with an inline error so the modal — and everything typed in it — stays open.
 */
export function createErrorBoundary(deps: ErrorBoundaryDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    deps.inFlight.begin();
    const started = Date.now();
    let failed = false;
    try {
      await args.next();
    } catch (err) {
      failed = true;
      await answerFailure(deps, args, err);
    } finally {
      deps.inFlight.end();
      // The request's last word, after anything it sent the user: how long the work after the
      // ack really took, and the point from which nothing more is sent for it.
      const body = bodyOf(args);
      const actor = actorOf(body);
      deps.logger.log('debug', 'request handled', {
        type: typeOf(body),
        teamId: actor?.teamId,
        userId: actor?.userId,
        ms: Date.now() - started,
        failed,
      });
    }
  };
}

function typeOf(body: Record<string, unknown>): string {
  return (body.type as string | undefined) ?? (body.command ? 'slash_command' : 'unknown');
}

async function answerFailure(deps: ErrorBoundaryDeps, args: Args, err: unknown): Promise<void> {
  const body = bodyOf(args);
  const type = typeOf(body);
  const actor = actorOf(body);
  const storage = isStorageUnavailable(err);
  deps.logger.log(storage ? 'warn' : 'error', 'listener failed', {
    type,
    teamId: actor?.teamId,
    userId: actor?.userId,
    storageUnavailable: storage,
    err:
      err instanceof Error
        ? { name: err.name, message: err.message, stack: err.stack }
        : String(err),
  });

  // Reuse the language the listener already resolved: asking a failing Redis again would
  // spend the user's remaining seconds on a second timeout.
  const locale = requestLocale(args.context) ?? (actor ? await deps.locales.localeOf(actor) : 'en');
  const m = messagesFor(locale).errors;

  if (type === 'view_submission') {
    const blockId = firstInputBlockId(body);
    const fieldText = storage ? m.storageUnavailableField : m.apologyField;
    if (
      blockId &&
      (await tryAck(args, { response_action: 'errors', errors: { [blockId]: fieldText } }))
    )
      return;
    // No field to attach the error to, or already acknowledged: let Slack see a failure
    // (it keeps the modal open) rather than an empty 200 that would close it.
    throw err;
  }

  const notice = buildNoticeMessage(storage ? m.storageUnavailable : m.apology);
  if (body.command !== undefined) {
    if (await tryAck(args, { response_type: 'ephemeral', ...notice })) return;
  } else {
    await tryAck(args);
  }
  if (type === 'view_closed' || type === 'unknown') return;
  try {
    const respond = (args as { respond?: (m: unknown) => Promise<unknown> }).respond;
    // When the response_url itself is what failed, trying it again would only fail again (after
    // up to another RESPOND_DEADLINE_MS); the DM still reaches the user.
    if (respond && !isResponseUrlFailure(err)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...notice });
    } else if (actor) {
      // Modals and App Home have no response_url (or it just failed): the app's DM reaches the user.
      await args.client.chat.postMessage({ channel: actor.userId, ...notice });
    }
  } catch (notifyErr) {
    deps.logger.log('warn', 'could not tell the user about a failure', {
      err: notifyErr instanceof Error ? notifyErr.message : String(notifyErr),
    });
  }
}
