import type { ActionsBlock, ContextBlock, KnownBlock } from '@slack/types';
import { diffPlans } from '../../../domain/diff/index.js';
import type { Plan } from '../../../domain/plan.js';
import type { ReviewResult } from '../../../domain/review/index.js';
import type { Template } from '../../../domain/template.js';
import { MESSAGE_BLOCKS_MAX, truncatePlain } from '../../../render/blocks/blockBuilders.js';
import { escapeMrkdwn, mrkdwnText, userMention } from '../../../render/mrkdwn.js';
import { renderPlanBlocks } from '../../../render/planBlocks.js';
import { renderPlanChangesBlocks } from '../../../render/planChanges.js';
import { renderPlanMarkdown } from '../../../render/planMarkdown.js';
import { ActionIds } from '../ids.js';
import type { SlackMessage } from '../slackMessage.js';
import { publishTexts } from './publishTexts.js';

export interface PublishedPostInput {
  planId: string;
  plan: Plan;
  template: Template;
  review: ReviewResult;
  version: number;
  publishedBy: string;
  publishedAt: Date;
  /** The latest version that was actually posted, when this is a revision. */
  previous?: { version: number; doc: Plan; permalink?: string };
}

export interface PublishedPostContent {
  summary: SlackMessage;
  /** "What changed" first (a revision's readers came for it), then one or more per section. */
  replies: SlackMessage[];
  file: { filename: string; title: string; content: string };
}

const FILE_TITLE_MAX = 200;

/** Slack shows the date in each reader's own time zone; the fallback is for old clients. */
function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${at.toISOString()}>`;
}

/**
 * The renderer's summary with the version line and a Revise button. The summary may already use
 * every block a message allows; its tail then makes room (the thread has the whole plan).
 */
export function withVersionBlocks(summary: SlackMessage, extra: KnownBlock[]): SlackMessage {
  const blocks = [...summary.blocks];
  const closing = blocks.pop();
  const room = MESSAGE_BLOCKS_MAX - extra.length - (closing ? 1 : 0);
  const kept = blocks.slice(0, room);
  return { text: summary.text, blocks: [...kept, ...(closing ? [closing] : []), ...extra] };
}

/**
 * Everything one publish posts, in the plan's own language: the channel summary (vN, who, when,
 * Revise), the thread (what changed since the previous posted version, then every section) and the
 * Markdown file — byte for byte what `opsplan render <file> --format md` prints for the same plan.
 */
export function buildPublishedPost(input: PublishedPostInput): PublishedPostContent {
  const { plan, template, review, version, previous } = input;
  const locale = plan.meta.language;
  const t = publishTexts(locale);
  const rendered = renderPlanBlocks(plan, template, { review });

  const lines = [
    t.post.versionLine({
      version,
      by: userMention(input.publishedBy),
      date: slackDate(input.publishedAt),
    }),
  ];
  if (previous) lines.push(escapeMrkdwn(t.post.changesInThread({ previous: previous.version })));
  const versionBlock: ContextBlock = {
    type: 'context',
    block_id: 'opsplan.published.version',
    elements: [mrkdwnText(lines.join('\n'))],
  };
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: 'opsplan.published.actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: t.buttons.revise, emoji: true },
        action_id: ActionIds.planRevise,
        value: input.planId,
      },
    ],
  };
  const summary = withVersionBlocks(rendered.summary, [versionBlock, actions]);

  const changes = previous
    ? renderPlanChangesBlocks(diffPlans(previous.doc, plan, template), {
        locale,
        template,
        previousVersion: {
          number: previous.version,
          ...(previous.permalink ? { permalink: previous.permalink } : {}),
        },
        version,
        planTitle: plan.meta.title,
      }).messages
    : [];

  return {
    summary,
    replies: [...changes, ...rendered.sections.map(({ text, blocks }) => ({ text, blocks }))],
    file: {
      filename: `opsplan-${input.planId}-v${version}.md`,
      title: truncatePlain(
        t.post.fileTitle({ title: plan.meta.title.trim(), version }),
        FILE_TITLE_MAX,
      ),
      content: renderPlanMarkdown(plan, template),
    },
  };
}
