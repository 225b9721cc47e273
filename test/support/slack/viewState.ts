/**
 * Builds `view.state.values` the way Slack does on view_submission / block_actions: every input
 * element of the view (and every section accessory), with its initial value unless the test says
 * what the user typed or picked.
 */

type JsonObject = Record<string, unknown>;

/** What a user did to one element: a string or list for the common cases, or the raw value object. */
export type UserInput = string | string[] | JsonObject;

/** User input keyed by block_id (or by action_id when that is easier to name). */
export type UserInputs = Record<string, UserInput>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** For each element type: the state field, the element field holding its initial value, its empty value. */
const STATE_FIELDS: Record<string, [field: string, initial: string, empty: unknown]> = {
  plain_text_input: ['value', 'initial_value', null],
  email_text_input: ['value', 'initial_value', null],
  url_text_input: ['value', 'initial_value', null],
  number_input: ['value', 'initial_value', null],
  rich_text_input: ['rich_value', 'initial_value', null],
  static_select: ['selected_option', 'initial_option', null],
  external_select: ['selected_option', 'initial_option', null],
  radio_buttons: ['selected_option', 'initial_option', null],
  multi_static_select: ['selected_options', 'initial_options', []],
  multi_external_select: ['selected_options', 'initial_options', []],
  checkboxes: ['selected_options', 'initial_options', []],
  datepicker: ['selected_date', 'initial_date', null],
  timepicker: ['selected_time', 'initial_time', null],
  datetimepicker: ['selected_date_time', 'initial_date_time', null],
  users_select: ['selected_user', 'initial_user', null],
  multi_users_select: ['selected_users', 'initial_users', []],
  conversations_select: ['selected_conversation', 'initial_conversation', null],
  multi_conversations_select: ['selected_conversations', 'initial_conversations', []],
  channels_select: ['selected_channel', 'initial_channel', null],
  multi_channels_select: ['selected_channels', 'initial_channels', []],
  file_input: ['files', 'initial_files', []],
};

function allOptions(element: JsonObject): JsonObject[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((group) =>
        isObject(group) && Array.isArray(group.options) ? group.options : [],
      )
    : [];
  return [...direct, ...grouped].filter(isObject);
}

function pickOption(element: JsonObject, value: string, where: string): JsonObject {
  const options = allOptions(element);
  // External selects have no options in the view; Slack sends back what the user picked.
  if (options.length === 0)
    return { text: { type: 'plain_text', text: value, emoji: true }, value };
  const option = options.find((candidate) => candidate.value === value);
  if (!option) {
    const known = options.map((o) => JSON.stringify(o.value)).join(', ');
    throw new Error(
      `viewState: ${where} has no option with value ${JSON.stringify(value)} (options: ${known})`,
    );
  }
  return option;
}

/** Turns what a test says the user did into the state value object Slack would send. */
function stateValue(element: JsonObject, input: UserInput, where: string): JsonObject {
  const type = String(element.type);
  const base = { type };
  if (isObject(input)) return withSelectFlags(element, { ...base, ...input });
  const [field] = STATE_FIELDS[type] ?? ['value'];
  if (field === 'selected_option') {
    return { ...base, [field]: pickOption(element, String(input), where) };
  }
  if (field === 'selected_options') {
    const values = Array.isArray(input) ? input : [input];
    return { ...base, [field]: values.map((value) => pickOption(element, value, where)) };
  }
  return withSelectFlags(element, { ...base, [field]: input });
}

/** The element's initial state, or undefined when it has no initial value. */
function initialValue(element: JsonObject): JsonObject | undefined {
  const type = String(element.type);
  const [field, initial] = STATE_FIELDS[type] ?? ['value', 'initial_value'];
  const value = element[initial];
  return value === undefined ? undefined : withSelectFlags(element, { type, [field]: value });
}

function emptyValue(element: JsonObject): JsonObject {
  const type = String(element.type);
  const [field, , empty] = STATE_FIELDS[type] ?? ['value', 'initial_value', null];
  return withSelectFlags(element, { type, [field]: empty });
}

/** Slack echoes response_url_enabled in the state of a conversations/channels select. */
function withSelectFlags(element: JsonObject, value: JsonObject): JsonObject {
  return element.response_url_enabled === true ? { ...value, response_url_enabled: true } : value;
}

interface ElementSlot {
  blockId: string;
  actionId: string;
  element: JsonObject;
}

function slotsOf(blocks: unknown): ElementSlot[] {
  const slots: ElementSlot[] = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isObject(block) || typeof block.block_id !== 'string') continue;
    const element =
      block.type === 'input'
        ? block.element
        : block.type === 'section'
          ? block.accessory
          : undefined;
    if (!isObject(element) || typeof element.action_id !== 'string') continue;
    if (block.type === 'section' && !(String(element.type) in STATE_FIELDS)) continue; // buttons have no state
    slots.push({ blockId: block.block_id, actionId: element.action_id, element });
  }
  return slots;
}

/**
 * The full `state.values` for a view's blocks after the user's `inputs`. Blocks and elements must
 * carry their ids, as they do in the view Slack returns from views.open (the fake fills them in).
 * An input naming no element throws, so a typo in a test cannot pass silently.
 *
 * Untouched elements without an initial value appear as empty (`value: null`) on submission and
 * block actions; `omitUntouched` leaves them out, as the captured view_closed payload shows.
 */
export function buildStateValues(
  blocks: unknown,
  inputs: UserInputs = {},
  { omitUntouched = false }: { omitUntouched?: boolean } = {},
): Record<string, Record<string, JsonObject>> {
  const slots = slotsOf(blocks);
  const values: Record<string, Record<string, JsonObject>> = {};
  for (const slot of slots) {
    const value =
      initialValue(slot.element) ?? (omitUntouched ? undefined : emptyValue(slot.element));
    if (value) values[slot.blockId] = { ...values[slot.blockId], [slot.actionId]: value };
  }
  for (const [key, input] of Object.entries(inputs)) {
    const slot = slots.find((s) => s.blockId === key) ?? slots.find((s) => s.actionId === key);
    if (!slot) {
      const known = slots.map((s) => `${s.blockId}/${s.actionId}`).join(', ') || 'none';
      throw new Error(
        `viewState: no input element with block_id or action_id "${key}" (known: ${known})`,
      );
    }
    const where = `${slot.blockId}/${slot.actionId}`;
    values[slot.blockId] = {
      ...values[slot.blockId],
      [slot.actionId]: stateValue(slot.element, input, where),
    };
  }
  return values;
}
