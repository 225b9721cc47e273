/** Counts requests being handled so shutdown can wait for them instead of guessing. */
export interface InFlightTracker {
  begin(): void;
  end(): void;
  readonly count: number;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlightTracker(): InFlightTracker {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    begin() {
      count++;
    },
    end() {
      count = Math.max(0, count - 1);
      if (count === 0) {
        const resolved = waiters;
        waiters = [];
        for (const resolve of resolved) resolve();
      }
    },
    get count() {
      return count;
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(done);
      });
    },
  };
}
