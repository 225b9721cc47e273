import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishIdempotencyKey } from '../../../src/services/publish/publishKey.js';
import { publishRecordKey } from '../../../src/store/redis/publishedKeys.js';
import { isStorageUnavailable } from '../../../src/store/storageUnavailable.js';
import { connectTestRedis } from '../../support/redis/testRedis.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';
import { cleanPlan, publishHarness, uniqueChannel } from './publishHarness.js';

let slack: FakeSlackApi;
const redis = connectTestRedis();
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterEach(() => {
  slack.clearFaults();
});
afterAll(async () => {
  slack.assertNoViolations();
  await slack.close();
  await redis.quit();
});

/** The top-level messages (summaries) in a channel. */
function summaries(channel: string) {
  return slack.messages(channel).filter((m) => m.thread_ts === undefined);
}

function postsTo(channel: string) {
  return slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

describe('publish service under Slack faults', () => {
  it('429 with Retry-After: waits as told, then posts everything once', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    slack.fail('chat.postMessage', { status: 429, retryAfter: 3 }, 1);
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    expect(h.slept).toContain(3000);
    expect(summaries(channel)).toHaveLength(1);
    const posted = slack.messages(channel);
    // One attempt was refused, every message then landed exactly once.
    expect(postsTo(channel)).toHaveLength(posted.length + 1);
    expect(new Set(posted.map((m) => m.text)).size).toBe(posted.length);
  });

  it('a 5xx in the middle of the thread is retried with back-off; every reply lands once', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    let pauses = 0;
    h.setOnSleep((ms) => {
      // The pause before the third message: the next post answers 500 twice.
      if (ms === 1 && ++pauses === 2) slack.fail('chat.postMessage', { status: 500 }, 2);
    });
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    expect(h.slept).toEqual(expect.arrayContaining([10, 20]));
    const posted = slack.messages(channel);
    expect(postsTo(channel)).toHaveLength(posted.length + 2);
    expect(new Set(posted.map((m) => m.text)).size).toBe(posted.length);
    expect(summaries(channel)).toHaveLength(1);
  });

  it('a lost postMessage answer is not reposted: the rest is deleted, the user told, a retry works', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    let pauses = 0;
    h.setOnSleep((ms) => {
      if (ms === 1 && ++pauses === 2) slack.fail('chat.postMessage', { dropResponse: true }, 1);
    });
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: 'unknown_outcome',
      unknownMessage: true,
      leftovers: 0,
    });
    // Three posts were attempted (summary, reply, the lost reply); none was sent twice.
    expect(postsTo(channel)).toHaveLength(3);
    expect(slack.callsTo('chat.delete').filter((c) => c.args.channel === channel)).toHaveLength(2);
    // What remains is the one message whose fate the app could not know.
    const left = slack.messages(channel);
    expect(left).toHaveLength(1);
    expect(left[0]?.ts).toBe(postsTo(channel)[2]?.result?.ts);
    expect((await h.published.latest(h.ws, record.id))?.post).toBeUndefined();

    h.setOnSleep(() => undefined);
    const retried = await h.service.publish(h.actor(), record.id, { requestId: 'again' });
    // The version frozen by the failed attempt is the one published: no gap, no twin.
    expect(retried).toMatchObject({ kind: 'published', version: 1 });
    expect(await h.published.list(h.ws, record.id)).toHaveLength(1);
  });

  it('a failure after the summary (upload refused) deletes everything posted; a later retry succeeds', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    slack.fail('files.completeUploadExternal', { okFalse: 'invalid_arguments' }, 1);
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: 'refused',
      detail: 'invalid_arguments',
      leftovers: 0,
      unknownMessage: false,
    });
    expect(postsTo(channel).length).toBeGreaterThan(1);
    expect(slack.messages(channel)).toEqual([]);

    const retried = await h.service.publish(h.actor(), record.id, { requestId: 'again' });
    expect(retried).toMatchObject({ kind: 'published', version: 1 });
    expect(summaries(channel)).toHaveLength(1);
  });

  it('gives up after the bounded retries of a lasting 5xx, leaving nothing behind', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    let pauses = 0;
    h.setOnSleep((ms) => {
      if (ms === 1 && ++pauses === 1) slack.fail('chat.postMessage', { status: 503 });
    });
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({ kind: 'failed', reason: 'server_error', leftovers: 0 });
    // The summary, then four attempts at the first reply.
    expect(postsTo(channel)).toHaveLength(5);
    expect(slack.messages(channel)).toEqual([]);
  });

  it('a Retry-After beyond the limit ends the attempt instead of holding the lease for minutes', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    slack.fail('chat.postMessage', { status: 429, retryAfter: 600 }, 1);
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'rate_limited' });
    expect(h.slept).not.toContain(600_000);
    expect(slack.messages(channel)).toEqual([]);
  });

  it('a publish whose lease was taken over stops, taking back only the message it could not record', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const leaseKey = publishRecordKey(h.ws, record.id, publishIdempotencyKey(record, channel));
    let pauses = 0;
    h.setOnSleep(async (ms) => {
      // Before the third message: this replica hung past its lease and another one took over.
      if (ms === 1 && ++pauses === 2) await redis.hset(leaseKey, 'owner', 'replica-z:other');
    });
    const outcome = await h.service.publish(h.actor(), record.id, { requestId: 'r' });

    // The other attempt is finishing the publish: the user is told it is under way.
    expect(outcome).toMatchObject({ kind: 'in_progress' });
    expect(postsTo(channel)).toHaveLength(3);
    // The summary and first reply are recorded: they are the other attempt's to continue under.
    // The third message, posted after the lease was gone and refused by the record, is taken back.
    const recorded = postsTo(channel)
      .slice(0, 2)
      .map((c) => c.result?.ts);
    expect(slack.messages(channel).map((m) => m.ts)).toEqual(recorded);
    expect(await redis.hget(leaseKey, 'owner')).toBe('replica-z:other');
    expect(await redis.hget(leaseKey, 'summaryTs')).toBe(recorded[0]);
    expect(await redis.hget(leaseKey, 'replyTs')).toBe(recorded[1]);
  });

  it('storage failing mid-post stops the publish at the step it cannot record and takes back everything', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    let pauses = 0;
    h.setOnSleep((ms) => {
      if (ms === 1 && ++pauses === 3) h.breakLeaseStorage();
    });
    await expect(h.service.publish(h.actor(), record.id, { requestId: 'r' })).rejects.toSatisfy(
      isStorageUnavailable,
    );
    // The fourth message went out but could not be recorded: it is taken back with the others.
    expect(postsTo(channel)).toHaveLength(4);
    expect(slack.messages(channel)).toEqual([]);
  });

  it('a live publish keeps its lease through a wait longer than the lease; a retry meanwhile posts nothing', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const replica = h.replica('replica-c', { leaseMs: 300, renewEveryMs: 100 });
    let pauses = 0;
    let retried: unknown;
    h.setOnSleep(async (ms) => {
      if (ms !== 1 || ++pauses !== 2) return;
      // Slack makes it wait (a Retry-After) for four renewals, longer than the 300 ms lease.
      await h.renewals(4);
      retried = await h.otherReplica.publish(h.actor(), record.id, { requestId: 'again' });
    });
    const outcome = await replica.publish(h.actor(), record.id, { requestId: 'r' });

    expect(retried).toEqual({ kind: 'in_progress', title: record.title });
    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    expect(summaries(channel)).toHaveLength(1);
    expect(postsTo(channel)).toHaveLength(slack.messages(channel).length);
  });

  it('a lease that cannot be renewed while the publish waits stops it before the next post', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const replica = h.replica('replica-c', { leaseMs: 300, renewEveryMs: 100 });
    let pauses = 0;
    h.setOnSleep(async (ms) => {
      if (ms !== 1 || ++pauses !== 2) return;
      // A long wait between two posts (a Retry-After, say) while Redis stops answering: the third
      // failed renewal is at least 200 ms after the last confirmation, when the 300 ms lease could
      // end before the next one.
      h.breakLeaseStorage();
      await h.renewals(3);
    });
    const outcome = await replica.publish(h.actor(), record.id, { requestId: 'r' });

    expect(outcome).toMatchObject({ kind: 'failed', reason: 'storage_unavailable', leftovers: 0 });
    expect(postsTo(channel)).toHaveLength(2);
    expect(slack.messages(channel)).toEqual([]);
  });

  it('an attempt that recorded its post but died before completing is finished, not reposted', async () => {
    const h = publishHarness(redis, slack);
    const channel = uniqueChannel();
    const record = await h.createDraft(cleanPlan(channel));
    const first = await h.service.publish(h.actor(), record.id, { requestId: 'r' });
    // As if the replica died between attachPost and completePublish and its lease expired.
    await redis.del(publishRecordKey(h.ws, record.id, publishIdempotencyKey(record, channel)));
    const count = slack.messages(channel).length;

    const again = await h.otherReplica.publish(h.actor(), record.id, { requestId: 'r' });
    expect(again).toMatchObject({
      kind: 'already_published',
      version: 1,
      post: first.kind === 'published' ? first.post : {},
    });
    expect(slack.messages(channel)).toHaveLength(count);
  });
});
