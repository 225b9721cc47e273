import type { ClaimRef } from '../../store/scheduleStore.js';

/** A claim this replica holds: queued for a job slot, running, or ended (no longer held). */
export interface HeldClaim extends ClaimRef {
  workspace: string;
  state: 'queued' | 'running' | 'ended';
  /** The pass's clock (ms) when it was claimed, and the monotonic instant that reading was taken. */
  claimedAt: number;
  claimedMono: number;
  /** The pass that claimed it, which waits until its claims have ended. */
  pass: PassClaims;
}

/** What one pass claimed and has yet to see end: one counter, not a promise per claim. */
export class PassClaims {
  claimed = 0;
  private open = 0;
  private claiming = true;
  private resolve: () => void = () => undefined;
  readonly allEnded = new Promise<void>((resolve) => {
    this.resolve = resolve;
  });

  add(count: number): void {
    this.claimed += count;
    this.open += count;
  }

  /** One of its claims ended (run, lost or given back). */
  ended(): void {
    this.open--;
    if (!this.claiming && this.open === 0) this.resolve();
  }

  /** The pass claims nothing more: it is over once the open claims end. */
  doneClaiming(): void {
    this.claiming = false;
    if (this.open === 0) this.resolve();
  }
}

/**
 * The claim's clock now: its pass's clock moved on by the real time since. Passes run on the
 * tick's clock (tests drive any instant), and the lease was set on that clock, so renewals and
 * runs must follow it rather than the wall clock.
 */
export function clockOf(claim: HeldClaim, mono = performance.now()): number {
  return claim.claimedAt + (mono - claim.claimedMono);
}

/** Groups claims by bucket in slices of at most `size` (one script call each). */
export function byBucket(claims: Iterable<HeldClaim>, size: number): HeldClaim[][] {
  const buckets = new Map<number, HeldClaim[][]>();
  for (const claim of claims) {
    let slices = buckets.get(claim.bucket);
    if (!slices) {
      slices = [[]];
      buckets.set(claim.bucket, slices);
    }
    let last = slices[slices.length - 1] as HeldClaim[];
    if (last.length >= size) {
      last = [];
      slices.push(last);
    }
    last.push(claim);
  }
  return [...buckets.values()].flat();
}
