import type { Locale } from '../../../domain/locale.js';
import { channelMention, escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { PublishOutcome } from '../../../services/publish/publishService.js';
import { escapeForMrkdwnCode } from '../inlineCode.js';
import { publishTexts } from './publishTexts.js';

/** A link only to Slack itself (a permalink), never with a label or target taken from users. */
export function slackLink(url: string | undefined, label: string): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    const slackHost = parsed.hostname === 'slack.com' || parsed.hostname.endsWith('.slack.com');
    if (parsed.protocol !== 'https:' || !slackHost || /[|<>\s]/.test(parsed.href)) return '';
    return `<${parsed.href.replace(/&/g, '&amp;')}|${escapeMrkdwn(label)}>`;
  } catch {
    return '';
  }
}

/** What the user is told about a publish that did not stop at the review, in their language. */
export function publishOutcomeText(outcome: PublishOutcome, locale: Locale): string {
  const t = publishTexts(locale);
  switch (outcome.kind) {
    case 'published':
    case 'already_published': {
      const args = {
        title: escapeMrkdwn(outcome.title),
        version: outcome.version,
        channel: channelMention(outcome.post.channel),
        link: slackLink(outcome.post.permalink, t.openLink),
      };
      return outcome.kind === 'published' ? t.published(args) : t.alreadyPublished(args);
    }
    case 'in_progress':
      return t.inProgress({ title: escapeMrkdwn(outcome.title) });
    case 'not_in_channel':
      return t.notInChannel({ channel: channelMention(outcome.channel) });
    case 'archived':
      return t.archived({ channel: channelMention(outcome.channel) });
    case 'failed': {
      const channel = channelMention(outcome.channel);
      const parts = [
        t.failed({
          title: escapeMrkdwn(outcome.title),
          reason: outcome.reason,
          detail: outcome.detail ? escapeForMrkdwnCode(outcome.detail) : '',
        }),
        outcome.leftovers > 0 ? t.leftovers({ count: outcome.leftovers, channel }) : t.cleanedUp,
      ];
      if (outcome.unknownMessage) parts.push(t.unknownMessage({ channel }));
      return parts.join('\n');
    }
    case 'changed':
      return t.changed;
    case 'forbidden':
      return t.notAllowed;
    case 'not_found':
      return t.notFound;
    case 'template_missing':
      return t.templateMissing;
    case 'no_channel':
      return t.noChannel({ id: outcome.record.id });
    case 'blocked':
      return t.blocked({
        title: escapeMrkdwn(outcome.record.title),
        count: outcome.review.summary.error,
      });
    case 'needs_confirmation':
      return t.confirm({
        title: escapeMrkdwn(outcome.record.title),
        channel: channelMention(outcome.channel),
        count: outcome.review.summary.warning,
      });
  }
}
