import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppLogger } from '../../logging/logger.js';
import type { ClaimRef, ScheduleStore } from '../../store/scheduleStore.js';
import { ClaimQueue } from './claimQueue.js';
import { Fifo } from './fifo.js';
import { byBucket, clockOf, type HeldClaim, PassClaims } from './heldClaim.js';
import { createLeaseKeeper } from './leaseKeeper.js';
import type { GateWait } from './pacedSender.js';

export interface ClaimLoopOptions {
  store: ScheduleStore;
  logger: AppLogger;
  replicaId: string;
  leaseMs: number;
  /** Ids claimed (and leases renewed or released) per script call. */
  batchSize: number;
  /** Jobs running at once. A job waiting for a Slack gate gives its slot up meanwhile. */
  maxConcurrentJobs: number;
  /** Claims held at once, queued or running; beyond it claiming pauses until some end. */
  maxClaimsHeld: number;
  /** Jobs of one workspace running at once (Slack paces a workspace's sends anyway). */
  maxJobsPerWorkspace: number;
  run(claim: ClaimRef, now: Date, waitForGate: GateWait): Promise<void>;
}

export interface ClaimLoop {
  /**
   * Claims everything due at `now` (up to `maxClaimsHeld` held at once), queues it for job slots,
   * and resolves when each of those claims has ended: run, or given back on stop.
   */
  pass(now: Date): Promise<{ claimed: number }>;
  /**
   * Stops claiming, gives queued claims back (due at once, for any replica) and resolves when
   * every job already started has ended.
   */
  stop(): Promise<void>;
}

/**
 * The claim side of a tick, decoupled from running: a pass claims every due schedule in batches
 * (a few script calls for thousands), the claims wait in an in-process queue whose leases are
 * renewed in bulk, and jobs start as slots free. Claiming takes one batch per due bucket in turn,
 * starting at a different bucket each pass so replicas rarely contend; starting takes one claim
 * per workspace in turn (ClaimQueue). A claim is this replica's until it ends or its lease
 * expires unrenewed (the replica died or stalled): then another replica claims it, and this one
 * can no longer step or complete it.
 */
