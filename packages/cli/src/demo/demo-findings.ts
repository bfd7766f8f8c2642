import type { DemoExperiment } from './demo-experiments.js';
import type { DemoRun } from './run-demo-experiment.js';

/**
 * Where the demo tells what it found, as a finding's life: opened when an experiment deviates
 * against the naive shop, fixed when the resilient shop replaces it, verified when the same
 * experiment holds against it. The default prints; a findings store plugs in here by
 * implementing the same three calls (record the run, move the finding open → fixed → verified).
 */
export interface DemoFindings {
  opened(experiment: DemoExperiment, run: DemoRun): void | Promise<void>;
  fixed(experiment: DemoExperiment): void | Promise<void>;
  verified(experiment: DemoExperiment, run: DemoRun): void | Promise<void>;
}

export function printedFindings(write: (line: string) => void): DemoFindings {
  return {
    opened: (experiment, run) => write(`    finding opened: ${run.journal.experiment.title}`),
    fixed: (experiment) => write(`    finding fixed in the resilient shop: ${experiment.fix}`),
    verified: (experiment, run) => write(`    finding verified: the same experiment holds (${run.journalPath})`),
  };
}
