import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { resolvePlanRef } from '../../../services/interview/resolvePlanRef.js';
import type { InterviewDeps } from '../../listeners/interview/interviewDeps.js';
import { findSection, openSectionScreen } from '../../listeners/interview/sectionScreens.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { planRefProblem } from '../planRefProblem.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan edit <plan> [section]` — continue a plan, or jump to one section. */
export function createEditSubcommand(deps: InterviewDeps): Subcommand {
  return {
    name: 'edit',
    aliases: ['编辑', 'resume', 'continue'],
    describe: (m) => m.subcommands.edit,
    async run(ctx) {
      const [ref, ...sectionWords] = ctx.args;
      const m = ctx.messages;
      if (!ref) {
        await ctx.ackWith(
          buildNoticeMessage(m.plans.missingRef({ usage: escapeMrkdwn(m.subcommands.edit.usage) })),
        );
        return;
      }
      const found = await resolvePlanRef(deps.drafts, ctx.identity, ref);
      if (found.kind !== 'found') {
        await ctx.ackWith(planRefProblem(m, ref, found));
        return;
      }
      const access = await deps.interview.open(ctx.identity, found.record.id);
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
        planId: found.record.id,
        ...(sectionId ? { sectionId } : {}),
      });
    },
  };
}
