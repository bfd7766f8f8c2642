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
  launch(path: string, options: { dry: boolean; by: string }): Promise<LaunchResult>;
}

export interface LibraryEntry {
  path: string;
  title?: string;
  description?: string;
  /** Validation problems, errors first; `where` is "file:line:column path". */
  problems: Array<{ severity: 'error' | 'warning'; where: string; message: string; hint?: string }>;
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
  /** Why, or the end of the run's output. */
  message: string;
}
