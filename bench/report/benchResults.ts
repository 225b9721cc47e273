import type { InteractionSample } from '../interactions/interactionBench.js';
import type { RenderCase } from '../render/renderBench.js';
import type { FanoutSample } from '../scheduler/fanoutBench.js';
import type { StorageResult } from '../storage/storageBench.js';
import type { MachineFacts } from '../support/machine.js';

/** Everything one `npm run bench` measured (also what bench/results.json holds). */
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
