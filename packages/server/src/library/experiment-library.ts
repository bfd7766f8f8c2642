/**
 * The seam between the Library page and what validates and starts experiments. `faultline serve
 * --experiments DIR` plugs in core's validation and a spawned `faultline run`; tests may plug in
 * their own. Paths are relative to the library's folder, with forward slashes.
 */
export interface ExperimentLibrary {
  /** The folder shown (for the page's heading). */
  dir: string;
  /** Every experiment file under the folder, validated. */
  list(): Promise<LibraryEntry[]>;
  /** Starts a listed experiment as `faultline run` would (a dry run with `dry`). */
  launch(path: string, options: LaunchOptions): Promise<LaunchResult>;
}

export interface LaunchOptions {
  dry: boolean;
  by: string;
  /** `--var key[:type]=value` entries, already checked by core's parseVarFlag. */
  vars?: string[];
  /** `--var-file`: one of the entry's varFiles. */
  varFile?: string;
}

export interface LibraryEntry {
  path: string;
  title?: string;
  description?: string;
  /** Validation problems, errors first; `where` is "file:line:column path". */
  problems: Array<{ severity: 'error' | 'warning'; where: string; message: string; hint?: string }>;
  /** Var files beside the experiment (library paths) a run may take. */
  varFiles?: string[];
  /** No error: the Run buttons are offered. */
  valid: boolean;
}

export interface LaunchResult {
  path: string;
  dry: boolean;
  at: string;
  /**
   * started: the run is under way (on the Live page). ended: it finished before the page came
   * back (a dry run, a quick experiment). refused: `faultline run` refused it (a guard, invalid
   * input): nothing ran.
   */
  outcome: 'started' | 'ended' | 'refused';
  runId?: string;
  exitCode?: number | null;
  /** The var file and the names (never the values) of the --var entries it ran with. */
  varFile?: string;
  varNames?: string[];
  /** Why, or the end of the run's output. */
  message: string;
}
