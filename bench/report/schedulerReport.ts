import type { FanoutSample } from '../scheduler/fanoutBench.js';
import { spread } from '../support/stats.js';
import type { BenchResults } from './benchResults.js';
import { f, header, row, verdict } from './markdownTable.js';

export function schedulerSection(r: BenchResults): string[] {
  const out: string[] = ['## 2. Scheduler', ''];
  out.push(
    '### Claim script alone (schedules due, claimed in batches of 200 until none is left, nothing run)',
    '',
    header(['due schedules', 'time to claim all, ms', 'runs']),
    ...r.claimOnly.map((c) => row([c.plans.toLocaleString('en'), f(c.ms, 0), c.ms.length])),
    '',
    '### Fan-out: published plans with a revision reminder due on the same tick (engine defaults: claim everything due in batches of 200 into an in-process queue of up to 10,000 claims; 32 jobs at once, 4 per workspace; 1.2 s per channel). The scheduler replica runs in its own process, without the fake Slack',
    '',
    header([
      'engine settings',
      'plans',
      'plans / workspace',
      'runs',
      'tick → all claimed (ms)',
      'tick → all started (ms)',
      'tick → all posted (ms)',
      'posts',
      'max posts/s in the shared channel',
      'replica RSS before → peak (MiB)',
      'replica heap after GC: before / half-way / after (MiB)',
      'Redis commands / plan',
      'warn+error logs',
      'payloads Slack refused',
    ]),
  );
  const groups = new Map<string, FanoutSample[]>();
  for (const s of [...r.fanout, r.crowded, ...r.whatIf]) {
    const key = `${s.plans}|${s.plansPerWorkspace}|${JSON.stringify(s.settings ?? {})}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const samples of groups.values()) {
    const s0 = samples[0] as FanoutSample;
    out.push(
      row([
        s0.settings ? `what-if: \`${JSON.stringify(s0.settings)}\`` : 'defaults',
        s0.plans.toLocaleString('en'),
        s0.plansPerWorkspace,
        samples.length,
        f(
          samples.map((s) => s.allClaimedMs),
          0,
        ),
        f(
          samples.map((s) => s.allStartedMs),
          0,
        ),
        f(
          samples.map((s) => s.allDoneMs),
          0,
        ),
        f(
          samples.map((s) => s.posts),
          0,
        ),
        f(
          samples.map((s) => s.pacedChannelMaxPerSecond),
          0,
        ),
        `${f(
          samples.map((s) => s.rssBaselineMiB),
          0,
        )} → ${f(
          samples.map((s) => s.rssPeakMiB),
          0,
        )}`,
        [s0.heapBeforeMiB, s0.heapMidMiB, s0.heapAfterMiB]
          .map((_, k) =>
            f(
              samples.map((s) => [s.heapBeforeMiB, s.heapMidMiB, s.heapAfterMiB][k] ?? 0),
              1,
            ),
          )
          .join(' / '),
        f(
          samples.map((s) => s.redisCommandsPerPlan),
          1,
        ),
        f(
          samples.map((s) => s.errorLogs),
          0,
        ),
        f(
          samples.map((s) => s.slackViolations),
          0,
        ),
      ]),
    );
  }
  const large = r.fanout.reduce((a, b) => (b.plans > a.plans ? b : a));
  const small = r.fanout.filter((s) => s.plans < large.plans);
  out.push(
    '',
    'The replica runs alone in its process, driven over IPC; the fake Slack and the bench bookkeeping live elsewhere. RSS and the sampled peak include garbage V8 has not collected yet; the heap after a full GC (`--expose-gc`) is what the engine really holds: before the tick, half-way through the posts (when the queue of claims is longest) and after.',
    '',
    `Redis commands per plan (${large.plans.toLocaleString('en')} plans): ${large.topCommands
      .map(([name, n]) => `${name} ${n.toFixed(1)}`)
      .join(', ')}.`,
    '',
  );
  const i = large.interactive;
  if (i) {
    out.push(
      `Interactive load during the ${large.plans.toLocaleString('en')}-plan fan-out: \`/opsplan new\` from 10 clients against the OpsPlan process, each pausing 100 ms after every answer (a steady load, not a saturating one; the fake Slack keeps no record of these views.open calls, so the RSS figure is not inflated by them) — ${i.requests} requests, p50 ${i.p50.toFixed(1)} / p95 ${i.p95.toFixed(1)} / p99 ${i.p99.toFixed(1)} ms, ${i.rps.toFixed(0)} req/s, command → views.open p99 ${i.viewsOpen?.p99.toFixed(1) ?? 'n/a'} ms, ${i.errors} errors.`,
      '',
    );
  }
  const held = (s: FanoutSample[]) => spread(s.map((x) => x.heapMidMiB - x.heapBeforeMiB)).median;
  const kept = (s: FanoutSample[]) => spread(s.map((x) => x.heapAfterMiB - x.heapBeforeMiB)).median;
  const [smallHeld, largeHeld, smallKept, largeKept] = [
    held(small),
    held([large]),
    kept(small),
    kept([large]),
  ];
  // Flat: what the engine holds is bounded by its claim queue (≈ 0.6 KB a claim, ≤ 10,000 claims),
  // not proportional to the plans; and nothing is kept once the fan-out is over.
  const QUEUE_BOUND_MIB = 8;
  out.push(
    '### Goals',
    '',
    header(['goal', 'result', 'verdict']),
    row([
      `all ${large.plans.toLocaleString('en')} claimed < 2 s after the tick`,
      `${large.allClaimedMs.toFixed(0)} ms (claim script alone: ${f(r.claimOnly.find((c) => c.plans === large.plans)?.ms ?? [], 0)} ms)`,
      verdict(large.allClaimedMs < 2000),
    ]),
    row([
      'memory flat as plans grow (replica heap after GC, small vs large fan-out: held half-way; kept after)',
      `half-way +${smallHeld.toFixed(1)} MiB at ${small[0]?.plans.toLocaleString('en')} plans, +${largeHeld.toFixed(1)} MiB at ${large.plans.toLocaleString('en')}; after: +${smallKept.toFixed(1)} / +${largeKept.toFixed(1)} MiB`,
      verdict(
        largeHeld - smallHeld <= QUEUE_BOUND_MIB && largeKept - smallKept <= QUEUE_BOUND_MIB / 2,
      ),
    ]),
    row([
      'interactive p99 < 100 ms during the fan-out',
      i ? `${i.p99.toFixed(1)} ms` : 'not measured',
      verdict(i !== undefined && i.p99 < 100),
    ]),
    row([
      'send pacing: ≤ 1 post/s in a channel',
      `max ${Math.max(...r.fanout.map((s) => s.pacedChannelMaxPerSecond))} in any 1 s window`,
      verdict(Math.max(...r.fanout.map((s) => s.pacedChannelMaxPerSecond)) <= 1),
    ]),
    '',
  );
  return out;
}
