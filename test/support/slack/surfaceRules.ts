/**
 * The payload-level Block Kit rules the JSON Schema cannot express (R1–R19 of
 * /work/shared/slack/SURFACE-RULES.md). They only run on blocks that already passed the schema
 * (R0b), so shapes can be read directly; reads stay defensive anyway because the input is unknown.
 */

export type Surface = 'message' | 'modal' | 'home';

type JsonObject = Record<string, unknown>;

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 }; // R1–R3

const FORBIDDEN_TYPES: Record<Surface, ReadonlySet<string>> = {
  message: new Set(['alert', 'file']), // R5
  modal: new Set([
    'card',
    'carousel',
    'container',
    'context_actions',
    'data_table',
    'data_visualization',
    'file',
    'markdown',
    'plan',
    'table',
    'task_card',
  ]), // R6
  home: new Set([
    'alert',
    'container',
    'context_actions',
    'data_table',
    'data_visualization',
    'file',
    'markdown',
    'plan',
    'table',
    'task_card',
  ]), // R7
};

const MARKDOWN_TOTAL_LIMIT = 12_000; // R14
const FOCUS_SEARCH_DEPTH = 50; // R18
const RESPONSE_URL_SELECTS = new Set(['conversations_select', 'channels_select']); // R11

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function typeOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.type === 'string' ? value.type : undefined;
}

/** Top-level blocks plus each container's child blocks (containers nest one level), with pointers. */
function blocksWithChildren(blocks: JsonObject[]): Array<{ block: JsonObject; at: string }> {
  const out: Array<{ block: JsonObject; at: string }> = [];
  blocks.forEach((block, i) => {
    out.push({ block, at: `/${i}` });
    if (block.type === 'container') {
      objects(block.child_blocks).forEach((child, j) => {
        out.push({ block: child, at: `/${i}/child_blocks/${j}` });
      });
    }
  });
  return out;
}

function checkCountAndTypes(blocks: JsonObject[], surface: Surface): string[] {
  const errors: string[] = [];
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) {
    errors.push(`${surface}: ${blocks.length} blocks, at most ${max} allowed`);
  }
  for (const { block, at } of blocksWithChildren(blocks)) {
    const type = typeOf(block) ?? '?';
    if (FORBIDDEN_TYPES[surface].has(type)) {
      errors.push(`${at}: block type "${type}" is not allowed in a ${surface}`);
    } else if (type === 'input' && typeOf(block.element) === 'file_input' && surface !== 'modal') {
      errors.push(`${at}/element: file_input is only allowed in modals, not in a ${surface}`); // R9
    }
  }
  return errors;
}

function checkResponseUrlEnabled(blocks: JsonObject[], surface: Surface): string[] {
  const errors: string[] = [];
  for (const { block, at } of blocksWithChildren(blocks)) {
    const candidates: Array<{ element: unknown; at: string; inInput: boolean }> = [];
    if (block.type === 'input')
      candidates.push({ element: block.element, at: `${at}/element`, inInput: true });
    if (block.type === 'section') {
      candidates.push({ element: block.accessory, at: `${at}/accessory`, inInput: false });
    }
    if (block.type === 'actions') {
      objects(block.elements).forEach((element, k) => {
        candidates.push({ element, at: `${at}/elements/${k}`, inInput: false });
      });
    }
    for (const { element, at: where, inInput } of candidates) {
      if (!isObject(element) || element.response_url_enabled === undefined) continue;
      if (!RESPONSE_URL_SELECTS.has(typeOf(element) ?? '')) continue;
      if (!inInput || surface !== 'modal') {
        errors.push(
          `${where}: response_url_enabled only works on a select inside an input block of a modal`,
        );
      }
    }
  }
  return errors;
}

function checkUniqueBlockIds(blocks: JsonObject[]): string[] {
  const seen = new Map<string, number>();
  const errors: string[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'markdown' || typeof block.block_id !== 'string') return; // Slack drops it
    const first = seen.get(block.block_id);
    if (first === undefined) seen.set(block.block_id, i);
    else errors.push(`/${i}/block_id: "${block.block_id}" duplicates /${first}/block_id`);
  });
  return errors;
}

/** Collects action_ids of one scope; carousel cards and container children are scopes of their own. */
function collectActionIds(
  node: unknown,
  at: string,
  into: Array<{ id: string; at: string }>,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      collectActionIds(item, `${at}/${i}`, into);
    });
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.action_id === 'string') into.push({ id: node.action_id, at: `${at}/action_id` });
  for (const [key, value] of Object.entries(node)) {
    if (key === 'child_blocks' || (node.type === 'carousel' && key === 'elements')) continue;
    collectActionIds(value, `${at}/${key}`, into);
  }
}

