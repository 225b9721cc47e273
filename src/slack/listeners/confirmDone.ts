import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logging/logger.js';
import { buildNoticeMessage } from '../ui/noticeMessage.js';

/** The Slack call that shows the user their finished work, and what to do if it fails. */
export interface DoneConfirmation {
  logger: AppLogger;
  /** The Slack method `show` ends in, for the log: `views.update`, `response_url`. */
  method: string;
  show: () => Promise<unknown>;
  /**
   * Tells the user the truth another way (a DM) when `show` fails. Left out where what the user
   * already sees says it — the exported file in their DM, a Home tab that re-renders when opened.
   */
  otherwise?: { method: string; send: () => Promise<unknown> };
}

/** What a failed Slack call says about itself, without anything that could carry a secret. */
function describeFailure(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  return {
    name: e.name,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.data?.error !== undefined ? { slackError: e.data.error } : {}),
    ...(e.statusCode !== undefined ? { status: e.statusCode } : {}),
    message: e.message,
  };
}

/**
 * Shows the result of work that is already done (saved, exported, published, restored). If Slack
 * fails that call — ok:false, 5xx or 429 after the client's retries, no answer in time — the work
 * still happened, so the failure never reaches the error boundary, whose "this action was not
 * completed" would be false. It is logged, and `otherwise` gets one chance to tell the user.
 */
export async function confirmDone(step: DoneConfirmation): Promise<void> {
  try {
    await step.show();
    return;
  } catch (err) {
    step.logger.log('warn', 'work done, but its confirmation failed', {
      method: step.method,
      err: describeFailure(err),
      ...(step.otherwise ? { otherwise: step.otherwise.method } : {}),
    });
  }
  if (!step.otherwise) return;
  try {
    await step.otherwise.send();
  } catch (err) {
    step.logger.log('warn', 'could not tell the user their work is done', {
      method: step.otherwise.method,
      err: describeFailure(err),
    });
  }
}

/** The usual `otherwise`: a short DM from the app, which reaches the user wherever they are. */
export function directMessage(client: WebClient, userId: string, mrkdwn: string) {
  return {
    method: 'chat.postMessage',
    send: () => client.chat.postMessage({ channel: userId, ...buildNoticeMessage(mrkdwn) }),
  };
}
