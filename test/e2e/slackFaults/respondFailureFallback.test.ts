import { beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ui/ids.js';
import { useE2e } from '../../support/app/e2e.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';
import { requestHandled } from './appLogs.js';

// A button in a message answers through its response_url. When that very post fails, the
// apology must not be sent back to the same failing URL (where it would fail again, after up to
// another deadline): it goes to the user's DM instead.
const e2e = useE2e();
beforeEach(() => e2e.slack.reset());

const GONE = 'no longer exists';
const APOLOGY = 'this action was not completed';

async function clickPreviewOfMissingPlan(teamId: string, userId: string) {
  const res = await e2e.client.blockActions({
    teamId,
    userId,
    channelId: 'C0LISTS0001',
    responseUrl: e2e.slack.responseUrl(),
    message: { ts: '1790000000.000100', is_ephemeral: true },
    actions: [{ action_id: ActionIds.planPreview, type: 'button', value: 'P0NOSUCHPLAN1' }],
  });
  expect(res.status).toBe(200);
  return requestHandled(e2e.app.logs, teamId, 'block_actions');
}

describe('a failing response_url', () => {
  it('without a fault, the answer goes to the response_url', async () => {
    const teamId = uniqueWorkspace();
    const handled = await clickPreviewOfMissingPlan(teamId, 'U0CLICKER01');
    expect(handled.failed).toBe(false);
    const posts = e2e.slack.callsTo('response_url');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.args)).toContain(GONE);
  });

  it.each([
    { label: 'HTTP 500', fault: { status: 500 } },
    { label: 'HTTP 429', fault: { status: 429, retryAfter: 1 } },
  ])('$label: the apology comes by DM, and the failing URL is tried once', async ({ fault }) => {
    const teamId = uniqueWorkspace();
    const userId = 'U0CLICKER02';
    e2e.slack.fail('response_url', fault);
    const handled = await clickPreviewOfMissingPlan(teamId, userId);
    expect(handled.failed).toBe(true);
    expect(e2e.slack.callsTo('response_url')).toHaveLength(1);
    const dms = e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]?.args)).toContain(APOLOGY);
  });
});
