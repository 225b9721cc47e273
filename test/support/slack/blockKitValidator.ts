import { schemaErrors } from './blockKitSchema.js';
import { type Surface, surfaceRuleErrors } from './surfaceRules.js';

/**
 * Block Kit validation for tests: the shared JSON Schema first, then the surface rules of
 * /work/shared/slack/SURFACE-RULES.md. Every function returns a list of human-readable errors
 * (empty = valid), each naming the JSON pointer of the offending value where there is one.
 *
 * Section text ≤ 3000, header ≤ 150, fields ≤ 10 × 2000, modal title/submit/close ≤ 24,
 * submit-with-inputs, private_metadata ≤ 3000 and callback_id ≤ 255 are all enforced by the
 * schema itself, so they surface as `schema …` errors.
 */

export type { Surface };

const MESSAGE_TEXT_LIMIT = 40_000;
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * R0c: validate what Slack would receive. Undefined properties disappear and undefined array
 * slots become null (as JSON.stringify does); prototype-polluting keys are dropped.
 */
function normalize(value: unknown): unknown {
  if (value === undefined) return undefined;
  return parseNormalized(JSON.stringify(value));
}

function parseNormalized(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  return JSON.parse(json, (key, item: unknown) => (DROPPED_KEYS.has(key) ? undefined : item));
}

/** Re-roots error lines under `prefix` (a JSON pointer such as `/blocks`). */
function underPointer(errors: string[], prefix: string): string[] {
  return errors.map((line) => {
    if (line.startsWith('schema /')) return `schema ${prefix}${line.slice('schema '.length)}`;
    if (line.startsWith('/')) return `${prefix}${line}`;
    return `${prefix}: ${line}`;
  });
}

function checkBlocks(blocks: unknown, surface: Surface): string[] {
  const errors = schemaErrors(blocks, 'blocks');
  // R0b: the surface rules only run on blocks the schema accepts.
  return errors.length > 0 ? errors : surfaceRuleErrors(blocks, surface);
}

/** Validates a bare blocks array for the given surface. */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  return checkBlocks(normalize(blocks), surface);
}

/**
 * Validation is pure, so a view sent again byte for byte gets the verdict it got before: the load
 * bench's thousands of identical start modals are checked once instead of costing the fake Slack
 * ≈ 0.2 ms each on the CPU the app under test needs. Bounded; oldest verdicts go first.
 */
const VIEW_VERDICTS = new Map<string, readonly string[]>();
const MAX_VIEW_VERDICTS = 128;

/** Validates a modal or home view as sent to views.open/update/push/publish; `type` picks the surface. */
export function validateView(view: unknown): string[] {
  const json = view === undefined ? undefined : JSON.stringify(view);
  const known = json === undefined ? undefined : VIEW_VERDICTS.get(json);
  if (known) return [...known];
  const errors = viewErrors(parseNormalized(json));
  if (json !== undefined) {
    if (VIEW_VERDICTS.size >= MAX_VIEW_VERDICTS) {
      const oldest = VIEW_VERDICTS.keys().next().value;
      if (oldest !== undefined) VIEW_VERDICTS.delete(oldest);
    }
    VIEW_VERDICTS.set(json, errors);
  }
  return [...errors];
}

function viewErrors(normalized: unknown): string[] {
  if (typeof normalized !== 'object' || normalized === null || Array.isArray(normalized)) {
    return ['view: must be an object'];
  }
  const type = (normalized as Record<string, unknown>).type;
  if (type !== 'modal' && type !== 'home') {
    return [`view/type: must be "modal" or "home", got ${JSON.stringify(type)}`];
  }
  const errors = schemaErrors(normalized, type === 'modal' ? 'modal_view' : 'home_view');
  if (errors.length > 0) return errors;
  const blocks = (normalized as Record<string, unknown>).blocks;
  return underPointer(surfaceRuleErrors(blocks, type), '/blocks');
}

export interface MessagePayload {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}

/**
 * Validates a message body (chat.postMessage / postEphemeral / update, response_url posts).
 * Slack accepts text, blocks or attachments as the content; at least one must be there.
 */
export function validateMessagePayload(args: MessagePayload): string[] {
  const errors: string[] = [];
  const { text, blocks, attachments } = args;
  if (text !== undefined && text !== null && typeof text !== 'string') {
    errors.push('text: must be a string');
  }
  if (typeof text === 'string' && text.length > MESSAGE_TEXT_LIMIT) {
    errors.push(`text: ${text.length} characters, at most ${MESSAGE_TEXT_LIMIT}`);
  }
  const hasText = typeof text === 'string' && text.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  // An empty array is how chat.update clears a message's blocks; Slack treats it as no blocks.
  const hasBlocks =
    blocks !== undefined && blocks !== null && !(Array.isArray(blocks) && blocks.length === 0);
  if (hasBlocks) {
    errors.push(...underPointer(validateBlocks(blocks, 'message'), '/blocks'));
  }
  if (hasAttachments) {
    attachments.forEach((attachment: unknown, i) => {
      const nested = (attachment as { blocks?: unknown } | null)?.blocks;
      if (nested !== undefined) {
        errors.push(...underPointer(validateBlocks(nested, 'message'), `/attachments/${i}/blocks`));
      }
    });
  }
  if (!hasText && !hasBlocks && !hasAttachments) {
    errors.push('message: needs text, blocks or attachments (Slack answers no_text)');
  }
  return errors;
}
