import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { ReviseService } from '../../../services/publish/reviseService.js';
import type { PublishDeps } from '../../listeners/publish/publishDeps.js';
import { reviseRefusalText } from '../../listeners/publish/reviseListener.js';
import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import { notFoundMessage } from '../../ui/browse/lookupMessages.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan revise <plan>`: the interview on the working draft of a published plan. */
export function createReviseSubcommand(
  deps: Pick<PublishDeps, 'openSection'>,
  revise: ReviseService,
): Subcommand {
  return {
    name: 'revise',
    aliases: ['修订'],
    describe: (m) => publishTexts(localeOfMessages(m)).subcommands.revise,
    async run(ctx) {
      const t = publishTexts(ctx.locale);
      const ref = ctx.args.join(' ').trim();
      if (ref === '') {
        await ctx.ackWith(
          buildNoticeMessage(t.missingRef({ usage: escapeMrkdwn(t.subcommands.revise.usage) })),
        );
        return;
      }
      const found = await revise.resolve(ctx.identity, ref);
      if (found.kind === 'not_found') {
        await ctx.ackWith(notFoundMessage(ref, ctx.locale));
        return;
      }
      if (found.kind === 'ambiguous') {
        const choices = found.candidates
          .slice(0, 10)
          .map((c) => `• \`${c.id}\` ${escapeMrkdwn(c.title)}`)
          .join('\n');
        await ctx.ackWith(
          buildNoticeMessage(
            ctx.messages.plans.ambiguous({ ref: escapeForMrkdwnCode(ref), choices }),
          ),
        );
        return;
      }
      const outcome = await revise.revise(ctx.identity, found.planId);
      if (outcome.kind !== 'ready') {
        const text =
          outcome.kind === 'ambiguous' ? t.notFound : reviseRefusalText(outcome, ctx.locale);
        await ctx.ackWith(buildNoticeMessage(text));
        return;
      }
      await ctx.ack();
      await deps.openSection({
        client: ctx.client,
        identity: ctx.identity,
        triggerId: ctx.command.trigger_id,
        planId: outcome.planId,
      });
    },
  };
}
