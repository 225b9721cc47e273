import { catchUp, nextOccurrence } from '../../domain/schedule/index.js';
import type { AppLogger } from '../../logging/logger.js';
import { isStoreError } from '../../store/errors.js';
import type { ClaimRef, ScheduleStore, StoredSchedule } from '../../store/scheduleStore.js';
import type { JobContext, JobHandler, JobKind } from './contract.js';
import { ClaimLostError, createJobTools, createStepRunner } from './jobTools.js';
import type { GateWait, PacedSender } from './pacedSender.js';

export interface ClaimRunnerSettings {
  leaseMs: number;
  /** A missed occurrence older than this is skipped (logged), never sent. */
  graceMs: number;
  /** Up to this long after its instant an occurrence is on time (not marked late). */
  onTimeMs: number;
  /** After a failed run, try again this much later… */
  retryDelayMs: number;
  /** …at most this many times, then give the occurrence up (logged as an error). */
  maxAttempts: number;
  /** How long a finished one-off is remembered, so a repeated defer or command stays a no-op. */
  oneOffTtlMs: number;
}

export interface ClaimRunnerDeps {
  store: ScheduleStore;
  sender: PacedSender;
  logger: AppLogger;
  handlers: ReadonlyMap<JobKind, JobHandler>;
  settings: ClaimRunnerSettings;
}

const JOB_KINDS: readonly string[] = [
  'revision_reminder',
  'kpi_checkin',
  'checkin_nudge',
  'checkin_digest',
] satisfies JobKind[];

const CORRUPT_PARK_MS = 60 * 60 * 1000;

/** The whole occurrence is itself a step: once it completed, a re-run skips the handler. */
const OCCURRENCE_STEP = '_occurrence';

interface Due {
  periodKey: string;
  at: Date;
  late: boolean;
}

/**
 * Runs what one claim covers, then ends the claim with the schedule's progress and next due time.
 * `now` is the claim's clock (the tick's, tests pass any instant). The claim loop keeps the lease
 * renewed for as long as the claim is held, so a slow round (a thousand DMs at Slack's pace)
 * keeps its claim.
 */
export async function runClaim(
  deps: ClaimRunnerDeps,
  claim: ClaimRef,
  now: Date,
  waitForGate?: GateWait,
): Promise<void> {
  const { store } = deps;
  let record: StoredSchedule | null;
  try {
    record = await store.read(claim.bucket, claim.sid);
  } catch (error) {
    if (!isStoreError(error, 'corrupt_record')) throw error;
    // Unreadable (a bug or tampering): set aside for a while instead of failing every lease.
    deps.logger.log('error', 'schedule record unreadable; parked for an hour', {
      sid: claim.sid,
      details: error.details,
    });
    await store.completeClaim(claim, {
      revRead: '*',
      now,
      nextDue: new Date(+now + CORRUPT_PARK_MS),
    });
    return;
  }
  if (record === null) {
    await store.completeClaim(claim, { revRead: '', now });
    return;
  }
  const logger = deps.logger.child({
    ws: record.ws,
    planId: record.planId,
    kind: record.kind,
    target: record.target,
  });

  const job: Job = { deps, claim, now, logger, ...(waitForGate ? { waitForGate } : {}) };
  const outcome =
    record.type === 'recurring' ? await runRecurring(job, record) : await runOneOff(job, record);
  if (outcome === 'lost') return;
  const ended = await store.completeClaim(claim, { ...outcome, revRead: record.rev, now });
  if (ended === 'lost') {
    logger.log('warn', 'schedule claim expired before it completed; another replica took over');
  }
}

/** One claim's run: what every step of it needs. */
interface Job {
  deps: ClaimRunnerDeps;
  claim: ClaimRef;
  now: Date;
  logger: AppLogger;
  waitForGate?: GateWait;
}

type Outcome =
  | 'lost'
  | { lastDone?: Date; nextDue?: Date; attempts?: number; finishedTtlMs?: number };

