import type { Plan } from '../../../domain/plan.js';
import { lookupPlanByRef } from '../../../services/browse/planLookup.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import type { SubcommandContext } from '../../commands/subcommand.js';
import {
  ambiguousMessage,
  missingRefMessage,
  notAllowedMessage,
  notFoundMessage,
} from '../../ui/browse/lookupMessages.js';
import type { BrowseDeps } from './browseDeps.js';

/**
 * The plan a command names (`/opsplan preview <plan>`), or undefined after telling the user why there
 * is none: nothing named, no match, several matches (listed with their ids), or not theirs to open.
 */
export async function resolvePlanRef(
  ctx: SubcommandContext,
  deps: Pick<BrowseDeps, 'drafts'>,
  command: string,
  /** Default: every word after the command (a title may have spaces). */
  named: string = ctx.args.join(' '),
): Promise<DraftRecord<Plan> | undefined> {
  const ref = named.trim();
  if (ref === '') {
    await ctx.ackWith(missingRefMessage(command, ctx.locale));
    return undefined;
  }
  const lookup = await lookupPlanByRef(deps.drafts, ctx.identity, ref);
  switch (lookup.kind) {
    case 'found':
      return lookup.record;
    case 'ambiguous':
      await ctx.ackWith(ambiguousMessage(ref, command, lookup.candidates, ctx.locale));
      return undefined;
    case 'forbidden':
      await ctx.ackWith(notAllowedMessage(ctx.locale));
      return undefined;
    case 'not_found':
      await ctx.ackWith(notFoundMessage(ref, ctx.locale));
      return undefined;
  }
}
