import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROUND_TTL_MS } from '../../src/store/redis/kpiValuesKeys.js';
import type { InteractionSample } from '../interactions/interactionBench.js';
import type { RenderCase } from '../render/renderBench.js';
import type { FanoutSample } from '../scheduler/fanoutBench.js';
import type { StorageResult } from '../storage/storageBench.js';
import type { MachineFacts } from '../support/machine.js';
import { formatSpread, spread } from '../support/stats.js';

/** bench/results.md from one run's figures; the analysis lives in findings.md next to this file. */

export interface BenchResults {
  quick: boolean;
  startedAt: Date;
  totalSeconds: number;
  machine: MachineFacts;
  loads: Array<{ section: string; load: string }>;
  plan: unknown;
  interactions: InteractionSample[];
  claimOnly: Array<{ plans: number; ms: number[] }>;
  fanout: FanoutSample[];
  crowded: FanoutSample;
  /** Runs with engine settings changed (not the app's defaults), for the findings. */
  whatIf: FanoutSample[];
  storage: StorageResult;
  render: RenderCase[];
}

const COMMAND = 'npm run bench';
const WEEK_MS = 7 * 24 * 3600_000;
/** Weekly rounds alive at once under the round TTL: the expiring share of a plan-year that stays. */
const ROUNDS_ALIVE = Math.min(52, Math.ceil(ROUND_TTL_MS / WEEK_MS));

/** MEMORY USAGE of a plan-year once it is a year old: lasting keys plus the rounds still alive. */
function steadyBytes(groups: StorageResult['sizes'][number]['groups']): number {
  return groups.reduce((n, g) => n + (g.expiring ? (g.bytes * ROUNDS_ALIVE) / 52 : g.bytes), 0);
}
const KiB = 1024;
const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
const f = (values: number[], digits = 1) => formatSpread(spread(values), digits);
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`;

function interactionSection(r: BenchResults): string[] {
  const out: string[] = ['## 1. Interactions', ''];
  const pick = (kind: string, app: string, c: number) =>
    r.interactions.filter((s) => s.kind === kind && s.app === app && s.concurrency === c);
  const concurrencies = [...new Set(r.interactions.map((s) => s.concurrency))].sort(
    (a, b) => a - b,
  );
  const goals: string[] = [];
  for (const kind of ['slash_command', 'view_submission'] as const) {
    out.push(
      kind === 'slash_command'
        ? '### `/opsplan new` (slash command → ack; OpsPlan then calls views.open)'
        : '### view_submission of an interview step (product) → ack with the next step (goals)',
      '',
      header([
        'clients',
        'minimal p50 / p95 / p99 ms',
        'minimal req/s',
        'OpsPlan p50 / p95 / p99 ms',
        'OpsPlan req/s',
        'OpsPlan / minimal throughput',
        ...(kind === 'slash_command' ? ['OpsPlan command → views.open p50 / p99 ms'] : []),
        'errors (min/OpsPlan)',
      ]),
    );
    for (const c of concurrencies) {
      const m = pick(kind, 'minimal', c);
      const o = pick(kind, 'opsplan', c);
      const ratios = o.map((s, i) => s.rps / (m[i]?.rps ?? Number.NaN));
      const lat = (s: InteractionSample[]) =>
        `${f(s.map((x) => x.p50))} / ${f(s.map((x) => x.p95))} / ${f(s.map((x) => x.p99))}`;
      const opened = o.flatMap((s) => (s.viewsOpen ? [s.viewsOpen] : []));
      out.push(
        row([
          c,
          lat(m),
          f(
            m.map((x) => x.rps),
            0,
          ),
          lat(o),
          f(
            o.map((x) => x.rps),
            0,
          ),
          `${f(
            ratios.map((x) => x * 100),
            0,
          )} %`,
          ...(kind === 'slash_command'
            ? [`${f(opened.map((x) => x.p50))} / ${f(opened.map((x) => x.p99))}`]
            : []),
          `${m.reduce((n, x) => n + x.errors, 0)} / ${o.reduce((n, x) => n + x.errors, 0)}`,
        ]),
      );
    }
    out.push('');
    const top = Math.max(...concurrencies);
    const o = pick(kind, 'opsplan', top);
    const m = pick(kind, 'minimal', top);
    const p99 = spread(o.map((x) => x.p99)).median;
    const ratio = spread(o.map((s, i) => s.rps / (m[i]?.rps ?? Number.NaN))).median;
    goals.push(
      row([`${kind}: p99 at ${top} clients < 50 ms`, `${p99.toFixed(1)} ms`, verdict(p99 < 50)]),
      row([
        `${kind}: throughput ≥ 50 % of minimal Bolt (at ${top} clients)`,
        `${(ratio * 100).toFixed(0)} %`,
        verdict(ratio >= 0.5),
      ]),
    );
  }
  out.push('### Goals', '', header(['goal', 'result (median of runs)', 'verdict']), ...goals, '');
  const errors = r.interactions.flatMap((s) => s.errorSamples).slice(0, 3);
  if (errors.length) out.push('First errors seen:', '', ...errors.map((e) => `- \`${e}\``), '');
  return out;
}

