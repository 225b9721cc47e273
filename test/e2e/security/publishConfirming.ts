import { expect } from 'vitest';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import { OWNER } from '../../services/publish/publishHarness.js';
import type { E2eContext } from '../../support/app/e2e.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import type { publishActions } from '../publish/publishE2e.js';

function isConfirm(call: RecordedCall): boolean {
  return (
    (call.args.view as { callback_id?: string } | undefined)?.callback_id ===
    CallbackIds.publishConfirm
  );
}

/**
 * `/opsplan publish <id>` by the owner, confirming review warnings if asked; resolves once version
 * `n` is posted with its thread. The injection plans carry warnings whatever the date.
 */
export async function publishConfirming(
  e2e: E2eContext,
  act: ReturnType<typeof publishActions>,
  target: { team: string; id: string; channel: string; n: number },
): Promise<void> {
  const { team, id, channel, n } = target;
  const opened = e2e.slack.callsTo('views.open').length;
  await act.command(team, OWNER, `publish ${id}`);
  await expect
    .poll(
      () =>
        act.summaries(channel).length >= n ||
        e2e.slack
          .callsTo('views.open')
          .slice(opened)
          .some((c) => isConfirm(c)),
      { timeout: 15_000 },
    )
    .toBe(true);
  const confirm = e2e.slack.callsTo('views.open').slice(opened).find(isConfirm);
  if (confirm && act.summaries(channel).length < n) {
    await e2e.client.viewSubmission({ teamId: team, userId: OWNER, view: openedView(confirm) });
  }
  await expect.poll(() => act.summaries(channel).length, { timeout: 15_000 }).toBe(n);
  const [summary] = act.summaries(channel).slice(-1);
  await expect
    .poll(() => act.thread(channel, summary?.ts).length, { timeout: 15_000 })
    .toBeGreaterThan(5);
}
