import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishIdempotencyKey } from '../../../src/services/publish/publishKey.js';
import type { PublishOutcome } from '../../../src/services/publish/publishService.js';
import type { PublishStep } from '../../../src/store/publishedStore.js';
import { publishRecordKey } from '../../../src/store/redis/publishedKeys.js';
import { connectTestRedis } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import { cleanPlan, publishHarness, uniqueChannel } from './publishHarness.js';

/**
 * A replica dies (or stalls) in the middle of a publish, after some of its messages were posted
 * and recorded. The attempt that takes over once its lease runs out finishes that post: readers see
 * one summary with one complete thread, never a stray message and never a message twice.
 */

let slack: FakeSlackApi;
const redis = connectTestRedis();
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(async () => {
  slack.assertNoViolations();
  await slack.close();
  await redis.quit();
});

/** A lease short enough to run out within a test; the dead replica's really does. */
const SHORT_LEASE = { leaseMs: 300, renewEveryMs: 100 };

const summaries = (channel: string) => slack.messages(channel).filter((m) => !m.thread_ts);
const thread = (channel: string, ts: string | undefined) =>
  slack.messages(channel).filter((m) => m.thread_ts !== undefined && m.thread_ts === ts);
const postsTo = (channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const filesIn = (channel: string) => slack.uploadedFiles().filter((f) => f.channelId === channel);

/** What one uninterrupted publish of the plan posts in its thread (texts, in order). */
async function referenceThread(): Promise<string[]> {
  const h = publishHarness(redis, slack);
  const channel = uniqueChannel();
  const record = await h.createDraft(cleanPlan(channel));
  await h.service.publish(h.actor(), record.id, { requestId: 'reference' });
  return thread(channel, summaries(channel)[0]?.ts).map((m) => m.text);
}

/** Retries on another replica until the dead one's lease has run out and this one is done. */
async function retryUntilDone(
  publish: () => Promise<PublishOutcome>,
): Promise<Exclude<PublishOutcome, { kind: 'in_progress' }>> {
  for (;;) {
    const outcome = await publish();
    if (outcome.kind !== 'in_progress') return outcome;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('publish: taking over from a replica that died mid-post', () => {
  it.each([
    ['its summary', (s: PublishStep) => s.kind === 'summary'],
    ['its summary and two replies', (_: PublishStep, nth: number) => nth === 3],
    ['every message and the file', (s: PublishStep) => s.kind === 'file'],
  ])(
    'after %s: the retry continues under the same summary, every message once',
    async (_, diesAfter) => {
      const expected = await referenceThread();
      const h = publishHarness(redis, slack);
      const channel = uniqueChannel();
      const record = await h.createDraft(cleanPlan(channel));
      const died = h.dieAfterRecording(diesAfter);
      void h.replica('replica-a', SHORT_LEASE).publish(h.actor(), record.id, { requestId: 'r' });
      await died;
      const [orphan] = summaries(channel);

      // The user publishes again on another replica: told it is under way until the lease ends.
      expect(await h.otherReplica.publish(h.actor(), record.id, { requestId: 'again' })).toEqual({
        kind: 'in_progress',
        title: record.title,
      });
      const outcome = await retryUntilDone(() =>
        h.otherReplica.publish(h.actor(), record.id, { requestId: 'again' }),
      );

      expect(outcome).toMatchObject({ kind: 'published', version: 1 });
      expect(summaries(channel).map((m) => m.ts)).toEqual([orphan?.ts]);
      expect(thread(channel, orphan?.ts).map((m) => m.text)).toEqual(expected);
      expect(filesIn(channel)).toHaveLength(1);
      // Nothing A had posted was posted again, nothing was deleted.
      expect(postsTo(channel)).toHaveLength(1 + expected.length);
      expect(slack.callsTo('chat.delete').filter((c) => c.args.channel === channel)).toEqual([]);
      const latest = await h.published.latest(h.ws, record.id);
      expect(latest?.post).toMatchObject({
        summaryTs: orphan?.ts,
        sectionTs: thread(channel, orphan?.ts).map((m) => m.ts),
        fileId: filesIn(channel)[0]?.id,
      });
      expect(await h.published.list(h.ws, record.id)).toHaveLength(1);
    },
  );

  it('a dead attempt whose summary is gone: its replies are taken back and the plan is posted afresh', async () => {
    const expected = await referenceThread();
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const died = h.dieAfterRecording((_, nth) => nth === 3);
    void h.replica('replica-a', SHORT_LEASE).publish(h.actor(), record.id, { requestId: 'r' });
    await died;
    const [orphan] = summaries(channel);
    // Someone removed the half-posted summary by hand meanwhile.
    const person = new WebClient(slack.botToken, { slackApiUrl: slack.url });
    await person.chat.delete({ channel, ts: String(orphan?.ts) });

    const outcome = await retryUntilDone(() =>
      h.otherReplica.publish(h.actor(), record.id, { requestId: 'again' }),
    );

    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    const [summary, ...rest] = summaries(channel);
    expect(rest).toEqual([]);
    expect(summary?.ts).not.toBe(orphan?.ts);
    expect(thread(channel, orphan?.ts)).toEqual([]);
    expect(thread(channel, summary?.ts).map((m) => m.text)).toEqual(expected);
    expect(slack.messages(channel)).toHaveLength(1 + expected.length);
  });

  it('a replica that stalled past its lease and wakes after the takeover takes back only its own late message', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const leaseKey = publishRecordKey(h.ws, record.id, publishIdempotencyKey(record, channel));
    let pauses = 0;
    let wake: () => void = () => undefined;
    let stalled: () => void = () => undefined;
    const stalledNow = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    h.setOnSleep((ms) => {
      // Between its third and fourth message, A freezes (a long GC pause, a paused VM) …
      if (ms !== 1 || ++pauses !== 3) return;
      stalled();
      return new Promise<void>((resolve) => {
        wake = resolve;
      });
    });
    const a = h.service.publish(h.actor(), record.id, { requestId: 'r' });
    await stalledNow;
    h.setOnSleep(() => undefined);
    // … long enough for its lease to run out (here ended at once) and B to take over and finish.
    await redis.hset(leaseKey, 'leaseUntil', '0');
    const b = await h.otherReplica.publish(h.actor(), record.id, { requestId: 'again' });
    expect(b).toMatchObject({ kind: 'published', version: 1 });
    const finished = slack.messages(channel).map((m) => m.ts);

    // A wakes, posts the message it was about to send, and finds its record refused.
    wake();
    expect(await a).toEqual({ kind: 'in_progress', title: record.title });
    expect(postsTo(channel)).toHaveLength(finished.length + 1);
    const late = postsTo(channel).at(-1)?.result?.ts;
    expect(slack.callsTo('chat.delete').map((c) => c.args.ts)).toContain(late);
    expect(slack.messages(channel).map((m) => m.ts)).toEqual(finished);
    expect(summaries(channel)).toHaveLength(1);
  });
});
