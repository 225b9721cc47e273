import { z } from 'zod';
import { INPUT_ACTION_ID } from '../ids.js';

/**
 * Slack's `view.state.values[blockId][actionId]`, read through zod because it arrives from the
 * network (and, for unsaved input, back out of Redis). Only the fields the interview's element
 * types use are read; unknown fields are tolerated because Slack adds new ones over time.
 */
const SelectedOption = z.looseObject({ value: z.string() });
export const SlackStateValueSchema = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: SelectedOption.nullish(),
  selected_options: z.array(SelectedOption).nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
});
export type SlackStateValue = z.infer<typeof SlackStateValueSchema>;

export const SlackStateValuesSchema = z.record(
  z.string(),
  z.record(z.string(), SlackStateValueSchema),
);
export type SlackStateValues = z.infer<typeof SlackStateValuesSchema>;

/**
 * What one input holds, independent of its element type: a text, a selected value or date or id
 * (string), several selections (string[]), or `null` when the user cleared it. `undefined` (absent)
 * means the input was not in the state at all — e.g. untouched in a view_closed payload.
 */
export type InputValue = string | string[] | null;

const InputValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

/** One element's state as an InputValue; unknown element types read as cleared. */
export function inputValueOf(state: SlackStateValue): InputValue {
  switch (state.type) {
    case 'static_select':
      return state.selected_option?.value ?? null;
    case 'multi_static_select':
      return (state.selected_options ?? []).map((o) => o.value);
    case 'datepicker':
      return state.selected_date ?? null;
    case 'users_select':
      return state.selected_user ?? null;
    case 'multi_users_select':
      return state.selected_users ?? [];
    case 'conversations_select':
      return state.selected_conversation ?? null;
    default:
      return state.value ?? null;
  }
}

export type ParsedState =
  | { ok: true; inputs: Record<string, InputValue> }
  | { ok: false; error: string };

/** Reads the interview's inputs (action id INPUT_ACTION_ID) out of Slack's state values. */
export function readStateInputs(stateValues: unknown): ParsedState {
  const parsed = SlackStateValuesSchema.safeParse(stateValues);
  if (!parsed.success) {
    return {
      ok: false,
      error: `view state is not in Slack's shape: ${z.prettifyError(parsed.error)}`,
    };
  }
  const inputs: Record<string, InputValue> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const state = actions[INPUT_ACTION_ID];
    if (state) inputs[blockId] = inputValueOf(state);
  }
  return { ok: true, inputs };
}

/**
 * Values to show back in a rebuilt view, from Slack state or from an earlier `stateToPrefill`
 * (kept in Redis, so untrusted): anything unreadable is ignored, never shown.
 */
export function prefillInputs(
  values: Record<string, unknown> | undefined,
): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const [blockId, raw] of Object.entries(values ?? {})) {
    const direct = InputValueSchema.safeParse(raw);
    if (direct.success) {
      inputs[blockId] = direct.data;
      continue;
    }
    // Either one element's state, or the block's actions as in view.state.values.
    const nested =
      typeof raw === 'object' && raw !== null && !('type' in raw)
        ? (raw as Record<string, unknown>)[INPUT_ACTION_ID]
        : raw;
    const state = SlackStateValueSchema.safeParse(nested);
    if (state.success) inputs[blockId] = inputValueOf(state.data);
  }
  return inputs;
}

/** A text, date or single selection; blank text counts as empty. */
export function singleValue(value: InputValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.trim().length > 0 ? value : undefined;
}

export function listValue(value: InputValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}
