import { localeOfMessages } from '../../ui/browse/browseTexts.js';
import { buildImportModal } from '../../ui/transfer/importModal.js';
import { transferTexts } from '../../ui/transfer/transferTexts.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan import`: the modal to attach or paste a YAML plan; the submission creates the draft. */
export function createImportSubcommand(): Subcommand {
  return {
    name: 'import',
    aliases: ['导入'],
    describe: (m) => transferTexts(localeOfMessages(m)).subcommands.import,
    async run(ctx) {
      // Answer Slack now: the trigger stays valid for the modal, and a slow views.open cannot push
      // the command past its 3 seconds.
      await ctx.ack();
      await openView(ctx.client, {
        trigger_id: ctx.command.trigger_id,
        view: buildImportModal(ctx.locale),
      });
    },
  };
}
