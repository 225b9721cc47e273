import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { startSchedulerClock } from '../../src/scheduler/schedulerClock.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('startSchedulerClock', () => {
  it('runs every job on a tick side by side; a failing job neither stops nor delays the others', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (l) => lines.push(l) });
    const slowStarted = deferred();
    const releaseSlow = deferred();
    const quickRan = deferred<Date>();
    const clock = startSchedulerClock({
      tick: '* * * * * *',
      logger,
      jobs: [
        {
          name: 'slow',
          run: async () => {
            slowStarted.resolve();
            await releaseSlow.promise;
          },
        },
        {
          name: 'failing',
          run: async () => {
            throw new Error('boom');
          },
        },
        { name: 'quick', run: async (now) => quickRan.resolve(now) },
      ],
    });
    await slowStarted.promise;
    // The quick job ran while the slow one is still busy.
    expect(await quickRan.promise).toBeInstanceOf(Date);

    let stopped = false;
    const stopping = clock.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false); // waits for the tick in flight
    releaseSlow.resolve();
    await stopping;
    expect(lines.some((l) => l.includes('"job":"failing"') && l.includes('boom'))).toBe(true);
  });
});
