import { z } from 'zod';
import { ROUND_KEY_PATTERN } from '../../../store/kpiValuesStore.js';

/**
 * What the Report button and the Report modal carry: which plan and round. Never trusted beyond
 * naming them: the workspace comes from the verified request, and the round says who may answer.
 */
const RoundRefSchema = z.strictObject({
  p: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  r: z.string().regex(ROUND_KEY_PATTERN),
});
export interface RoundRef {
  planId: string;
  roundId: string;
}

export function encodeRoundRef(ref: RoundRef): string {
  return JSON.stringify({ p: ref.planId, r: ref.roundId });
}

export function decodeRoundRef(raw: string | undefined): RoundRef | undefined {
  if (!raw) return undefined;
  try {
    const parsed = RoundRefSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { planId: parsed.data.p, roundId: parsed.data.r } : undefined;
  } catch {
    return undefined;
  }
}
