import type { Agent } from 'node:http';
import type { Actor } from '../../test/support/app/modalDriver.js';
import type { FakeSlackApi } from '../../test/support/slack/fakeSlackApi.js';
import { watchCalls } from '../support/callWatcher.js';
import { type LoadResult, runLoad } from '../support/loadGenerator.js';
import { percentile } from '../support/stats.js';
import {
  acceptSectionAnswer,
  benchActor,
  prepareSectionClients,
  type SectionClient,
  sectionSubmissionRequest,
  slashCommandRequest,
} from './interactionRequests.js';

/** Section 1: both interactions, both apps, at each concurrency, several interleaved runs. */

export type InteractionKind = 'slash_command' | 'view_submission';
export type AppName = 'minimal' | 'opsplan';

export interface InteractionSample {
  kind: InteractionKind;
  app: AppName;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  /** Slash command only, OpsPlan only: request sent → the app's views.open reached Slack. */
  viewsOpen?: { p50: number; p95: number; p99: number; count: number };
}

export interface InteractionTargets {
  slack: FakeSlackApi;
  urls: Record<AppName, string>;
  /** Warm keep-alive connections per app, reused by every run. */
  pools?: Record<AppName, Agent>;
}

export interface InteractionPlan {
  concurrencies: number[];
  runs: number;
  durationMs: number;
}

function sample(
  kind: InteractionKind,
  app: AppName,
  concurrency: number,
  result: LoadResult,
): InteractionSample {
  return {
    kind,
    app,
    concurrency,
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    p99: percentile(result.latencies, 99),
    rps: result.requestsPerSecond,
    requests: result.latencies.length,
    errors: result.errors,
    errorSamples: result.errorSamples,
  };
}

/** One timed run of `/opsplan new` against `app`; for OpsPlan, also times the views.open it causes. */
export async function slashCommandRun(
  targets: InteractionTargets,
  app: AppName,
  concurrency: number,
  durationMs: number,
  /** Alongside a fan-out: stop when it ends, pause between requests, keep no record of them. */
  background?: { until: () => boolean; thinkMs: number },
): Promise<InteractionSample> {
  const { slack } = targets;
  const until = background?.until;
  const actors = Array.from({ length: concurrency }, (_, i) => benchActor(i));
  const sentAt = new Map<string, number>();
  const opened: number[] = [];
  const unwatch = watchCalls(
    slack,
    (call) => {
      if (call.method !== 'views.open') return;
      const t0 = sentAt.get(String(call.args.trigger_id));
      if (t0 !== undefined) opened.push(performance.now() - t0);
    },
    (call) => !background || call.method !== 'views.open',
  );
  try {
    const result = await runLoad({
      url: `${targets.urls[app]}/slack/events`,
      concurrency,
      durationMs,
      ...(targets.pools ? { pool: targets.pools[app] } : {}),
      ...(background ? { until: background.until, thinkMs: background.thinkMs } : {}),
      next: (client) => {
        const { request, triggerId } = slashCommandRequest(slack, actors[client] as Actor);
        sentAt.set(triggerId, performance.now());
        return request;
      },
    });
    // views.open follows the ack; give the last ones a moment to land before counting.
    if (app === 'opsplan') await settle(() => opened.length >= result.latencies.length, 3_000);
    const out = sample('slash_command', app, concurrency, result);
    if (app === 'opsplan') {
      out.viewsOpen = {
        p50: percentile(opened, 50),
        p95: percentile(opened, 95),
        p99: percentile(opened, 99),
        count: opened.length,
      };
    }
    return out;
  } finally {
    unwatch();
    // Alongside a fan-out the fake's record is the fan-out's evidence: leave it.
    if (!until) slack.reset();
  }
}

async function settle(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** One timed run of the product step's view_submission against `app`. */
export async function viewSubmissionRun(
  targets: InteractionTargets,
  app: AppName,
  clients: SectionClient[],
  concurrency: number,
  durationMs: number,
): Promise<InteractionSample> {
  const result = await runLoad({
    url: `${targets.urls[app]}/slack/events`,
    concurrency,
    durationMs,
    ...(targets.pools ? { pool: targets.pools[app] } : {}),
    next: (client) => sectionSubmissionRequest(clients[client] as SectionClient),
    onAnswer: (client, _status, body) => {
      if (app === 'opsplan') acceptSectionAnswer(clients[client] as SectionClient, body);
    },
  });
  targets.slack.reset();
  return sample('view_submission', app, concurrency, result);
}

/**
 * The whole matrix. Within each run the two apps alternate at every step, so a change in the
 * machine's background load hits both rather than biasing the ratio.
 */
export async function runInteractionBench(
  targets: InteractionTargets,
  plan: InteractionPlan,
  log: (line: string) => void,
): Promise<InteractionSample[]> {
  const maxClients = Math.max(...plan.concurrencies);
  const clients = await prepareSectionClients(targets.slack, targets.urls.opsplan, maxClients);
  targets.slack.reset();
  // Warm-up: JIT, connection pools, Redis scripts loaded, and every bench user seen once (their
  // Slack locale is looked up on a first request and cached, as for returning users in production).
  for (const app of ['minimal', 'opsplan'] as const) {
    await slashCommandRun(targets, app, maxClients, 500);
    await viewSubmissionRun(targets, app, clients, maxClients, 500);
  }
  const samples: InteractionSample[] = [];
  for (let run = 1; run <= plan.runs; run++) {
    for (const concurrency of plan.concurrencies) {
      for (const app of ['minimal', 'opsplan'] as const) {
        const s = await slashCommandRun(targets, app, concurrency, plan.durationMs);
        const v = await viewSubmissionRun(targets, app, clients, concurrency, plan.durationMs);
        samples.push(s, v);
        log(
          `run ${run} c=${concurrency} ${app}: command p99 ${s.p99.toFixed(1)} ms ${s.rps.toFixed(0)}/s, submission p99 ${v.p99.toFixed(1)} ms ${v.rps.toFixed(0)}/s` +
            (s.errors + v.errors > 0
              ? ` errors ${s.errors + v.errors}: ${[...s.errorSamples, ...v.errorSamples][0]}`
              : ''),
        );
      }
    }
  }
  return samples;
}
