import { channelMention, escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { PublishService } from '../../../services/publish/publishService.js';
import type { BrowseDeps } from '../../listeners/browse/browseDeps.js';
import { resolvePlanRef } from '../../listeners/browse/resolvePlanRef.js';
import { confirmDone, directMessage } from '../../listeners/confirmDone.js';
import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { publishOutcomeText } from '../../ui/publish/publishOutcomeText.js';
import { publishTexts } from '../../ui/publish/publishTexts.js';
import { looksLikeChannel, parseChannelArg } from '../../ui/publish/publishValues.js';
import { buildBlockedMessage, buildConfirmModal } from '../../ui/publish/publishViews.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand, SubcommandContext } from '../subcommand.js';

/** The plan words and the channel, when the last word names one (`<#C…|name>` or an id). */
export function splitPublishArgs(args: readonly string[]): {
  ref: string;
  channel?: string;
  badChannel?: string;
} {
  const last = args.at(-1);
  if (args.length < 2 || last === undefined) return { ref: args.join(' ').trim() };
  const ref = args.slice(0, -1).join(' ').trim();
  const channel = parseChannelArg(last);
  if (channel) return { ref, channel };
  return looksLikeChannel(last) ? { ref, badChannel: last } : { ref: args.join(' ').trim() };
}

/**
 * `/opsplan publish <plan> [#channel]`: review first (errors listed with their sections' buttons,
 * warnings confirmed in a modal), then "Publishing…" at once and the outcome when the post is done.
 */
export function createPublishSubcommand(
  deps: Pick<BrowseDeps, 'drafts'>,
  service: PublishService,
): Subcommand {
  return {
    name: 'publish',
    aliases: ['发布'],
    describe: (m) => publishTexts(localeOfMessages(m)).subcommands.publish,
    async run(ctx) {
      const t = publishTexts(ctx.locale);
      const { ref, channel, badChannel } = splitPublishArgs(ctx.args);
      if (badChannel) {
        await ctx.ackWith(
          buildNoticeMessage(t.badChannel({ text: escapeForMrkdwnCode(badChannel) })),
        );
        return;
      }
      const record = await resolvePlanRef(
        { ...ctx, args: ref === '' ? [] : [ref] },
        deps,
        'publish',
      );
      if (!record) return;
      const checked = await service.check(ctx.identity, record.id, channel);
      switch (checked.kind) {
        case 'blocked':
          await ctx.ackWith(
            buildBlockedMessage({
              planId: record.id,
              template: checked.template,
              review: checked.review,
              locale: ctx.locale,
              intro: publishOutcomeText(checked, ctx.locale),
            }),
          );
          return;
        case 'needs_confirmation':
          await ctx.ack();
          await openView(ctx.client, {
            trigger_id: ctx.command.trigger_id,
            view: buildConfirmModal({
              planId: record.id,
              template: checked.template,
              review: checked.review,
              locale: ctx.locale,
              intro: publishOutcomeText(checked, ctx.locale),
              version: checked.record.version,
              channel: checked.channel,
            }),
          });
          return;
        case 'ready':
          await publishNow(ctx, service, checked.record.id, checked.record.title, checked.channel);
          return;
        default:
          await ctx.ackWith(buildNoticeMessage(publishOutcomeText(checked, ctx.locale)));
      }
    },
  };
}

async function publishNow(
  ctx: SubcommandContext,
  service: PublishService,
  planId: string,
  title: string,
  channel: string,
): Promise<void> {
  const t = publishTexts(ctx.locale);
  await ctx.ackWith(
    buildNoticeMessage(
      t.publishing({ title: escapeMrkdwn(title), channel: channelMention(channel) }),
    ),
  );
  const outcome = await service.publish(ctx.identity, planId, {
    channel,
    requestId: ctx.command.trigger_id,
  });
  const text = publishOutcomeText(outcome, ctx.locale);
  // The outcome matters more than the channel it arrives in: a DM reaches the user anyway.
  await confirmDone({
    logger: ctx.logger,
    method: 'response_url',
    show: () => ctx.respond({ response_type: 'ephemeral', ...buildNoticeMessage(text) }),
    otherwise: directMessage(ctx.client, ctx.identity.userId, text),
  });
}
