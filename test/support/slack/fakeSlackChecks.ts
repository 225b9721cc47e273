import { validateMessagePayload, validateView } from './blockKitValidator.js';
import { slackError } from './fakeSlackChat.js';
import type { Args } from './fakeSlackHttp.js';

/** What the fake checks on every call before doing the work, and how Slack words a refusal. */

const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
  'response_url',
]);

/** Block Kit errors in a call's message or view; empty when it has none or they are valid. */
export function blockKitErrors(method: string, args: Args): string[] {
  if (method.startsWith('views.')) return args.view === undefined ? [] : validateView(args.view);
  if (!MESSAGE_METHODS.has(method)) return [];
  // Deleting the original message through a response_url needs no content.
  if (
    method === 'response_url' &&
    (args.delete_original === true || args.delete_original === 'true')
  ) {
    return [];
  }
  return validateMessagePayload({
    text: args.text,
    blocks: args.blocks,
    attachments: args.attachments,
  });
}

/**
 * Slack's answer to a payload it refuses: `invalid_blocks` for messages (`no_text` /
 * `msg_too_long` when only the text is wrong), `invalid_arguments` for views, with the details
 * as `[ERROR] …` lines in response_metadata.messages (which WebClient logs).
 */
export function rejection(method: string, errors: string[]): Args {
  const textOnly = errors.every((e) => e.startsWith('text:') || e.startsWith('message:'));
  let error = 'invalid_blocks';
  if (method.startsWith('views.')) error = 'invalid_arguments';
  else if (textOnly)
    error = errors.some((e) => e.startsWith('message:')) ? 'no_text' : 'msg_too_long';
  return slackError(error, {
    errors,
    response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
  });
}

/** The most timestamps (ms, ascending) that fall within any window of `windowMs`. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
