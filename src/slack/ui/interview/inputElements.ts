import type {
  ConversationsSelect,
  Datepicker,
  InputBlock,
  InputBlockElement,
  MultiStaticSelect,
  MultiUsersSelect,
  NumberInput,
  PlainTextInput,
  PlainTextOption,
  StaticSelect,
  UsersSelect,
} from '@slack/types';
import {
  IsoDateSchema,
  SlackChannelIdSchema,
  SlackUserIdSchema,
  TEXT_MAX,
} from '../../../domain/fieldTypes.js';
import { INPUT_ACTION_ID } from '../ids.js';
import { plain } from './blockParts.js';
import { type InputValue, listValue, singleValue } from './viewStateValues.js';

/**
 * Input elements pre-filled from an InputValue (saved or typed). Slack rejects a view whose
 * initial value does not fit the element (an option not offered, a malformed date or id), so
 * such a value is left out rather than breaking the whole step.
 */

const NUMBER_PATTERN = /^-?[0-9]+(\.[0-9]+)?$/;

export function textElement(
  value: InputValue | undefined,
  opts: { max?: number; multiline?: boolean; placeholder?: string } = {},
): PlainTextInput {
  const initial = typeof value === 'string' && value.length > 0 ? value : undefined;
  return {
    type: 'plain_text_input',
    action_id: INPUT_ACTION_ID,
    max_length: Math.min(opts.max ?? TEXT_MAX, TEXT_MAX),
    ...(opts.multiline ? { multiline: true } : {}),
    ...(initial !== undefined ? { initial_value: initial } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
}

export function numberElement(value: InputValue | undefined, placeholder?: string): NumberInput {
  const initial = singleValue(value)?.trim();
  return {
    type: 'number_input',
    action_id: INPUT_ACTION_ID,
    is_decimal_allowed: true,
    ...(initial && NUMBER_PATTERN.test(initial) ? { initial_value: initial } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function selectElement(
  options: PlainTextOption[],
  value: InputValue | undefined,
  placeholder?: string,
): StaticSelect {
  const chosen = options.find((o) => o.value === singleValue(value));
  return {
    type: 'static_select',
    action_id: INPUT_ACTION_ID,
    options,
    ...(chosen ? { initial_option: chosen } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function multiSelectElement(
  options: PlainTextOption[],
  value: InputValue | undefined,
  placeholder?: string,
): MultiStaticSelect {
  const chosen = listValue(value).flatMap((v) => options.filter((o) => o.value === v));
  return {
    type: 'multi_static_select',
    action_id: INPUT_ACTION_ID,
    options,
    ...(chosen.length > 0 ? { initial_options: chosen } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function dateElement(value: InputValue | undefined, placeholder?: string): Datepicker {
  const date = singleValue(value);
  return {
    type: 'datepicker',
    action_id: INPUT_ACTION_ID,
    ...(date && IsoDateSchema.safeParse(date).success ? { initial_date: date } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function userElement(value: InputValue | undefined, placeholder?: string): UsersSelect {
  const user = singleValue(value);
  return {
    type: 'users_select',
    action_id: INPUT_ACTION_ID,
    ...(user && SlackUserIdSchema.safeParse(user).success ? { initial_user: user } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function usersElement(
  value: InputValue | undefined,
  placeholder?: string,
): MultiUsersSelect {
  const users = listValue(value).filter((u) => SlackUserIdSchema.safeParse(u).success);
  return {
    type: 'multi_users_select',
    action_id: INPUT_ACTION_ID,
    ...(users.length > 0 ? { initial_users: users } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function channelElement(
  value: InputValue | undefined,
  placeholder?: string,
): ConversationsSelect {
  const channel = singleValue(value);
  return {
    type: 'conversations_select',
    action_id: INPUT_ACTION_ID,
    filter: { include: ['public', 'private'], exclude_bot_users: true },
    ...(channel && SlackChannelIdSchema.safeParse(channel).success
      ? { initial_conversation: channel }
      : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

export function inputBlock(
  blockId: string,
  label: string,
  element: InputBlockElement,
  opts: { optional: boolean; hint?: string | undefined },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element,
    optional: opts.optional,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}
