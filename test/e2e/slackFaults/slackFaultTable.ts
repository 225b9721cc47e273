import type { FakeFault, FakeSlackApi } from '../../support/slack/fakeSlackApi.js';

/**
 * The faults every interactive Slack method is put through, and the tally the reports quote.
 * `times: 1` everywhere: the second attempt reaches a healthy Slack, so a retry shows as the result.
 */
export type FaultKind = '429' | '500' | 'okFalse' | 'hang';

/** The extra faults of single tests: an answer lost after the work was done; a hang on every attempt. */
export type ExtraFaultKind = 'lostAnswer' | 'hangEvery';

export interface FaultCase {
  kind: FaultKind | ExtraFaultKind;
  label: string;
  fault: (okFalseError: string) => FakeFault;
}

export const FAULTS: readonly FaultCase[] = [
  {
    kind: '429',
    label: '429 Retry-After 1, then success',
    fault: () => ({ status: 429, retryAfter: 1 }),
  },
  { kind: '500', label: 'HTTP 500 once', fault: () => ({ status: 500 }) },
  { kind: 'okFalse', label: 'ok:false once', fault: (error) => ({ okFalse: error }) },
  {
    kind: 'hang',
    label: 'no answer once (client timeout, then retry)',
    fault: () => ({ hang: true }),
  },
];

/**
 * What the user ends up with: the thing they asked for, or a message telling them it did not
 * happen. `silent` is the failure this file exists to catch.
 */
export type Seen =
  | { kind: 'result'; atMs: number }
  | { kind: 'message'; via: 'ephemeral' | 'dm' | 'inline'; text: string; atMs: number }
  | { kind: 'silent' };

/** Slack's own budget for answering an interaction. */
export const SLACK_ACK_BUDGET_MS = 3_000;

export interface Tally {
  faults: number;
  requests: number;
  outcomes: Record<string, number>;
}

export const tally: Tally = { faults: 0, requests: 0, outcomes: {} };

/** Arms `fault` on `method` for one call and counts it. */
export function inject(slack: FakeSlackApi, method: string, c: FaultCase, okFalseError: string) {
  injectFault(slack, method, c.fault(okFalseError), 1);
}

/** Arms `fault` for the next `times` calls of `method`; each is one injected fault in the tally. */
export function injectFault(slack: FakeSlackApi, method: string, fault: FakeFault, times: number) {
  slack.fail(method, fault, times);
  tally.faults += times;
}

export function record(method: string, c: FaultCase, seen: Seen, requests: number): void {
  tally.requests += requests;
  const key = `${method} × ${c.kind} → ${seen.kind === 'message' ? `message(${seen.via})` : seen.kind}`;
  tally.outcomes[key] = (tally.outcomes[key] ?? 0) + 1;
}

/** One line per file for the run's figures (docs/reliability.md quotes them). */
export function printTally(file: string): void {
  const lines = Object.entries(tally.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `  ${k}: ${n}`);
  console.info(
    `[slackFaults] ${file}: ${tally.faults} faults injected, ${tally.requests} app requests\n${lines.join('\n')}`,
  );
}
