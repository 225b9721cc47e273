import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RenderCase } from './renderBench.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the render section in a fresh process that has loaded the app (bench/render/renderProcess.ts). */
export async function renderInAppProcess(runs: number, runMs: number): Promise<RenderCase[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/render/renderProcess.ts', String(runs), String(runMs)],
    { cwd: REPO, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as RenderCase[];
}
