import type { ChatPostMessageArguments, ChatUpdateArguments } from '@slack/web-api';
import type { WorkspaceKey } from '../../store/workspaceKey.js';

/**
 * The contract between the scheduler engine (claims, leases, pacing, exactly-once) and the
 * content built on top of it (what a reminder, check-in, nudge or digest says). Fields may be
 * added here, never removed.
 */
export type JobKind = 'revision_reminder' | 'kpi_checkin' | 'checkin_nudge' | 'checkin_digest';

export interface JobContext {
  ws: WorkspaceKey;
  planId: string;
  kind: JobKind;
  /** 'plan' for revision reminders; the KPI id or the round id for check-in kinds. */
  target: string;
  /** The local period of this occurrence (from the schedule domain), e.g. '2027-Q2', '2027-W14'. */
  periodKey: string;
  scheduledAt: Date;
  now: Date;
  /** Sent after downtime inside the grace window. */
  late: boolean;
  /** 'schedule' | 'on_demand' (/opsplan remind <plan> now). */
  trigger: 'schedule' | 'on_demand';
}

export interface JobTools {
  /**
   * Runs `send` at most once per (plan, kind, target, periodKey, stepKey) across all replicas;
   * returns its stored result on re-run. A step started by a replica that died is retried after
   * its lease expires: its outcome is unknown (the Slack call may or may not have landed), so the
   * step runs again — the only window in which a duplicate is possible, bounded by one step.
   */
  once<T>(stepKey: string, send: () => Promise<T>): Promise<T>;
  /** Posts a message through the paced sender: ≤ ~1 message/s per channel, Slack tier limits per method, 429 Retry-After honoured; returns Slack's response. */
  postMessage(args: ChatPostMessageArguments): Promise<{ channel: string; ts: string }>;
  updateMessage(args: ChatUpdateArguments): Promise<void>;
  openDm(userId: string): Promise<string>;
  /** Schedules a one-off follow-up job (e.g. nudge at +20 h, digest at window close) with the same exactly-once guarantees. */
  defer(job: {
    kind: JobKind;
    target: string;
    periodKey: string;
    at: Date;
    payload?: unknown;
  }): Promise<void>;
  payload: unknown;
}

export interface JobHandler {
  kind: JobKind;
  run(ctx: JobContext, tools: JobTools): Promise<void>;
}
