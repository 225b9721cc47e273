import type { AppLogger } from '../../logging/logger.js';
import type { ClaimRef, ScheduleOccurrenceRef, ScheduleStore } from '../../store/scheduleStore.js';
import type { JobTools } from './contract.js';
import type { GateWait, PacedSender } from './pacedSender.js';

/** Thrown inside a job when another replica has claimed the occurrence since (our lease ran out). */
export class ClaimLostError extends Error {
  override readonly name = 'ClaimLostError';
}

export interface StepRunner {
  once<T>(stepKey: string, send: () => Promise<T>): Promise<T>;
}

/**
 * Exactly-once steps of one occurrence for the replica holding its claim. A step's result is
 * recorded (as JSON: `send` must return JSON-serialisable data) before `once` returns, so whoever
 * runs the occurrence next gets the stored result instead of sending again. The one unavoidable
 * gap: a replica that dies between Slack accepting a message and the record being written leaves
 * the step "started, outcome unknown"; the replica taking over sends it again (logged as a
 * retaken step). That window is one Slack call long.
 */
export function createStepRunner(
  store: ScheduleStore,
  claim: ClaimRef,
  occurrence: ScheduleOccurrenceRef,
  logger: AppLogger,
): StepRunner {
  return {
    async once<T>(stepKey: string, send: () => Promise<T>): Promise<T> {
      const begin = await store.beginStep(claim, occurrence, stepKey);
      if (begin.state === 'lost') throw new ClaimLostError(`claim of ${claim.sid} was taken over`);
      if (begin.state === 'done') return begin.result as T;
      if (begin.retakenFrom !== undefined) {
        logger.log('warn', 'retrying a step a lost claim started (its outcome is unknown)', {
          step: stepKey,
          periodKey: occurrence.periodKey,
        });
      }
      let result: T;
      try {
        result = await send();
      } catch (error) {
        await store.releaseStep(claim, occurrence, stepKey).catch(() => undefined);
        throw error;
      }
      await store.completeStep(claim, occurrence, stepKey, result);
      return result;
    },
  };
}

export function createJobTools(options: {
  store: ScheduleStore;
  sender: PacedSender;
  steps: StepRunner;
  occurrence: ScheduleOccurrenceRef;
  payload: unknown;
  now: Date;
  /** How this job's sends wait for their gates (the claim loop's: without holding a job slot). */
  waitForGate?: GateWait;
}): JobTools {
  const { store, sender, steps, occurrence, now, waitForGate } = options;
  const { ws, planId } = occurrence;
  return {
    once: (stepKey, send) => steps.once(stepKey, send),
    postMessage: (args) => sender.postMessage(ws, args, waitForGate),
    updateMessage: (args) => sender.updateMessage(ws, args, waitForGate),
    openDm: (userId) => sender.openDm(ws, userId, waitForGate),
    async defer(job) {
      await store.addOneOff(
        ws,
        planId,
        {
          kind: job.kind,
          target: job.target,
          periodKey: job.periodKey,
          at: job.at,
          trigger: 'schedule',
          ...(job.payload !== undefined ? { payload: job.payload } : {}),
        },
        now,
      );
    },
    payload: options.payload,
  };
}
