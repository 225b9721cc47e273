/** Summaries the bench reports: percentiles of one run, and median with range over runs. */

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median with min–max over several runs of the same measurement. */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter(Number.isFinite);
  return {
    median: percentile(finite, 50),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
    runs: finite.length,
  };
}

/** `12.3 (10.1–15.0)`, the way every figure in results.md reads. */
export function formatSpread(s: Spread, digits = 1): string {
  if (s.runs === 0) return 'n/a';
  const f = (n: number) => n.toFixed(digits);
  return s.runs === 1 ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}