export function createClaimLoop(options: ClaimLoopOptions): ClaimLoop {
  const { store, logger } = options;
  const held = new Set<HeldClaim>();
  const queue = new ClaimQueue<HeldClaim>(options.maxJobsPerWorkspace, (c) => c.workspace);
  /** Jobs back from a gate wait, waiting for a slot; they go before claims not yet started. */
  const resuming = new Fifo<() => boolean>();
  const running = new Set<Promise<void>>();
  const givingBack = new Set<Promise<void>>();
  /** Claim rounds under way (what one returns after stop() is given back at once). */
  const claiming = new Set<Promise<unknown>>();
  const roomWaiters: Array<() => void> = [];
  let slotsInUse = 0;
  let stopping = false;
  let nextStart = Math.floor(Math.random() * store.buckets);
  // At the cap, claiming resumes once a batch (or a quarter of the cap) is free, not after every
  // single end: one script call per batch rather than one per claim.
  const refill = Math.max(1, Math.min(options.batchSize, Math.floor(options.maxClaimsHeld / 4)));

  const end = (claim: HeldClaim) => {
    claim.state = 'ended';
    if (!held.delete(claim)) return;
    claim.pass.ended();
    if (options.maxClaimsHeld - held.size >= refill || held.size === 0) {
      for (const wake of roomWaiters.splice(0)) wake();
    }
  };

  const keeper = createLeaseKeeper({
    store,
    logger,
    leaseMs: options.leaseMs,
    batchSize: options.batchSize,
    held,
    lost(claims) {
      // A queued one is dropped (its new holder runs it); a running one stops at its next step.
      for (const claim of claims) if (claim.state === 'queued') end(claim);
    },
  });

  const pump = () => {
    while (slotsInUse < options.maxConcurrentJobs) {
      const resume = resuming.shift();
      if (resume) {
        if (resume()) slotsInUse++;
        continue;
      }
      // Claiming first: a round takes milliseconds, and jobs started meanwhile would put their
      // commands and CPU ahead of the next round's answer (10,000 due: ~1 s instead of ~0.1 s).
      if (stopping || claiming.size > 0) return;
      const claim = queue.take();
      if (!claim) return;
      if (claim.state === 'queued') start(claim);
      else queue.done(claim);
    }
  };

  const start = (claim: HeldClaim) => {
    claim.state = 'running';
    slotsInUse++;
    let holdsSlot = true;
    let ended = false;
    let reacquired: Promise<void> | undefined;
    const waitForGate: GateWait = async (ms) => {
      if (holdsSlot) {
        holdsSlot = false;
        slotsInUse--;
        pump();
      }
      await sleep(ms);
      if (holdsSlot) return;
      // Concurrent waits of one job share one slot.
      reacquired ??= new Promise<void>((resolve) => {
        resuming.push(() => {
          reacquired = undefined;
          resolve();
          if (ended) return false;
          holdsSlot = true;
          return true;
        });
        pump();
      });
      await reacquired;
    };
    const job = options
      .run(claim, new Date(clockOf(claim)), waitForGate)
      .catch((error: unknown) => {
        logger.log('error', 'scheduled claim failed', {
          err:
            error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
      })
      .finally(() => {
        ended = true;
        if (holdsSlot) slotsInUse--;
        running.delete(job);
        queue.done(claim);
        end(claim);
        pump();
      });
    running.add(job);
  };

  /** Unrun claims go back to the due index at once (not after their lease) for any replica. */
  const giveBack = (claims: HeldClaim[]) => {
    if (claims.length === 0) return;
    for (const claim of claims) held.delete(claim);
    const done = Promise.allSettled(
      byBucket(claims, options.batchSize).map((slice) =>
        store.releaseClaims(
          slice[0]?.bucket ?? 0,
          slice.map((c) => ({ sid: c.sid, token: c.token, at: new Date(clockOf(c)) })),
        ),
      ),
    ).then((results) => {
      const failed = results.filter((r) => r.status === 'rejected');
      if (failed.length > 0) {
        // Their leases expire unrenewed instead: another replica runs them a few seconds later.
        logger.log('warn', 'could not give queued schedule claims back', {
          err: String((failed[0] as PromiseRejectedResult).reason),
        });
      }
      const released = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value : 0), 0);
      logger.log('info', 'gave queued schedule claims back on stop', {
        count: claims.length,
        released,
      });
      for (const claim of claims) {
        claim.state = 'ended';
        claim.pass.ended();
      }
      givingBack.delete(done);
    });
    givingBack.add(done);
  };

  /** Takes a batch just claimed into the queue (or, once stopping, straight back to Redis). */
  const hold = (claims: HeldClaim[]) => {
    if (claims.length === 0) return;
    for (const claim of claims) held.add(claim);
    keeper.wake();
    if (stopping) giveBack(claims);
    else for (const claim of claims) queue.push(claim);
    pump();
  };

  const room = () =>
    new Promise<void>((resolve) => {
      roomWaiters.push(resolve);
    });

  return {
    async pass(now) {
      if (stopping) return { claimed: 0 };
      const passMono = performance.now();
      const mine = new PassClaims();
      const first = nextStart;
      nextStart = (nextStart + 1) % store.buckets;
      const distance = (bucket: number) => (bucket - first + store.buckets) % store.buckets;
      let active = (await store.dueBuckets(now)).sort((a, b) => distance(a) - distance(b));
      const claimBatch = async (bucket: number, limit: number) => {
        const token = `${options.replicaId}:${randomUUID()}`;
        // The pass's clock moves on with real time: a lease set after a long wait for room
        // must end a lease from *now*, not from the tick.
        const claimedMono = performance.now();
        const claimedAt = +now + (claimedMono - passMono);
        const ids = await store.claimDue(
          bucket,
          new Date(claimedAt),
          options.leaseMs,
          limit,
          token,
        );
        mine.add(ids.length);
        hold(
          ids.map((sid) => ({
            bucket,
            sid,
            token,
            workspace: store.workspaceOf(sid),
            state: 'queued' as const,
            claimedAt,
            claimedMono,
            pass: mine,
          })),
        );
        return ids.length;
      };
      // Rounds of one batch per due bucket, sent together (one round trip, not one per bucket,
      // ahead of the jobs' own commands): a bucket with a big backlog is not drained before the
      // others get their turn, nor, with the queue nearly full, claimed instead of them.
      while (active.length > 0 && !stopping) {
        while (!stopping && options.maxClaimsHeld - held.size <= 0) {
          pump();
          await room();
        }
        if (stopping) break;
        // The room left, shared out: as many claims as the cap allows, never more.
        const space = options.maxClaimsHeld - held.size;
        const turn = active.slice(0, space);
        const share = Math.floor(space / turn.length);
        const limits = turn.map((_, i) =>
          Math.min(options.batchSize, share + (i < space % turn.length ? 1 : 0)),
        );
        // Settled together, so stop() never misses a batch that answered after another failed.
        const round = Promise.allSettled(
          turn.map((bucket, i) => claimBatch(bucket, limits[i] ?? 1)),
        );
        claiming.add(round);
        const results = await round.finally(() => claiming.delete(round));
        const counts = results.map((result) => {
          if (result.status === 'rejected') throw result.reason;
          return result.value;
        });
        const drained = new Set(turn.filter((_, i) => (counts[i] ?? 0) < (limits[i] ?? 1)));
        // Buckets that had their turn go last, so a small cap still serves every bucket in turn.
        active = [...active.slice(turn.length), ...turn.filter((bucket) => !drained.has(bucket))];
      }
      pump();
      mine.doneClaiming();
      await mine.allEnded;
      return { claimed: mine.claimed };
    },
    async stop() {
      stopping = true;
      for (const wake of roomWaiters.splice(0)) wake();
      giveBack(queue.drain().filter((claim) => claim.state === 'queued'));
      while (running.size > 0 || givingBack.size > 0 || claiming.size > 0) {
        await Promise.allSettled([...running, ...givingBack, ...claiming]);
      }
    },
  };
}
