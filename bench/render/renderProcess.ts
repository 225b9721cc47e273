// The app's own modules first, so this process is shaped like a running replica (what a process
// has loaded changes V8's speed at string work: see bench/report/findings.md, section 4).
import '../../src/app.js';
import { runRenderBench } from './renderBench.js';

/**
 * Section 4 in a process of its own, forked by `renderInAppProcess`: the bench process also holds
 * the fake Slack, its schema validator and the load generator, none of which a replica loads.
 * Args: runs, ms per run. Prints the cases as JSON.
 */
const [runs, runMs] = process.argv.slice(2).map(Number);
process.stdout.write(JSON.stringify(runRenderBench(runs ?? 5, runMs ?? 300)));
