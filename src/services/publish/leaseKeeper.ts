/**
 * Keeps a publish lease alive on a timer while the attempt runs. Renewing only between posts is not
 * enough with a short lease: one Slack call may wait out a Retry-After (up to 30 s) or a slow upload,
 * and a live replica must not lose its lease to a retry while it waits.
 */

export type LeaseState =
  | 'held'
  /** Another attempt holds the lease now (this one stalled past it). */
  | 'lost'
  /** Renewals failed for so long that the lease may have run out: stop rather than guess. */
  | 'storage_unavailable';

export interface LeaseKeeper {
  state(): LeaseState;
  /** The store just extended the lease by other means (recording a step does). */
  confirmed(): void;
  /** The store refused a write under the lease: someone else holds it. */
  lost(): void;
  stop(): void;
}

export interface LeaseKeeperOptions {
  /** True while the caller still holds the lease (and it was extended); throws if storage failed. */
  renew(): Promise<boolean>;
  leaseMs: number;
  renewEveryMs: number;
  /** Told once, when the lease is given up for lack of storage (the error of the last renewal). */
  onStorageFailure?(error: unknown): void;
}

export function keepLease(options: LeaseKeeperOptions): LeaseKeeper {
  const { leaseMs, renewEveryMs } = options;
  let state: LeaseState = 'held';
  let confirmedAt = Date.now();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (stopped || state !== 'held') return;
    timer = setTimeout(() => void tick(), renewEveryMs);
    // A publish in flight keeps the process busy by itself; the timer must not.
    timer.unref();
  };
  const tick = async () => {
    try {
      const held = await options.renew();
      if (stopped) return;
      if (held) confirmedAt = Date.now();
      else state = 'lost';
    } catch (error) {
      if (stopped) return;
      // One failed renewal is retried at the next tick while the lease surely outlasts it; the
      // attempt gives up only when the lease could end before the tick after that.
      if (Date.now() - confirmedAt >= leaseMs - renewEveryMs) {
        state = 'storage_unavailable';
        options.onStorageFailure?.(error);
      }
    }
    schedule();
  };
  schedule();

  return {
    state: () => state,
    confirmed() {
      if (state === 'held') confirmedAt = Date.now();
    },
    lost() {
      state = 'lost';
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