function schedulerSection(r: BenchResults): string[] {
  const out: string[] = ['## 2. Scheduler', ''];
  out.push(
    '### Claim script alone (schedules due, claimed in batches of 200 until none is left, nothing run)',
    '',
    header(['due schedules', 'time to claim all, ms', 'runs']),
    ...r.claimOnly.map((c) => row([c.plans.toLocaleString('en'), f(c.ms, 0), c.ms.length])),
    '',
    '### Fan-out: published plans with a revision reminder due on the same tick (engine defaults: 32 jobs at once, batch 200, 1.2 s per channel)',
    '',
    header([
      'engine settings',
      'plans',
      'plans / workspace',
      'runs',
      'tick → all claimed (ms)',
      'tick → all posted (ms)',
      'posts',
      'max posts/s in the shared channel',
      'bench-process RSS before → peak (MiB)',
      'peak − before (MiB)',
      'Redis commands / plan',
      'warn+error logs',
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
        f(
          samples.map((s) => s.rssPeakMiB - s.rssBaselineMiB),
          0,
        ),
        f(
          samples.map((s) => s.redisCommandsPerPlan),
          1,
        ),
        f(
          samples.map((s) => s.errorLogs),
          0,
        ),
      ]),
    );
  }
  const large = r.fanout.reduce((a, b) => (b.plans > a.plans ? b : a));
  const small = r.fanout.filter((s) => s.plans < large.plans);
  out.push(
    '',
    'RSS is that of the bench process, which holds the scheduler replica **and** the fake Slack (which keeps every post it receives, with its blocks): an upper bound on the engine’s own memory.',
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
  const growth = (s: FanoutSample[]) =>
    spread(s.map((x) => x.rssPeakMiB - x.rssBaselineMiB)).median;
  const smallGrowth = growth(small);
  const largeGrowth = growth([large]);
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
      'memory flat as plans grow (peak RSS growth, small vs large fan-out)',
      `+${smallGrowth.toFixed(0)} MiB at ${small[0]?.plans.toLocaleString('en')} plans, +${largeGrowth.toFixed(0)} MiB at ${large.plans.toLocaleString('en')}`,
      verdict(largeGrowth <= Math.max(2 * smallGrowth, smallGrowth + 50)),
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

function storageSection(r: BenchResults): string[] {
  const out: string[] = ['## 3. Storage (Redis memory per plan-year)', ''];
  out.push(
    'A plan-year = the draft as an interview writes it (create + one save per section), one published version, and 52 weekly check-in rounds in which the owner reports all 10 KPIs. MEMORY USAGE of the plan’s keys:',
    '',
  );
  for (const size of r.storage.sizes) {
    const total = size.groups.reduce((n, g) => n + g.bytes, 0);
    const lasting = size.groups.filter((g) => !g.expiring).reduce((n, g) => n + g.bytes, 0);
    out.push(
      `### ${size.name}: ${size.describe} — plan JSON ${(size.docBytes / KiB).toFixed(1)} KiB`,
      '',
      header(['key (ids replaced)', 'keys', 'KiB', 'expires']),
      ...size.groups.map((g) =>
        row([`\`${g.pattern}\``, g.keys, (g.bytes / KiB).toFixed(1), g.expiring ? 'yes' : 'no']),
      ),
      row(['**total**', '', `**${(total / KiB).toFixed(1)}**`, '']),
      row(['total without expiring keys', '', (lasting / KiB).toFixed(1), '']),
      row([
        `**steady state**: lasting keys + the ${ROUNDS_ALIVE} weekly rounds alive under their ${ROUND_TTL_MS / (24 * 3600_000)}-day TTL`,
        '',
        `**${(steadyBytes(size.groups) / KiB).toFixed(1)}**`,
        '',
      ]),
      '',
    );
  }
  out.push(
    '### Growth with plans (interview-sized plans; INFO memory used_memory delta on a Redis of its own; all 52 rounds of each plan are still alive here, so this is above the steady state)',
    '',
    header(['plans', 'used_memory delta (MiB)', 'per plan-year (KiB)', 'how']),
  );
  for (const g of r.storage.growth) {
    out.push(
      row([
        g.plans.toLocaleString('en'),
        (g.usedMemoryDelta / KiB / KiB).toFixed(1),
        (g.bytesPerPlan / KiB).toFixed(1),
        `measured (${(g.writeMs / 1000).toFixed(0)} s to write)`,
      ]),
    );
  }
  const last = r.storage.growth.at(-1);
  if (last) {
    for (const n of [10_000, 100_000]) {
      if (r.storage.growth.some((g) => g.plans === n)) continue;
      out.push(
        row([
          n.toLocaleString('en'),
          ((last.bytesPerPlan * n) / KiB / KiB).toFixed(0),
          (last.bytesPerPlan / KiB).toFixed(1),
          `**extrapolated** linearly from ${last.plans.toLocaleString('en')} (not measured: writing them takes too long for this run)`,
        ]),
      );
    }
  }
  const perPlan = last ? last.bytesPerPlan : Number.NaN;
  out.push(
    '',
    '### Goal',
    '',
    header(['goal', 'result', 'verdict']),
    ...r.storage.sizes.map((s) => {
      const steady = steadyBytes(s.groups);
      return row([
        `< 50 KB per plan-year (${s.name} plan, steady state)`,
        `${(steady / 1000).toFixed(1)} kB${s.name === 'interview' ? ` (used_memory with all 52 rounds alive: ${(perPlan / 1000).toFixed(1)} kB per plan at ${last?.plans.toLocaleString('en')} plans)` : ''}`,
        verdict(steady < 50_000),
      ]);
    }),
    '',
  );
  return out;
}

function renderSection(r: BenchResults): string[] {
  return [
    '## 4. Render (warm; per run the median of as many renders as fit in the run)',
    '',
    header([
      'plan',
      'renderer',
      'output',
      'ms per render',
      'p99 over all renders (ms)',
      'goal < 10 ms',
    ]),
    ...r.render.map((c) =>
      row([
        `${c.name} (${c.describe})`,
        c.renderer === 'markdown' ? 'Markdown' : 'Block Kit',
        c.output,
        f(c.perRenderMs, 2),
        c.p99Ms.toFixed(1),
        verdict(spread(c.perRenderMs).median < 10),
      ]),
    ),
    '',
  ];
}

export function resultsMarkdown(r: BenchResults): string {
  const m = r.machine;
  const findingsPath = fileURLToPath(new URL('./findings.md', import.meta.url));
  const findings = existsSync(findingsPath) ? readFileSync(findingsPath, 'utf8').trim() : '';
  return [
    '# OpsPlan benchmarks',
    '',
    r.quick ? '> **Quick smoke run (`--quick`): too small to quote.**\n' : '',
    `Generated by \`${COMMAND}\`${r.quick ? ' -- --quick' : ''} on ${r.startedAt.toISOString()} (took ${r.totalSeconds.toFixed(0)} s). Reproduce: \`${COMMAND}\` from the repository root (needs \`redis-server\` on PATH; starts its own Redis on a free loopback port and the fake Slack API; nothing else is touched).`,
    '',
    'Figures are **median (min–max) over the runs** stated in each table. Raw figures: `bench/results.json` (`npm run bench -- --report` rewrites this file from them, e.g. after editing `bench/report/findings.md`).',
    '',
    '## Machine',
    '',
    header(['fact', 'value']),
    row(['CPU', `${m.cpuModel} × ${m.cores} cores`]),
    row(['RAM', `${m.ramGiB.toFixed(1)} GiB`]),
    row(['Node', m.node]),
    row(['Redis', m.redis]),
    row(['@slack/bolt', m.bolt]),
    row([
      'load average (1/5/15 min)',
      r.loads.map((l) => `after ${l.section}: ${l.load}`).join('; '),
    ]),
    '',
    `The machine was shared with other work during the run: with a load average near or above the ${m.cores} cores, every process waits for CPU, so latencies here are pessimistic. Compare OpsPlan with the minimal Bolt app measured alongside it, not with other machines.`,
    '',
    'Layout: OpsPlan runs as its own process exactly as `npm start` runs it (LOG_LEVEL=info); the minimal Bolt app (same Bolt, HTTPReceiver, one command and one view listener that only ack) runs as another; the load generator (keep-alive `node:http` agent, closed loop: each client sends its next request when the previous is answered), the fake Slack API and the scheduler replica share the bench process; Redis is a separate throw-away `redis-server`.',
    '',
    ...interactionSection(r),
    ...schedulerSection(r),
    ...storageSection(r),
    ...renderSection(r),
    findings,
    '',
  ].join('\n');
}
