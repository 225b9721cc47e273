import { z } from 'zod';
import { StoreError } from '../errors.js';

/**
 * The pieces every Redis codec reads with: stored text is only trusted once zod has parsed it,
 * and a failure is a `corrupt_record` StoreError naming what and where, never a half-read value.
 */

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
  const flat = z.array(z.string()).parse(reply);
  const hash: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) {
    hash[flat[index] as string] = flat[index + 1] as string;
  }
  return hash;
}
