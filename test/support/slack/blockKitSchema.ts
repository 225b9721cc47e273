import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The shared Block Kit JSON Schema (draft 2020-12), compiled once per process.
 * The repo lives at /work/main and `shared/` sits beside it, both locally and in CI.
 */
const SCHEMA_URL = new URL('../../../../shared/slack/block-kit.schema.json', import.meta.url);

/** What the schema can validate: a bare blocks array, or one of the view envelopes in its $defs. */
export type SchemaTarget = 'blocks' | 'modal_view' | 'home_view';

type JsonObject = Record<string, unknown>;

interface CompiledSchemas {
  blocks: ValidateFunction;
  modal_view: ValidateFunction;
  home_view: ValidateFunction;
}

let compiled: CompiledSchemas | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadSchema(): JsonObject {
  const path = fileURLToPath(SCHEMA_URL);
  if (!existsSync(path)) {
    throw new Error(
      `Block Kit schema not found at ${path}. The test harness expects the shared Slack material ` +
        'in ../shared/slack/ next to the repository (block-kit.schema.json, SURFACE-RULES.md, payloads/).',
    );
  }
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(parsed) || !isObject(parsed.$defs)) {
    throw new Error(`Block Kit schema at ${path} has no $defs; is it the right file?`);
  }
  return parsed;
}

/**
 * Adds ajv's `discriminator` to every oneOf whose branches are all $refs to object schemas
 * told apart by a required `type` const. The accepted set is unchanged (the consts are unique),
 * but ajv then reports the errors of the one branch the `type` names instead of the errors of
 * every branch, so a too-long section text reads as one line, not twenty.
 */
function addTypeDiscriminators(node: unknown, defs: JsonObject): void {
  if (Array.isArray(node)) {
    for (const item of node) addTypeDiscriminators(item, defs);
    return;
  }
  if (!isObject(node)) return;
  const oneOf = node.oneOf;
  if (Array.isArray(oneOf) && node.discriminator === undefined) {
    const tags = oneOf.map((branch) => typeTagOf(branch, defs));
    const allTagged = tags.every((tag): tag is string => typeof tag === 'string');
    if (allTagged && new Set(tags).size === tags.length) {
      node.discriminator = { propertyName: 'type' };
    }
  }
  for (const value of Object.values(node)) addTypeDiscriminators(value, defs);
}

function typeTagOf(branch: unknown, defs: JsonObject): string | undefined {
  if (!isObject(branch) || typeof branch.$ref !== 'string' || Object.keys(branch).length !== 1) {
    return undefined;
  }
  const name = branch.$ref.replace('#/$defs/', '');
  const target = defs[name];
  if (!isObject(target) || !isObject(target.properties)) return undefined;
  const typeSchema = target.properties.type;
  const required = Array.isArray(target.required) ? target.required : [];
  if (!isObject(typeSchema) || !required.includes('type')) return undefined;
  return typeof typeSchema.const === 'string' ? typeSchema.const : undefined;
}

function compileSchemas(): CompiledSchemas {
  const schema = loadSchema();
  addTypeDiscriminators(schema, schema.$defs as JsonObject);
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    discriminator: true,
    // Each $def compiled once as its own function: half the start-up time of inlining them.
    inlineRefs: false,
  });
  // ajv-formats is CommonJS; under NodeNext its default import is module.exports, whose .default is the plugin.
  addFormatsModule.default(ajv);
  ajv.addSchema(schema);
  const id = String(schema.$id ?? '');
  const get = (ref: string): ValidateFunction => {
    const validate = ajv.getSchema(`${id}${ref}`);
    if (!validate) throw new Error(`Block Kit schema has no ${ref}`);
    return validate;
  };
  return {
    blocks: get(''),
    modal_view: get('#/$defs/modal_view'),
    home_view: get('#/$defs/home_view'),
  };
}

function schemas(): CompiledSchemas {
  compiled ??= compileSchemas();
  return compiled;
}

function formatError(error: ErrorObject, pointerPrefix: string): string {
  const pointer = `${pointerPrefix}${error.instancePath}` || '/';
  const params = error.params as Record<string, unknown>;
  let detail = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') {
    detail = `${detail}: "${String(params.additionalProperty)}"`;
  } else if (error.keyword === 'const' || error.keyword === 'enum') {
    detail = `${detail}: ${JSON.stringify(params.allowedValue ?? params.allowedValues)}`;
  } else if (error.keyword === 'discriminator') {
    detail = `unknown type ${JSON.stringify(params.tagValue)}`;
  }
  return `schema ${pointer}: ${detail}`;
}

/**
 * Validates against the schema (or one of its view $defs) and returns one line per error,
 * each starting with the JSON pointer of the offending value under `pointerPrefix`.
 */
export function schemaErrors(value: unknown, target: SchemaTarget, pointerPrefix = ''): string[] {
  const validate = schemas()[target];
  if (validate(value)) return [];
  // An `if` failure only says "must match then"; the `then` errors beside it say what is wrong.
  const lines = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => formatError(error, pointerPrefix));
  return [...new Set(lines)];
}
