import type { Logger } from './logger.js';
import type { RevertHandle, RevertSpec } from '../revert/revert-spec.js';

export type Configuration = Readonly<Record<string, unknown>>;
export type Secrets = Readonly<Record<string, unknown>>;
export type Settings = Readonly<Record<string, unknown>>;

/** Everything an activity or control may use besides its arguments. */
export interface ActivityContext {
  /** Resolved experiment configuration (substituted, env read). */
  readonly configuration: Configuration;
  /** Secrets of the scopes the provider lists (`secrets: ["k8s"]`), merged into one object. */
  readonly secrets: Secrets;
  /** Aborted when the run is interrupted or the activity times out: stop promptly. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** True under `--dry actions|activities`: resolve targets, report them, change nothing. */
  readonly dryRun: boolean;
  /** Unique id of this run, recorded on everything the run touches. */
  readonly runId: string;
  /** Directory of the experiment file: relative module paths resolve from here. */
  readonly experimentDir: string;
  /** Loaded settings (~/.faultline/settings.yaml or --settings). */
  readonly settings: Settings;
  /**
   * True when the engine runs this activity to undo a fault (end of run, interruption,
   * `faultline revert`): guards meant to stop new faults may let a revert through.
   */
  readonly isRevert?: boolean;
  /** ISO time the run started (SLO windows "over the run" start here). */
  readonly runStartedAt: string;
  /** Title of the experiment, for annotations and Kubernetes events. */
  readonly experimentTitle: string;
  /**
   * Register how to undo a fault, BEFORE injecting it. The engine records it in the journal and
   * runs it on every exit path unless the activity calls `handle.done()`.
   * Activities run as rollbacks (or reverts) get a handle that records nothing.
   */
  registerRevert(revert: RevertSpec): RevertHandle;
}
