import type { Messages } from '../../i18n/messages.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';
import type { PlanRefResult } from '../../services/interview/resolvePlanRef.js';
import { escapeForMrkdwnCode } from '../ui/inlineCode.js';
import { buildNoticeMessage } from '../ui/noticeMessage.js';
import type { SlackMessage } from '../ui/slackMessage.js';

/** Explains why a plan reference did not name exactly one plan. */
export function planRefProblem(
  m: Messages,
  ref: string,
  result: Exclude<PlanRefResult, { kind: 'found' }>,
): SlackMessage {
  const shown = escapeForMrkdwnCode(ref);
  if (result.kind === 'none') return buildNoticeMessage(m.plans.notFound({ ref: shown }));
  const choices = result.records
    .slice(0, 10)
    .map((r) => `• \`${r.id}\` ${escapeMrkdwn(r.title)}`)
    .join('\n');
  return buildNoticeMessage(m.plans.ambiguous({ ref: shown, choices }));
}
