import { uploadTextFile } from '../../../services/slack/uploadTextFile.js';
import { exportPlan } from '../../../services/transfer/exportPlan.js';
import { parseExportArgs } from '../../../services/transfer/exportRequest.js';
import { confirmDone } from '../../listeners/confirmDone.js';
import { isPublicChannel, openDirectMessage } from '../../listeners/transfer/slackChannels.js';
import type { TransferDeps } from '../../listeners/transfer/transferDeps.js';
import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import {
  exportComment,
  exportFailedMessage,
  exportProblemMessage,
  exportSentMessage,
} from '../../ui/transfer/exportMessages.js';
import { transferTexts } from '../../ui/transfer/transferTexts.js';
import type { Subcommand } from '../subcommand.js';

/**
 * `/opsplan export <plan> [v2|latest|draft] [md|yaml]`: the file goes to the user's DM with OpsPlan
 * (never to the channel the command was typed in, where others would see it).
 */
export function createExportSubcommand(deps: TransferDeps): Subcommand {
  return {
    name: 'export',
    aliases: ['导出'],
    describe: (m) => transferTexts(localeOfMessages(m)).subcommands.export,
    async run(ctx) {
      const request = parseExportArgs(ctx.args);
      const outcome = await exportPlan(
        {
          drafts: deps.drafts,
          templates: deps.templates,
          ...(deps.published ? { published: deps.published } : {}),
          isPublicChannel: (channel) => isPublicChannel(ctx.client, channel),
        },
        ctx.identity,
        request,
      );
      if (outcome.kind !== 'ok') {
        await ctx.ackWith(exportProblemMessage(outcome, request.ref, ctx.locale));
        return;
      }
      // The upload takes four Slack calls: answer the command now, report through response_url.
      await ctx.ack();
      const { file } = outcome;
      try {
        const channelId = await openDirectMessage(ctx.client, ctx.identity.userId);
        await uploadTextFile(ctx.client, {
          channelId,
          filename: file.filename,
          title: file.filename,
          content: file.content,
          initialComment: exportComment(file, ctx.locale),
        });
      } catch (err) {
        ctx.logger.log('warn', 'export upload failed', {
          teamId: ctx.identity.teamId,
          planId: file.planId,
          err: err instanceof Error ? err.message : String(err),
        });
        await ctx.respond({ response_type: 'ephemeral', ...exportFailedMessage(ctx.locale) });
        return;
      }
      ctx.logger.log('info', 'plan exported', {
        teamId: ctx.identity.teamId,
        planId: file.planId,
        format: file.format,
        source: file.source.kind,
      });
      // The file is in the user's DM with a comment saying what it is: if this note cannot be
      // posted, that file already tells the truth, and nothing else is sent.
      await confirmDone({
        logger: ctx.logger,
        method: 'response_url',
        show: () =>
          ctx.respond({ response_type: 'ephemeral', ...exportSentMessage(file, ctx.locale) }),
      });
    },
  };
}
