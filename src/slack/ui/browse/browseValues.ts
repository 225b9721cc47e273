import { z } from 'zod';

/**
 * Values carried by buttons and private_metadata. They come back from the client, so they are parsed
 * with zod and only ever name a plan: the workspace and the user always come from the verified request.
 */

const PlanId = z.string().min(1).max(40);

const OpenSectionValue = z.object({ p: PlanId, s: z.string().min(1).max(40) });
export type OpenSectionValue = z.infer<typeof OpenSectionValue>;

export function encodeOpenSection(value: OpenSectionValue): string {
  return JSON.stringify(value);
}

export function decodeOpenSection(raw: string | undefined): OpenSectionValue | undefined {
  return parseJson(OpenSectionValue, raw);
}

const RestoreValue = z.object({ p: PlanId, v: z.number().int().positive() });
export type RestoreValue = z.infer<typeof RestoreValue>;

export function encodeRestore(value: RestoreValue): string {
  return JSON.stringify(value);
}

export function decodeRestore(raw: string | undefined): RestoreValue | undefined {
  return parseJson(RestoreValue, raw);
}

/** The confirmation modal of a delete: which plan, which version the user saw, whether from Home. */
const DeleteMetadata = z.object({ p: PlanId, v: z.number().int().positive(), h: z.boolean() });
export type DeleteMetadata = z.infer<typeof DeleteMetadata>;

export function encodeDeleteMetadata(value: DeleteMetadata): string {
  return JSON.stringify(value);
}

export function decodeDeleteMetadata(raw: string | undefined): DeleteMetadata | undefined {
  return parseJson(DeleteMetadata, raw);
}

/** The history modal: which plan, the version its list was built from, whether opened from Home. */
const HistoryMetadata = z.object({ p: PlanId, cv: z.number().int().positive(), h: z.boolean() });
export type HistoryMetadata = z.infer<typeof HistoryMetadata>;

export function encodeHistoryMetadata(value: HistoryMetadata): string {
  return JSON.stringify(value);
}

export function decodeHistoryMetadata(raw: string | undefined): HistoryMetadata | undefined {
  return parseJson(HistoryMetadata, raw);
}

function parseJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
