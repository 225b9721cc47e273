/** Raised when work outlives the time it was given. */
export class DeadlineExceededError extends Error {
  readonly code = 'deadline_exceeded';
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/**
 * Settles with `work`, or rejects with DeadlineExceededError after `ms`. The work itself is not
 * cancelled; its late outcome is ignored. For calls whose answer is only worth having inside
 * Slack's 3-second budget.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceededError(what, ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
