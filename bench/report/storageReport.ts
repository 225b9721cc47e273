import { ROUND_TTL_MS } from '../../src/store/redis/kpiValuesKeys.js';
import type { StorageResult } from '../storage/storageBench.js';
import type { BenchResults } from './benchResults.js';
import { header, KiB, row, verdict } from './markdownTable.js';

const WEEK_MS = 7 * 24 * 3600_000;
/** Weekly rounds alive at once under the round TTL: the expiring share of a plan-year that stays. */
const ROUNDS_ALIVE = Math.min(52, Math.ceil(ROUND_TTL_MS / WEEK_MS));

/** MEMORY USAGE of a plan-year once it is a year old: lasting keys plus the rounds still alive. */
function steadyBytes(groups: StorageResult['sizes'][number]['groups']): number {
  return groups.reduce((n, g) => n + (g.expiring ? (g.bytes * ROUNDS_ALIVE) / 52 : g.bytes), 0);
}

export function storageSection(r: BenchResults): string[] {
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