async function runRecurring(
  job: Job,
  record: Extract<StoredSchedule, { type: 'recurring' }>,
): Promise<Outcome> {
  const { deps, claim, now, logger } = job;
  const { settings, store } = deps;
  const lastDone = record.lastDone ?? record.createdAt;
  // A claim that was lost mid-occurrence (replica died) left it half sent: finish it first, even
  // if catch-up alone would now call it skipped. Its done steps are not repeated.
  const resumed =
    record.running !== undefined && +record.running.at > +lastDone ? record.running : undefined;
  if (resumed) {
    logger.log('warn', 'finishing an occurrence a lost claim left unfinished', {
      periodKey: resumed.periodKey,
    });
  }
  const from = resumed?.at ?? lastDone;
  const plan = catchUp(record.spec, from, now, settings.graceMs, { onTimeMs: settings.onTimeMs });
  for (const skipped of plan.skipped) {
    logger.log('info', 'scheduled occurrence skipped: older than the grace window', {
      periodKey: skipped.periodKey,
      scheduledAt: skipped.at.toISOString(),
    });
  }
  if (plan.skippedTruncated) logger.log('info', 'more skipped occurrences not listed');

  const work: Due[] = [
    ...(resumed ? [{ ...resumed, late: +now - +resumed.at > settings.onTimeMs }] : []),
    ...plan.due,
  ];
  for (const due of work) {
    if (!(await store.markRunning(claim, due))) return 'lost';
    const result = await runOccurrence(job, record, due, 'schedule');
    if (result === 'lost') return 'lost';
    if (result === 'failed') {
      const attempts = record.attempts + 1;
      if (attempts < settings.maxAttempts) {
        // Everything before this occurrence is settled; it is retried (still late-aware) soon.
        return {
          lastDone: new Date(+due.at - 1),
          nextDue: new Date(+now + settings.retryDelayMs),
          attempts,
        };
      }
      logger.log('error', 'scheduled occurrence given up after repeated failures', {
        periodKey: due.periodKey,
        attempts,
      });
      return { lastDone: due.at, nextDue: now };
    }
  }
  const next = nextOccurrence(record.spec, now);
  return { lastDone: now, ...(next ? { nextDue: next.at } : {}) };
}

async function runOneOff(
  job: Job,
  record: Extract<StoredSchedule, { type: 'one_off' }>,
): Promise<Outcome> {
  const { deps, now, logger } = job;
  const { settings } = deps;
  const finished = { finishedTtlMs: settings.oneOffTtlMs };
  if (record.finished) return finished;
  const age = +now - +record.at;
  if (age > settings.graceMs) {
    logger.log('info', 'one-off job skipped: older than the grace window', {
      periodKey: record.periodKey,
      scheduledAt: record.at.toISOString(),
    });
    return finished;
  }
  const due: Due = { periodKey: record.periodKey, at: record.at, late: age > settings.onTimeMs };
  const result = await runOccurrence(job, record, due, record.trigger);
  if (result === 'lost') return 'lost';
  if (result === 'done') return finished;
  const attempts = record.attempts + 1;
  if (attempts < settings.maxAttempts) {
    return { nextDue: new Date(+now + settings.retryDelayMs), attempts };
  }
  logger.log('error', 'one-off job given up after repeated failures', {
    periodKey: record.periodKey,
    attempts,
  });
  return finished;
}

async function runOccurrence(
  job: Job,
  record: StoredSchedule,
  due: Due,
  trigger: JobContext['trigger'],
): Promise<'done' | 'failed' | 'lost'> {
  const { deps, claim, now, logger } = job;
  const kind = record.kind as JobKind;
  const handler = JOB_KINDS.includes(record.kind) ? deps.handlers.get(kind) : undefined;
  if (handler === undefined) {
    logger.log('warn', 'no handler for a scheduled job kind; occurrence not sent', {
      periodKey: due.periodKey,
    });
    return 'done';
  }
  const occurrence = {
    ws: record.ws,
    planId: record.planId,
    kind: record.kind,
    target: record.target,
    periodKey: due.periodKey,
  };
  const steps = createStepRunner(deps.store, claim, occurrence, logger);
  const ctx: JobContext = {
    ws: record.ws,
    planId: record.planId,
    kind,
    target: record.target,
    periodKey: due.periodKey,
    scheduledAt: due.at,
    now,
    late: due.late,
    trigger,
  };
  const tools = createJobTools({
    store: deps.store,
    sender: deps.sender,
    steps,
    occurrence,
    payload: record.type === 'one_off' ? record.payload : undefined,
    now,
    ...(job.waitForGate ? { waitForGate: job.waitForGate } : {}),
  });
  try {
    await steps.once(OCCURRENCE_STEP, async () => {
      await handler.run(ctx, tools);
      return true;
    });
    logger.log('info', 'scheduled job ran', {
      periodKey: due.periodKey,
      scheduledAt: due.at.toISOString(),
      late: due.late,
      trigger,
    });
    return 'done';
  } catch (error) {
    if (error instanceof ClaimLostError) {
      logger.log('warn', 'stopped a job: another replica took its occurrence over', {
        periodKey: due.periodKey,
      });
      return 'lost';
    }
    logger.log('error', 'scheduled job failed', {
      periodKey: due.periodKey,
      err: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    });
    return 'failed';
  }
}
