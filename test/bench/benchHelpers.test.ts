import { describe, expect, it } from 'vitest';
import { commandDelta } from '../../bench/support/redisStats.js';
import { formatSpread, percentile, spread } from '../../bench/support/stats.js';

describe('bench figures', () => {
  it('reads percentiles by nearest rank from unsorted samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('reports the median with its range over runs, as results.md prints it', () => {
    expect(spread([12, 10, 30, 11, 13])).toEqual({ median: 12, min: 10, max: 30, runs: 5 });
    expect(formatSpread(spread([12, 10, 30, 11, 13]))).toBe('12.0 (10.0–30.0)');
    expect(formatSpread(spread([4.25]), 2)).toBe('4.25');
    // A run that produced nothing (NaN) does not count as a run.
    expect(formatSpread(spread([Number.NaN]))).toBe('n/a');
  });

  it('counts Redis commands served between two snapshots, ignoring its own INFO calls', () => {
    const before = new Map([
      ['get', 10],
      ['info', 2],
    ]);
    const after = new Map([
      ['get', 25],
      ['evalsha', 40],
      ['info', 5],
      ['set', 0],
    ]);
    expect(commandDelta(before, after)).toEqual([
      ['evalsha', 40],
      ['get', 15],
    ]);
  });
});
