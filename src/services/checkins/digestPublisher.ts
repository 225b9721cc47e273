import { randomUUID } from 'node:crypto';
import type { ChatPostMessageArguments, ChatUpdateArguments } from '@slack/web-api';
import type { AppLogger } from '../../logging/logger.js';
import { dateTime } from '../../slack/ui/browse/timeText.js';
import { digestMessage } from '../../slack/ui/schedule/digestMessage.js';
import type { SlackMessage } from '../../slack/ui/slackMessage.js';
import type { CheckinRoundState, KpiReading, KpiValuesStore } from '../../store/kpiValuesStore.js';
import type { PlanScheduleSettings } from '../../store/scheduleStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';
import {
  loadPublishedPlan,
  type PublishedPlan,
  type PublishedPlanSource,
} from './publishedPlan.js';
import { everyoneAnswered, roundDigestInput } from './roundDigest.js';

/** How the digest reaches Slack: the engine's paced sender in jobs, the bot client on requests. */
export interface DigestSender {
  postMessage(args: ChatPostMessageArguments): Promise<{ channel: string; ts: string }>;
  updateMessage(args: ChatUpdateArguments): Promise<void>;
}

export interface DigestDeps extends PublishedPlanSource {
  values: KpiValuesStore;
  settingsOf(ws: WorkspaceKey, planId: string): Promise<PlanScheduleSettings>;
  logger: AppLogger;
  /** How long a claim to post the digest holds before another caller may take over. */
  claimLeaseMs?: number;
  /** Wall clock for claim leases (process deaths happen in real time, not in a test's `now`). */
  wallClockMs?: () => number;
}

export type DigestOutcome =
  | 'posted'
  | 'updated'
  /** Already posted and showing every answer. */
  | 'unchanged'
  /** Neither everyone answered nor has the window closed. */
  | 'waiting'
  /** Someone else is posting it right now. */
  | 'busy'
  /** The round expired or its version is gone. */
  | 'gone'
  | 'no_channel';

const MAX_RENDERS = 4;

/**
 * Posts a round's digest once (when every owner answered or the window closed, whichever first),
 * and rewrites it in place when answers arrive later. Rendering is re-done until the message shows
 * the newest answers: two late answers handled at once both end with the later state on screen.
 */
export async function publishDigest(
  deps: DigestDeps,
  sender: DigestSender,
  ref: { ws: WorkspaceKey; planId: string; roundId: string },
  now: Date,
): Promise<DigestOutcome> {
  const { ws, planId, roundId } = ref;
  const wallClock = deps.wallClockMs ?? Date.now;
  const token = randomUUID();
  let outcome: DigestOutcome = 'waiting';
  for (let attempt = 0; attempt < MAX_RENDERS; attempt++) {
    const state = await deps.values.getRound(ws, planId, roundId);
    if (!state) return 'gone';
    const plan = await loadPublishedPlan(deps, ws, planId, state.round.version);
    if (!plan) return 'gone';
    if (!plan.channel) return 'no_channel';
    if (state.digest?.revision === state.revision)
      return outcome === 'waiting' ? 'unchanged' : outcome;
    const message = await renderDigest(deps, ws, plan, state);
    if (state.digest) {
      const { channel, ts } = state.digest;
      await sender.updateMessage({ channel, ts, ...message });
      await deps.values.attachDigest(ws, planId, roundId, {
        ...state.digest,
        revision: state.revision,
      });
      outcome = outcome === 'posted' ? 'posted' : 'updated';
    } else {
      if (now < state.round.closesAt && !everyoneAnswered(state)) return 'waiting';
      const claim = await deps.values.claimDigest(ws, planId, roundId, {
        token,
        nowMs: wallClock(),
        leaseMs: deps.claimLeaseMs ?? 60_000,
      });
      if (claim.state === 'busy') return 'busy';
      if (claim.state === 'posted') continue; // someone finished first: update theirs instead
      const posted = await sender.postMessage({ channel: plan.channel, ...message });
      const digest = {
        channel: posted.channel,
        ts: posted.ts,
        postedAt: now,
        revision: state.revision,
      };
      await deps.values.attachDigest(ws, planId, roundId, digest);
      deps.logger.log('info', 'check-in digest posted', { ws, planId, roundId });
      outcome = 'posted';
    }
    const after = await deps.values.getRound(ws, planId, roundId);
    if (!after || after.revision === state.revision) return outcome;
  }
  return outcome;
}

async function renderDigest(
  deps: DigestDeps,
  ws: WorkspaceKey,
  plan: PublishedPlan,
  state: CheckinRoundState,
): Promise<SlackMessage> {
  const settings = await deps.settingsOf(ws, plan.version.planId);
  const timeZone = settings.timezone ?? plan.plan.meta.timezone;
  const locale = plan.plan.meta.language;
  const histories = new Map<string, KpiReading[]>();
  for (const kpiId of state.round.kpiIds) {
    histories.set(kpiId, await deps.values.history(ws, plan.version.planId, kpiId, 8));
  }
  const late = lateAnswerTime(state);
  const thresholds = await deps.values.getThresholds(ws, plan.version.planId);
  const input = roundDigestInput({
    state,
    plan,
    histories,
    timeZone,
    thresholds,
    locale,
    ...(late ? { updatedAt: dateTime(late, locale, timeZone) } : {}),
  });
  return digestMessage(input);
}

/** The newest answer that came after the digest was posted. */
function lateAnswerTime(state: CheckinRoundState): Date | undefined {
  const postedAt = state.digest?.postedAt;
  if (!postedAt) return undefined;
  const late = Object.values(state.answers)
    .map((a) => a.at)
    .filter((at) => at > postedAt)
    .sort((a, b) => b.getTime() - a.getTime());
  return late[0];
}
