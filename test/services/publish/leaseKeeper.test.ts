import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepLease } from '../../../src/services/publish/leaseKeeper.js';

/**
 * The timer that keeps a publish lease while the attempt waits on Slack. Pure timing logic: the
 * renewal is scripted here, the store side is covered by the service and store tests.
 */

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function scripted(answers: Array<boolean | Error>) {
  const calls: number[] = [];
  const renew = async () => {
    calls.push(Date.now());
    const answer = answers.shift() ?? true;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { renew, calls };
}

const timeout = () => new Error('Command timed out');

describe('publish lease keeper', () => {
  it('renews every third of the lease for as long as the attempt runs, then stops', async () => {
    const { renew, calls } = scripted([]);
    const keeper = keepLease({ renew, leaseMs: 15_000, renewEveryMs: 5_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(12);
    expect(keeper.state()).toBe('held');
    keeper.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(12);
  });

  it('survives one failed renewal, and gives up when the lease could end before the next one', async () => {
    const failures = [timeout(), true, timeout(), timeout()];
    const told: unknown[] = [];
    const keeper = keepLease({
      renew: scripted(failures).renew,
      leaseMs: 15_000,
      renewEveryMs: 5_000,
      onStorageFailure: (error) => told.push(error),
    });
    // 5 s: fails, the lease (from 0 s) has 10 s left. 10 s: renewed. 15 s: fails, 10 s left.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(keeper.state()).toBe('held');
    // 20 s: fails again, and only 5 s of the lease renewed at 10 s are left: less than an interval.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(keeper.state()).toBe('storage_unavailable');
    expect(told).toHaveLength(1);
  });

  it('counts a step recorded meanwhile as a renewal', async () => {
    const keeper = keepLease({
      renew: scripted([timeout(), timeout()]).renew,
      leaseMs: 15_000,
      renewEveryMs: 5_000,
    });
    await vi.advanceTimersByTimeAsync(9_000);
    keeper.confirmed();
    await vi.advanceTimersByTimeAsync(1_000);
    // Two renewals failed, but the lease was extended 1 s ago.
    expect(keeper.state()).toBe('held');
  });

  it('reports a lease another attempt holds now, and renews no more', async () => {
    const { renew, calls } = scripted([true, false]);
    const keeper = keepLease({ renew, leaseMs: 15_000, renewEveryMs: 5_000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(keeper.state()).toBe('lost');
    expect(calls).toHaveLength(2);
  });
});
