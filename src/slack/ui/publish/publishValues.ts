import { z } from 'zod';

/**
 * Values carried by publish buttons and modals. They come back from the client, so they are parsed
 * with zod and only ever name a plan, a version seen and a channel asked for: the workspace and the
 * user always come from the verified request, and access is checked again on every use.
 */

const PlanId = z.string().min(1).max(40);
const ChannelId = z.string().regex(/^[CG][A-Z0-9]{2,29}$/);

/** The confirmation modal: plan, the draft version the user reviewed, the target channel. */
const ConfirmMetadata = z.object({
  p: PlanId,
  v: z.number().int().positive(),
  c: ChannelId,
});
export type ConfirmMetadata = z.infer<typeof ConfirmMetadata>;

export function encodeConfirmMetadata(value: ConfirmMetadata): string {
  return JSON.stringify(value);
}

export function decodeConfirmMetadata(raw: string | undefined): ConfirmMetadata | undefined {
  if (!raw) return undefined;
  try {
    const parsed = ConfirmMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A plan id from a Publish / Revise button value. */
export function decodePlanIdValue(raw: string | undefined): string | undefined {
  const parsed = PlanId.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The channel a user typed after the plan: Slack's escaping `<#C123|name>` / `<#C123>`, or a bare
 * id. Returns undefined when the word is not a channel at all.
 */
export function parseChannelArg(word: string): string | undefined {
  const escaped = /^<#([CG][A-Z0-9]{2,29})(?:\|[^>]*)?>$/.exec(word.trim());
  if (escaped?.[1]) return escaped[1];
  // A bare id must look like a real one (9+ characters with a digit), so a title ending in a
  // capitalised word such as "GOALS" is not taken for a channel.
  const bare = word.trim();
  return /^[CG](?=[A-Z0-9]*\d)[A-Z0-9]{8,29}$/.test(bare) ? bare : undefined;
}

/** Whether a word looks like an attempt at naming a channel (so it is not part of the plan title). */
export function looksLikeChannel(word: string): boolean {
  return /^<#/.test(word) || /^#\S/.test(word);
}
