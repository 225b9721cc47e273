import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../../src/store/errors.js';
import type { PublishStep } from '../../../../src/store/publishedStore.js';
import { fakeClock } from '../../fakeClock.js';
import { type MakePublishedStore, MINUTE_MS, newPlanId, newWorkspace } from './publishedSubject.js';

const LEASE = { ttlMs: MINUTE_MS };
const SUMMARY = '1767225600.000100';
const REPLIES = ['1767225601.000200', '1767225602.000300', '1767225603.000400'];
const FILE = 'F0PLANMD';

const summary = (ts = SUMMARY): PublishStep => ({ kind: 'summary', ts });
const reply = (ts: string): PublishStep => ({ kind: 'reply', ts });
const file = (fileId = FILE): PublishStep => ({ kind: 'file', fileId });

/**
 * A publish attempt records each message as Slack accepts it, so the attempt that takes over after
 * it dies knows what is already in the channel. Only the lease holder may add to that record.
 */
export function describeProgressContract(makeStore: MakePublishedStore): void {
  describe('publish progress', () => {
    function replicas() {
      const clock = fakeClock('2026-03-01T09:00:00Z');
      return {
        clock,
        a: makeStore({ clock: clock.now }),
        b: makeStore({ clock: clock.now }),
        c: makeStore({ clock: clock.now }),
        ws: newWorkspace(),
        planId: newPlanId(),
      };
    }

    it('hands what a dead attempt recorded to the attempt that takes over, in posting order', async () => {
      const { clock, a, b, c, ws, planId } = replicas();
      await a.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      for (const step of [summary(), reply(REPLIES[0] ?? ''), reply(REPLIES[1] ?? ''), file()]) {
        expect(await a.recordPublishStep(ws, planId, 'k', { ...LEASE, owner: 'A' }, step)).toBe(
          true,
        );
      }

      clock.advanceMs(MINUTE_MS);
      expect(await b.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toEqual({
        state: 'acquired',
        takenOverFrom: 'A',
        progress: { summaryTs: SUMMARY, replyTs: REPLIES.slice(0, 2), fileId: FILE },
      });
      // B continues where A stopped; whoever takes over from B sees both attempts' steps.
      expect(
        await b.recordPublishStep(
          ws,
          planId,
          'k',
          { ...LEASE, owner: 'B' },
          reply(REPLIES[2] ?? ''),
        ),
      ).toBe(true);
      clock.advanceMs(MINUTE_MS);
      expect(await c.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'C' })).toMatchObject({
        takenOverFrom: 'B',
        progress: { summaryTs: SUMMARY, replyTs: REPLIES, fileId: FILE },
      });
    });

    it('refuses a step from a replica that lost its lease: the new holder’s record stays as it was', async () => {
      const { clock, a, b, c, ws, planId } = replicas();
      await a.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      await a.recordPublishStep(ws, planId, 'k', { ...LEASE, owner: 'A' }, summary());
      clock.advanceMs(MINUTE_MS);
      await b.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' });

      // A, back from a stall, tries to record what it posted meanwhile.
      const late = [reply(REPLIES[0] ?? ''), summary('1767225699.000900'), file('F0LATE')];
      for (const step of late) {
        expect(await a.recordPublishStep(ws, planId, 'k', { ...LEASE, owner: 'A' }, step)).toBe(
          false,
        );
      }
      // Nor did A's refused steps extend anything: B's lease ends when B's own lease ends.
      clock.advanceMs(MINUTE_MS);
      expect(await c.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'C' })).toEqual({
        state: 'acquired',
        takenOverFrom: 'B',
        progress: { summaryTs: SUMMARY, replyTs: [] },
      });
    });

    it('records nothing once the publish is done, released, or never begun', async () => {
      const { a, ws, planId } = replicas();
      const lease = { ...LEASE, owner: 'A' };
      expect(await a.recordPublishStep(ws, planId, 'never', lease, summary())).toBe(false);
      expect(await a.beginPublish(ws, planId, 'never', lease)).toEqual({ state: 'acquired' });

      await a.beginPublish(ws, planId, 'released', lease);
      await a.recordPublishStep(ws, planId, 'released', lease, summary());
      await a.abandonPublish(ws, planId, 'released', lease);
      expect(
        await a.recordPublishStep(ws, planId, 'released', lease, reply(REPLIES[0] ?? '')),
      ).toBe(false);
      // Released after cleaning up: the retry starts from nothing.
      expect(await a.beginPublish(ws, planId, 'released', lease)).toEqual({ state: 'acquired' });

      await a.beginPublish(ws, planId, 'done', lease);
      await a.completePublish(ws, planId, 'done', {
        version: 1,
        post: { channel: 'C0OPS', summaryTs: SUMMARY, threadTs: SUMMARY, sectionTs: [] },
      });
      expect(await a.recordPublishStep(ws, planId, 'done', lease, file())).toBe(false);
      expect((await a.beginPublish(ws, planId, 'done', lease)).state).toBe('done');
    });

    it('extends the lease with each recorded step, like a renewal', async () => {
      const { clock, a, b, ws, planId } = replicas();
      await a.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'A' });
      clock.advanceMs(MINUTE_MS - 1000);
      await a.recordPublishStep(ws, planId, 'k', { ...LEASE, owner: 'A' }, summary());
      clock.advanceMs(MINUTE_MS - 1000);
      expect(await b.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toMatchObject({
        state: 'in_progress',
        by: 'A',
      });
    });

    it('starts the post over with a new summary: earlier replies and file are forgotten', async () => {
      const { clock, a, b, ws, planId } = replicas();
      const lease = { ...LEASE, owner: 'A' };
      await a.beginPublish(ws, planId, 'k', lease);
      for (const step of [summary(), reply(REPLIES[0] ?? ''), file()]) {
        await a.recordPublishStep(ws, planId, 'k', lease, step);
      }
      await a.recordPublishStep(ws, planId, 'k', lease, summary('1767225699.000900'));
      clock.advanceMs(MINUTE_MS);
      expect(await b.beginPublish(ws, planId, 'k', { ...LEASE, owner: 'B' })).toMatchObject({
        progress: { summaryTs: '1767225699.000900', replyTs: [] },
      });
    });

    it('refuses a step that is not a Slack ts or file id with invalid_input', async () => {
      const { a, ws, planId } = replicas();
      const lease = { ...LEASE, owner: 'A' };
      await a.beginPublish(ws, planId, 'k', lease);
      const steps = [
        { kind: 'summary', ts: 'not-a-ts' },
        { kind: 'reply', ts: '1.2 3.4' },
        { kind: 'file', fileId: 'F0 SPACE' },
        { kind: 'thread', ts: SUMMARY },
      ] as unknown as PublishStep[];
      for (const step of steps) {
        await expect(a.recordPublishStep(ws, planId, 'k', lease, step)).rejects.toSatisfy(
          (error: unknown) => isStoreError(error, 'invalid_input'),
        );
      }
      await expect(
        a.recordPublishStep(ws, planId, 'k', { ttlMs: 0, owner: 'A' }, summary()),
      ).rejects.toSatisfy((error: unknown) => isStoreError(error, 'invalid_input'));
    });
  });
}