function actionIdScopes(blocks: JsonObject[]): Array<{ node: JsonObject; at: string }> {
  const scopes: Array<{ node: JsonObject; at: string }> = [];
  blocks.forEach((block, i) => {
    scopes.push({ node: block, at: `/${i}` });
    objects(block.child_blocks).forEach((child, j) => {
      scopes.push({ node: child, at: `/${i}/child_blocks/${j}` });
    });
    if (block.type === 'carousel') {
      objects(block.elements).forEach((card, j) => {
        scopes.push({ node: card, at: `/${i}/elements/${j}` });
      });
    }
  });
  return scopes;
}

function checkUniqueActionIds(blocks: JsonObject[]): string[] {
  const errors: string[] = [];
  for (const scope of actionIdScopes(blocks)) {
    const ids: Array<{ id: string; at: string }> = [];
    collectActionIds(scope.node, scope.at, ids);
    const seen = new Set<string>();
    for (const { id, at } of ids) {
      if (seen.has(id))
        errors.push(`${at}: action_id "${id}" is repeated within block ${scope.at}`);
      seen.add(id);
    }
  }
  return errors;
}

/** Cards stand alone or sit in a carousel's elements. */
function cardsOf(blocks: JsonObject[]): Array<{ card: JsonObject; at: string }> {
  const out: Array<{ card: JsonObject; at: string }> = [];
  blocks.forEach((block, i) => {
    if (block.type === 'card') out.push({ card: block, at: `/${i}` });
    if (block.type === 'carousel') {
      objects(block.elements).forEach((card, j) => {
        out.push({ card, at: `/${i}/elements/${j}` });
      });
    }
  });
  return out;
}

function checkCounts(blocks: JsonObject[], surface: Surface): string[] {
  const errors: string[] = [];
  const count = (types: string[], list = blocksWithChildren(blocks)) =>
    list.filter(({ block }) => types.includes(typeOf(block) ?? '')).length;
  const markdownChars = blocks
    .filter((block) => block.type === 'markdown')
    .reduce((sum, block) => sum + (typeof block.text === 'string' ? block.text.length : 0), 0);
  if (markdownChars > MARKDOWN_TOTAL_LIMIT) {
    errors.push(
      `markdown blocks total ${markdownChars} characters, at most ${MARKDOWN_TOTAL_LIMIT}`,
    );
  }
  const plans = blocks.filter((block) => block.type === 'plan').length;
  if (plans > 1) errors.push(`${plans} plan blocks, at most 1 per payload`); // R15
  if (surface === 'message') {
    const tables = count(['table', 'data_table']);
    if (tables > 1) errors.push(`${tables} tables in a message, at most 1`); // R10
    const charts = blocks.filter((block) => block.type === 'data_visualization').length;
    if (charts > 2) errors.push(`${charts} data_visualization blocks in a message, at most 2`); // R16
  }
  for (const { card, at } of cardsOf(blocks)) {
    const actions = Array.isArray(card.actions) ? card.actions.length : 0;
    if (actions > 2) errors.push(`${at}: card has ${actions} actions, at most 2`); // R17
  }
  return errors;
}

function countFocusOnLoad(node: unknown, depth: number): number {
  if (depth > FOCUS_SEARCH_DEPTH || typeof node !== 'object' || node === null) return 0;
  const own = isObject(node) && node.focus_on_load === true ? 1 : 0;
  return Object.values(node).reduce<number>(
    (sum, child) => sum + countFocusOnLoad(child, depth + 1),
    own,
  );
}

function isWholeNumber(value: unknown): boolean {
  return typeof value !== 'string' || /^-?[0-9]+$/.test(value);
}

function checkNumberInputs(blocks: JsonObject[]): string[] {
  const errors: string[] = [];
  for (const { block, at } of blocksWithChildren(blocks)) {
    const element = block.element;
    if (block.type !== 'input' || !isObject(element) || element.type !== 'number_input') continue;
    const { min_value: min, max_value: max, initial_value: initial } = element;
    if (typeof min === 'string' && typeof max === 'string' && Number(min) > Number(max)) {
      errors.push(`${at}/element: number_input min_value ${min} is greater than max_value ${max}`);
    }
    if (element.is_decimal_allowed === false) {
      for (const [name, value] of Object.entries({
        min_value: min,
        max_value: max,
        initial_value: initial,
      })) {
        if (!isWholeNumber(value)) {
          errors.push(
            `${at}/element/${name}: "${String(value)}" must be a whole number (is_decimal_allowed is false)`,
          );
        }
      }
    }
  }
  return errors;
}

/** R1–R19 for a blocks array that already passed the schema, on the given surface. */
export function surfaceRuleErrors(blocksValue: unknown, surface: Surface): string[] {
  const blocks = objects(blocksValue);
  const focused = countFocusOnLoad(blocksValue, 0);
  return [
    ...checkCountAndTypes(blocks, surface),
    ...checkResponseUrlEnabled(blocks, surface),
    ...checkUniqueBlockIds(blocks),
    ...checkUniqueActionIds(blocks),
    ...checkCounts(blocks, surface),
    ...(focused > 1 ? [`${focused} elements have focus_on_load: true, at most 1`] : []),
    ...checkNumberInputs(blocks),
  ];
}
