import type { AppLogger } from '../../logging/logger.js';
import type { ScheduleStore } from '../../store/scheduleStore.js';
import { byBucket, clockOf, type HeldClaim } from './heldClaim.js';

export interface LeaseKeeper {
  /** Call when a claim is added: renewing runs while any claim is held. */
  wake(): void;
}

/**
 * Keeps every held claim's lease (queued or running) alive: every third of a lease, one script
 * call per bucket and batch extends them all to a full lease from now. A claim found taken over
 * is handed to `lost` (a queued one is then dropped; a running one learns it at its next step).
 */
export function createLeaseKeeper(options: {
  store: ScheduleStore;
  logger: AppLogger;
  leaseMs: number;
  batchSize: number;
  held: ReadonlySet<HeldClaim>;
  lost(claims: HeldClaim[]): void;
}): LeaseKeeper {
  const { store, logger, leaseMs, held } = options;
  const every = Math.max(Math.floor(leaseMs / 3), 50);
  let timer: NodeJS.Timeout | undefined;
  let renewing = false;

  const renewAll = async () => {
    const mono = performance.now();
    const slices = byBucket(
      [...held].filter((c) => c.state !== 'ended'),
      options.batchSize,
    );
    const results = await Promise.allSettled(
      slices.map(async (slice) => {
        const entries = slice.map((claim) => ({
          claim,
          sid: claim.sid,
          token: claim.token,
          at: new Date(clockOf(claim, mono) + leaseMs),
        }));
        const lost = await store.renewClaims(slice[0]?.bucket ?? 0, entries);
        return lost.map((entry) => entry.claim);
      }),
    );
    const lost: HeldClaim[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') lost.push(...result.value);
      else logger.log('warn', 'could not renew schedule claims', { err: String(result.reason) });
    }
    const stillHeld = lost.filter((claim) => held.has(claim) && claim.state !== 'ended');
    if (stillHeld.length > 0) {
      logger.log('warn', 'schedule claims taken over by another replica before they ended', {
        count: stillHeld.length,
      });
      options.lost(stillHeld);
    }
  };

  const onTimer = () => {
    if (held.size === 0) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    // A round slower than the interval (Redis busy) is not stacked with the next one.
    if (renewing) return;
    renewing = true;
    renewAll()
      .catch((error: unknown) => {
        logger.log('warn', 'could not renew schedule claims', { err: String(error) });
      })
      .finally(() => {
        renewing = false;
      });
  };

  return {
    wake() {
      timer ??= setInterval(onTimer, every);
    },
  };
}
