import type { InteractionSample } from '../interactions/interactionBench.js';
import { spread } from '../support/stats.js';
import type { BenchResults } from './benchResults.js';
import { f, header, row, verdict } from './markdownTable.js';

export function interactionSection(r: BenchResults): string[] {
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
