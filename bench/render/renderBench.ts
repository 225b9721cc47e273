import type { Plan } from '../../src/domain/plan.js';
import type { Template } from '../../src/domain/template.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { renderPlanBlocks } from '../../src/render/planBlocks.js';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';
import { widestTemplate } from '../../test/render/support/fixtureTemplates.js';
import { randomPlan } from '../../test/render/support/randomPlan.js';
import { percentile } from '../support/stats.js';

/** Section 4: the largest plans to Markdown and to Block Kit, warm, many iterations. */

export interface RenderCase {
  name: string;
  describe: string;
  renderer: 'markdown' | 'blocks';
  /** Size of the output: characters of Markdown, or messages and blocks. */
  output: string;
  /** Per run: the median time per render over its iterations. */
  perRenderMs: number[];
  p99Ms: number;
}

function standardTemplate(): Template {
  const t = builtinTemplates().get('standard');
  if (!t) throw new Error('no standard template');
  return t;
}

const PLANS: Array<{ name: string; describe: string; template: () => Template }> = [
  {
    name: 'standard, maximal',
    describe: 'built-in `standard` template, every text and list at its maximum',
    template: standardTemplate,
  },
  {
    name: 'widest template, maximal',
    describe: 'widestTemplate(): 20 sections × 20 texts of 3000 characters, all at maximum',
    template: widestTemplate,
  },
];

function timeRenders(render: () => void, iterations: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    render();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Each run lasts about `runMs`: enough renders for a stable median, however slow one render is. */
export function runRenderBench(runs: number, runMs: number): RenderCase[] {
  const cases: RenderCase[] = [];
  for (const spec of PLANS) {
    const template = spec.template();
    const plan: Plan = randomPlan(template, 7, 1);
    const markdown = () => renderPlanMarkdown(plan, template);
    const blocks = () => renderPlanBlocks(plan, template);
    const md = markdown();
    const bk = blocks();
    const messages = [bk.summary, ...bk.sections];
    const blockCount = messages.reduce((n, m) => n + m.blocks.length, 0);
    for (const [renderer, render, output] of [
      ['markdown', markdown, `${md.length.toLocaleString('en')} characters`],
      ['blocks', blocks, `${messages.length} messages, ${blockCount} blocks`],
    ] as const) {
      // Warm-up so the JIT has compiled the renderer before timing.
      const warm = percentile(timeRenders(render, 10), 50);
      const iterations = Math.min(500, Math.max(5, Math.round(runMs / Math.max(warm, 0.01))));
      const perRun: number[] = [];
      const all: number[] = [];
      for (let run = 0; run < runs; run++) {
        const times = timeRenders(render, iterations);
        perRun.push(percentile(times, 50));
        all.push(...times);
      }
      cases.push({
        name: spec.name,
        describe: spec.describe,
        renderer,
        output,
        perRenderMs: perRun,
        p99Ms: percentile(all, 99),
      });
    }
  }
  return cases;
}
