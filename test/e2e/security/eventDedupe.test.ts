import { describe, expect, it } from 'vitest';
import { useE2e } from '../../support/app/e2e.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';

/**
 * Slack redelivers an event it thinks was lost (X-Slack-Retry-Num) and may deliver the same
 * event_id twice; the app handles each event once. app_home_opened is the app's only event.
 */
const e2e = useE2e();

function homeOpened(teamId: string, userId: string, eventId: string) {
  return {
    teamId,
    eventId,
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOME0001', tab: 'home' },
  };
}

/** Resolves once the app has logged that it dropped this event id as a duplicate. */
async function droppedAsDuplicate(eventId: string, times: number): Promise<void> {
  await expect
    .poll(
      () =>
        e2e.app.logs.filter(
          (l) => l.includes('"duplicate event dropped"') && l.includes(`"${eventId}"`),
        ).length,
      { timeout: 5_000 },
    )
    .toBe(times);
}

const publishesFor = (userId: string) =>
  e2e.slack.callsTo('views.publish').filter((c) => c.args.user_id === userId);

describe('Events API deliveries are handled once', () => {
  it('the same event_id twice, then a retry with X-Slack-Retry-Num → one views.publish', async () => {
    const team = uniqueWorkspace();
    const user = 'U0DEDUPE01';
    const first = await e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0001'));
    expect(first.status).toBe(200);
    await e2e.slack.waitForCall('views.publish', (c) => c.args.user_id === user);

    // Duplicates are acknowledged (Slack must stop retrying) but not handled again.
    const again = await e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0001'));
    expect(again.status).toBe(200);
    await droppedAsDuplicate('Ev0DEDUPE0001', 1);
    const retry = await e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0001'), {
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await droppedAsDuplicate('Ev0DEDUPE0001', 2);
    const retryLine = e2e.app.logs.filter((l) => l.includes('"duplicate event dropped"')).at(-1);
    expect(JSON.parse(retryLine ?? '{}')).toMatchObject({ retryNum: 1 });
    expect(publishesFor(user)).toHaveLength(1);

    // A new opening of the Home tab is a new event and is handled.
    await e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0002'));
    await expect.poll(() => publishesFor(user).length).toBe(2);
  });

  it('duplicates sent at the same moment are still handled once', async () => {
    const team = uniqueWorkspace();
    const user = 'U0DEDUPE02';
    const sends = [0, 1, 2, 3].map((retryNum) =>
      e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0003'), retryNum === 0 ? {} : { retryNum }),
    );
    for (const res of await Promise.all(sends)) expect(res.status).toBe(200);
    await droppedAsDuplicate('Ev0DEDUPE0003', 3);
    await e2e.slack.waitForCall('views.publish', (c) => c.args.user_id === user);
    expect(publishesFor(user)).toHaveLength(1);
  });

  it('an event id is scoped to its workspace: the same id elsewhere is handled', async () => {
    const user = 'U0DEDUPE03';
    const teams = [uniqueWorkspace(), uniqueWorkspace()];
    for (const team of teams) {
      expect((await e2e.client.event(homeOpened(team, user, 'Ev0DEDUPE0004'))).status).toBe(200);
    }
    await expect.poll(() => publishesFor(user).length).toBe(2);
  });
});
