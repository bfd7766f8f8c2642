import type { Logger } from '../activity/logger.js';
import type { Settings } from '../activity/activity-context.js';
import type { ControlDeclaration, Experiment, HypothesisStrategy, RollbackStrategy } from '../model/experiment.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import type { RunObserver } from './run-event.js';
import type { Journal } from '../journal/journal.js';
import type { RunState } from '../run-state/run-state.js';

export const dryModes = ['probes', 'actions', 'activities', 'pause'] as const;
export type DryMode = (typeof dryModes)[number];

export interface RunOptions {
  experiment: Experiment;
  /** Directory of the experiment file: relative module paths resolve from here. */
  baseDir: string;
  resolver: ActivityResolver;
  settings?: Settings;
  env?: Readonly<Record<string, string | undefined>>;
  /** `--var` / `--var-file` values: override configuration and secrets. */
  vars?: { configuration?: Record<string, unknown>; secrets?: Record<string, Record<string, unknown>> };
  rollbackStrategy?: RollbackStrategy;
  hypothesisStrategy?: HypothesisStrategy;
  /** Seconds between continuous hypothesis runs. */
  hypothesisFrequency?: number;
  /** Stop when this share (0..1) of continuous hypothesis runs failed; true = first failure. */
  failFast?: boolean | number;
  dry?: DryMode;
  verifyTls?: boolean;
  /** Where the journal is written and kept up to date during the run. */
  journalPath?: string;
  /** Global controls from settings and `--control-file`. */
  controls?: ControlDeclaration[];
  /** Interrupts the run from outside (SIGINT/SIGTERM in the CLI). */
  signal?: AbortSignal;
  /** Maximum run time in seconds; the run is interrupted past it. */
  maxDuration?: number;
  observers?: RunObserver[];
  logger?: Logger;
  /**
   * Called on the finished journal before its last write, to add summaries under `faultline`
   * (the CLI adds impact and recovery figures computed by @faultline/report).
   */
  finalize?: (journal: Journal) => void | Promise<void>;
  /**
   * Directory of run state files (`runsDir()`): the run is listed there while it runs, so
   * `faultline status`/`stop` (and any other process) can find and stop it. Unset: no state file.
   */
  runsDir?: string;
  /**
   * Sees the run's state each time its state file is written (with `runsDir`): the CLI mirrors it
   * into a shared store for other hosts' dashboards. Called synchronously: it must not block.
   */
  onStateChange?: (state: Readonly<RunState>) => void;
  /** Path or URL the experiment was loaded from, shown by `faultline status`. */
  source?: string;
  /** The run may touch a Kubernetes context marked production in `guards.kubernetes` (`--allow-production`). */
  allowProduction?: boolean;
  /** Version written as `faultline-version` in the journal. */
  version?: string;
}
