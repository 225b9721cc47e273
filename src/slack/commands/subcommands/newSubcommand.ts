import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../../domain/locale.js';
import type { PlanMeta } from '../../../domain/plan.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import { buildPlanDetailsModal } from '../../ui/interview/planDetailsModal.js';
import { openView } from '../../viewCalls.js';
import type { Subcommand } from '../subcommand.js';

/** The start modal of a new plan, in the user's language. */
export async function openNewPlanModal(args: {
  client: WebClient;
  triggerId: string;
  templates: TemplateRegistry;
  locale: Locale;
  initial?: Partial<PlanMeta>;
}): Promise<void> {
  await openView(args.client, {
    trigger_id: args.triggerId,
    view: buildPlanDetailsModal({
      locale: args.locale,
      templates: args.templates.list(),
      mode: 'new',
      canManageEditors: true,
      initial: { language: args.locale, ...args.initial },
    }),
  });
}

/** `/opsplan new [title]` — the start modal, pre-filled with the title and this channel. */
export function createNewSubcommand(templates: TemplateRegistry): Subcommand {
  return {
    name: 'new',
    aliases: ['新建', 'create'],
    describe: (m) => m.subcommands.new,
    async run(ctx) {
      const title = ctx.args.join(' ').trim();
      const channel = ctx.command.channel_id;
      // A DM or group DM is no place to publish a plan; only offer real channels.
      const publishable = /^[CG][A-Z0-9]+$/.test(channel);
      await ctx.ack();
      await openNewPlanModal({
        client: ctx.client,
        triggerId: ctx.command.trigger_id,
        templates,
        locale: ctx.locale,
        initial: {
          ...(title ? { title: title.slice(0, 150) } : {}),
          ...(publishable ? { channel } : {}),
        },
      });
    },
  };
}
