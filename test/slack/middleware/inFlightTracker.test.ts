import { describe, expect, it } from 'vitest';
import { createInFlightTracker } from '../../../src/slack/middleware/inFlightTracker.js';

describe('createInFlightTracker', () => {
  it('is drained at once when idle', async () => {
    expect(await createInFlightTracker().drained(10)).toBe(true);
  });

  it('resolves drained when the last request ends, not before', async () => {
    const tracker = createInFlightTracker();
    tracker.begin();
    tracker.begin();
    let done = false;
    const drained = tracker.drained(5_000).then((v) => {
      done = true;
      return v;
    });
    tracker.end();
    await Promise.resolve();
    expect(done).toBe(false);
    tracker.end();
    expect(await drained).toBe(true);
  });

  it('gives up after the timeout and reports false', async () => {
    const tracker = createInFlightTracker();
    tracker.begin();
    expect(await tracker.drained(20)).toBe(false);
    expect(tracker.count).toBe(1);
  });
});
