import type { DemoExperiment } from './demo-experiments.js';
import { exitCodeFor } from '../exit-code-for.js';
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

/**
 * The findings, kept in a runs store of the demo's own (a SQLite file in its output folder, so the
 * demo never writes into the user's store): the naive run is recorded and the store proposes the
 * finding; the resilient shop is recorded as its fix; the resilient run, recorded, verifies it.
 */
export function storedFindings(
  storePath: string,
  write: (line: string) => void,
): DemoFindings & { close(): Promise<void> } {
  let opening: Promise<import('@faultline/store').Store> | undefined;
  const store = () => (opening ??= import('@faultline/store').then(({ openStore }) => openStore(storePath)));
  const open = new Map<string, number>();
  const record = async (run: DemoRun) =>
    (await store()).recordRun({ journal: run.journal, exitCode: exitCodeFor(run.journal), source: run.journalPath });
  return {
    opened: async (experiment, run) => {
      const { proposed, run: recorded } = await record(run);
      // A fail-fast run that broke the steady state is `failed`, not `deviated`: the store proposes
      // findings for deviations only, so the demo files this one itself.
      const finding =
        proposed ??
        (await (
          await store()
        ).addFinding({
          experimentId: recorded.experimentId,
          title: `${run.journal.experiment.title}: ${run.reason ?? 'the steady state broke'}`,
          severity: 'high',
          runId: recorded.id,
        }));
      open.set(experiment.file, finding.id);
      write(`    finding #${finding.id} opened: ${finding.title}`);
    },
    fixed: async (experiment) => {
      const id = open.get(experiment.file);
      if (id === undefined) return;
      await (await store()).updateFinding(id, { state: 'fixed', fixLink: 'resilient shop', note: experiment.fix });
      write(`    finding #${id} fixed: ${experiment.fix}`);
    },
    verified: async (experiment, run) => {
      const { transitions } = await record(run);
      for (const change of transitions)
        write(`    finding #${change.finding.id} ${change.to}: the same experiment holds (${run.journalPath})`);
    },
    close: async () => {
      if (opening) await (await opening).close();
    },
  };
}
