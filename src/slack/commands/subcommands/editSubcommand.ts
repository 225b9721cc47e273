import { resolvePlanRef } from '../../listeners/browse/resolvePlanRef.js';
import type { InterviewDeps } from '../../listeners/interview/interviewDeps.js';
import { findSection, openSectionScreen } from '../../listeners/interview/sectionScreens.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan edit <plan> [section]` — continue a plan, or jump to one section. */
export function createEditSubcommand(deps: InterviewDeps): Subcommand {
  return {
    name: 'edit',
    aliases: ['编辑', 'resume', 'continue'],
    describe: (m) => m.subcommands.edit,
    async run(ctx) {
      const [ref = '', ...sectionWords] = ctx.args;
      const m = ctx.messages;
      const record = await resolvePlanRef(ctx, deps, 'edit', ref);
      if (!record) return;
      const access = await deps.interview.open(ctx.identity, record.id);
      if (!access.ok) {
        await ctx.ackWith(
          buildNoticeMessage(
            access.reason === 'forbidden' ? m.plans.forbidden : m.plans.templateMissing,
          ),
        );
        return;
      }
      const sectionName = sectionWords.join(' ');
      const sectionId = sectionName ? findSection(access.template, sectionName) : undefined;
      if (sectionName && !sectionId) {
        const sections = access.template.sections
          .map((s, i) => `${i + 1} ${s.titleShort[ctx.locale]} (\`${s.id}\`)`)
          .join(', ');
        await ctx.ackWith(
          buildNoticeMessage(
            m.plans.unknownSection({ section: escapeForMrkdwnCode(sectionName), sections }),
          ),
        );
        return;
      }
      await ctx.ack();
      await openSectionScreen(deps, {
        client: ctx.client,
        identity: ctx.identity,
        triggerId: ctx.command.trigger_id,
        planId: record.id,
        ...(sectionId ? { sectionId } : {}),
      });
    },
  };
}
