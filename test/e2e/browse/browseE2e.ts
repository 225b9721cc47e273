import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import type { E2eContext } from '../../support/app/e2e.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';

/** What an ephemeral command reply looks like on the wire. */
export interface Reply {
  response_type: string;
  text: string;
  blocks: KnownBlock[];
}

type View = Record<string, unknown> & { id: string; blocks: KnownBlock[] };

/** All the text of a reply or a view's blocks, for "the user can read X" assertions. */
export function readable(blocks: readonly unknown[], text = ''): string {
  return [text, JSON.stringify(blocks)].join('\n');
}

export function browseActions(e2e: E2eContext) {
  async function command(teamId: string, userId: string, text: string): Promise<Reply> {
    const res = await e2e.client.slashCommand({
      teamId,
      userId,
      text,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(res.status).toBe(200);
    return res.body as Reply;
  }

  /** Runs a command expected to open a modal; returns the view as Slack stored it. */
  async function commandOpening(teamId: string, userId: string, text: string): Promise<View> {
    const before = e2e.slack.callsTo('views.open').length;
    const res = await e2e.client.slashCommand({
      teamId,
      userId,
      text,
      responseUrl: e2e.slack.responseUrl(),
    });
    expect(res.status).toBe(200);
    return openedView(await nextCall('views.open', before)) as View;
  }

  /** A click on a button of an ephemeral message (the list). */
  function clickInMessage(
    teamId: string,
    userId: string,
    reply: Reply,
    action: { action_id: string; block_id: string; value: string },
  ) {
    return e2e.client.blockActions({
      teamId,
      userId,
      message: {
        ts: '1700000000.000100',
        text: reply.text,
        blocks: reply.blocks,
        is_ephemeral: true,
      },
      responseUrl: e2e.slack.responseUrl(),
      actions: [action],
    });
  }

  /** A click on a button in a modal or the Home tab. */
  function clickInView(
    teamId: string,
    userId: string,
    view: Record<string, unknown>,
    action: { action_id: string; block_id: string; value: string },
  ) {
    return e2e.client.blockActions({ teamId, userId, view, actions: [action] });
  }

  /** Waits for the next call to `method` after `count` calls were already recorded. */
  async function nextCall(method: string, count: number): Promise<RecordedCall> {
    return e2e.slack.waitForCall(
      method,
      (call) => e2e.slack.callsTo(method).indexOf(call) >= count,
    );
  }

  return { command, commandOpening, clickInMessage, clickInView, nextCall };
}
