import { formatSpread, spread } from '../support/stats.js';

/** Small Markdown helpers for results.md: table rows, verdicts, median (min–max) cells. */
export const KiB = 1024;
export const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
export const f = (values: number[], digits = 1) => formatSpread(spread(values), digits);
export const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
export const header = (cells: string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`;
