/** A clock tests move by hand. */
export interface FakeClock {
  now: () => Date;
  set(date: Date | string): void;
  advanceDays(days: number): void;
  advanceMs(ms: number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advanceDays: (days) => {
      current += days * 24 * 60 * 60 * 1000;
    },
    advanceMs: (ms) => {
      current += ms;
    },
  };
}
