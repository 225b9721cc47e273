import { z } from 'zod';
import { StoreError } from '../errors.js';

/**
 * The pieces every Redis codec reads with: stored text is only trusted once zod has parsed it,
 * and a failure is a `corrupt_record` StoreError naming what and where, never a half-read value.
 */

/**
 * A schema built around a document schema, once per document schema. zod compiles a schema on its
 * first parse, so building one per read recompiled it every time (≈ 8 % of the app's CPU under
 * load). The document comes back as `unknown`; callers know it is their document schema's output.
 */
export function perDocSchema<Built>(build: (docSchema: z.ZodType) => Built) {
  const built = new WeakMap<z.ZodType, Built>();
  return (docSchema: z.ZodType): Built => {
    let schema = built.get(docSchema);
    if (schema === undefined) {
      schema = build(docSchema);
      built.set(docSchema, schema);
    }
    return schema;
  };
}

/** A stored JSON string, parsed and then checked against `schema`. */
export function jsonOf<Out>(schema: z.ZodType<Out>) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** An ISO-8601 timestamp string, read back as a Date. */
export const isoDate = z.iso.datetime().transform((text) => new Date(text));

export function corrupt(what: string, context: Record<string, unknown>, error: z.ZodError) {
  return new StoreError('corrupt_record', `stored ${what} failed validation`, {
    ...context,
    issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

/** A Lua script's flat [field, value, field, value…] reply as an object. */
export function hashFromReply(reply: unknown): Record<string, string> {
  return pairs(z.array(z.string()).parse(reply));
}

/** The same from a script called through its Buffer variant (some values are binary). */
export function bufferHashFromReply(reply: unknown): Record<string, Buffer> {
  return pairs(z.array(z.instanceof(Buffer)).parse(reply));
}

function pairs<V extends string | Buffer>(flat: V[]): Record<string, V> {
  const hash: Record<string, V> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) {
    hash[String(flat[index])] = flat[index + 1] as V;
  }
  return hash;
}

/** A status word of a script reply read through the Buffer variant. */
export function bufferText<Out>(schema: z.ZodType<Out, string>) {
  return z
    .instanceof(Buffer)
    .transform((bytes) => bytes.toString('utf8'))
    .pipe(schema);
}
