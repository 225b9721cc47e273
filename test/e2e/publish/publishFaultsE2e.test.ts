import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { newChannel, publishActions } from './publishE2e.js';

const e2e = useE2e();
const redis = connectTestRedis();
afterEach(() => {
  e2e.slack.clearFaults();
});
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);
const ME = 'U0OWNER1';

function postsTo(channel: string) {
  return e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

/** Each message landed once: no text was posted twice. */
function expectNoTwins(channel: string) {
  const texts = e2e.slack.messages(channel).map((m) => `${m.thread_ts}:${m.text}`);
  expect(new Set(texts).size).toBe(texts.length);
}

async function planIn(channel: string) {
  e2e.slack.setUser(ME, { locale: 'en-US' });
  const team = uniqueWorkspace();
  const record = await act.createPlan(team, cleanPlan(channel));
  return { team, record };
}

describe('publishing through Slack faults', () => {
  it('429 with Retry-After, then success: posted once, after waiting', async () => {
    const channel = newChannel();
    const { team, record } = await planIn(channel);
    e2e.slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 1);
    const { later } = await act.command(team, ME, `publish ${record.id}`);
    expect(await later()).toContain('is published');
    const [refused, accepted] = postsTo(channel);
    expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(act.summaries(channel)).toHaveLength(1);
    expect(postsTo(channel)).toHaveLength(e2e.slack.messages(channel).length + 1);
    expectNoTwins(channel);
  });

  it('a 5xx in the middle of the thread, then success: every message once', async () => {
    const channel = newChannel();
    const { team, record } = await planIn(channel);
    const { later } = await act.command(team, ME, `publish ${record.id}`);
    // Right after the summary lands, the next post fails with 500 (the app paces its posts).
    await e2e.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
    e2e.slack.fail('chat.postMessage', { status: 500 }, 1);
    expect(await later()).toContain('is published');
    expect(act.summaries(channel)).toHaveLength(1);
    expect(postsTo(channel)).toHaveLength(e2e.slack.messages(channel).length + 1);
    expectNoTwins(channel);
  });

  it('a postMessage whose answer is lost is not reposted: cleanup, the user is told, retry works', async () => {
    const channel = newChannel();
    const { team, record } = await planIn(channel);
    const { later } = await act.command(team, ME, `publish ${record.id}`);
    await e2e.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
    e2e.slack.fail('chat.postMessage', { dropResponse: true }, 1);
    const told = await later();
    expect(told).toContain('did not confirm');
    expect(told).toContain('without its thread');
    // The summary was deleted; only the message whose fate was unknown may remain, once.
    const attempts = postsTo(channel);
    expect(attempts).toHaveLength(2);
    expect(e2e.slack.messages(channel).map((m) => m.ts)).toEqual([attempts[1]?.result?.ts]);

    const retry = await act.command(team, ME, `publish ${record.id}`);
    expect(await retry.later()).toContain('v1 is published');
    expect(act.summaries(channel)).toHaveLength(1);
  });

  it('a failure after the summary (completeUploadExternal ok:false) deletes everything; a retry succeeds', async () => {
    const channel = newChannel();
    const { team, record } = await planIn(channel);
    e2e.slack.fail('files.completeUploadExternal', { okFalse: 'invalid_arguments' }, 1);
    const { later } = await act.command(team, ME, `publish ${record.id}`);
    const told = await later();
    expect(told).toContain('was not published');
    expect(told).toContain('Everything that had been posted was removed');
    expect(postsTo(channel).length).toBeGreaterThan(1);
    expect(e2e.slack.messages(channel)).toEqual([]);

    const retry = await act.command(team, ME, `publish ${record.id}`);
    expect(await retry.later()).toContain('v1 is published');
    expect(act.summaries(channel)).toHaveLength(1);
    expectNoTwins(channel);
  });
});
