import { spread } from '../support/stats.js';
import type { BenchResults } from './benchResults.js';
import { f, header, row, verdict } from './markdownTable.js';

export function renderSection(r: BenchResults): string[] {
  return [
    '## 4. Render (warm; per run the median of as many renders as fit in the run)',
    '',
    'In a process of its own that has loaded the app (`src/app.ts`), as a replica has; not in the bench process, which also holds the fake Slack and its validator.',
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
