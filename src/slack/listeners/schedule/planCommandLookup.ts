import type { Plan } from '../../../domain/plan.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { lookupPublishedPlan, type PlanRole } from '../../../services/checkins/publishedPlanRef.js';
import type { PublishedVersion } from '../../../store/publishedStore.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import type { SubcommandContext } from '../../commands/subcommand.js';
import { escapeForMrkdwnCode } from '../../ui/inlineCode.js';
import { buildNoticeMessage } from '../../ui/noticeMessage.js';
import { scheduleCommandTexts } from '../../ui/schedule/scheduleCommandTexts.js';
import type { ScheduleContentDeps } from './scheduleDeps.js';

/**
 * The published plan a schedule command names, or undefined after telling the user why not (no
 * name, no match, not published, not allowed, several matches). Identity from the verified request.
 */
export async function publishedPlanForCommand(
  ctx: SubcommandContext,
  deps: Pick<ScheduleContentDeps, 'drafts' | 'published'>,
  ref: string,
  role: PlanRole,
  usage: string,
): Promise<PublishedVersion<Plan> | undefined> {
  const t = scheduleCommandTexts(ctx.locale);
  const say = (text: string) => ctx.ackWith(buildNoticeMessage(text));
  if (ref.trim() === '') {
    await say(t.missingRef({ usage: escapeMrkdwn(usage) }));
    return undefined;
  }
  const lookup = await lookupPublishedPlan(
    deps,
    workspaceKey(ctx.identity),
    ctx.identity.userId,
    ref,
    role,
  );
  const shown = escapeForMrkdwnCode(ref);
  switch (lookup.kind) {
    case 'found':
      return lookup.version;
    case 'not_found':
      await say(t.notFound({ ref: shown }));
      return undefined;
    case 'not_published':
      await say(t.notPublished({ title: escapeMrkdwn(lookup.title) }));
      return undefined;
    case 'forbidden':
      await say(role === 'owner' ? t.forbiddenOwner : t.forbiddenEditor);
      return undefined;
    case 'ambiguous': {
      const choices = lookup.candidates
        .slice(0, 10)
        .map((c) => `• \`${c.id}\` ${escapeMrkdwn(c.title)}`)
        .join('\n');
      await say(t.ambiguous({ ref: shown, choices }));
      return undefined;
    }
  }
}
