import type { Configuration, Secrets, Settings } from '../activity/activity-context.js';
import type { Logger } from '../activity/logger.js';

/** What every control hook receives (Chaos Toolkit passes these as keyword arguments). */
export interface ControlHookParams {
  /** The experiment, hypothesis, method list or activity the hook is about. */
  readonly context: unknown;
  /** The result so far: journal, hypothesis state, run entries or one run entry. */
  readonly state?: unknown;
  readonly experiment: unknown;
  readonly configuration: Configuration;
  readonly secrets: Secrets;
  readonly settings: Settings;
  /** The control's own `provider.arguments`. */
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly logger: Logger;
  readonly runId: string;
  /** Stop the run: it ends `interrupted`, reverts and rollbacks run as for a signal. */
  interrupt(reason: string): void;
}

export const controlHookNames = [
  'configure_control',
  'before_loading_experiment_control',
  'after_loading_experiment_control',
  'before_experiment_control',
  'after_experiment_control',
  'before_hypothesis_control',
  'after_hypothesis_control',
  'before_method_control',
  'after_method_control',
  'before_rollback_control',
  'after_rollback_control',
  'before_activity_control',
  'after_activity_control',
  'cleanup_control',
] as const;

export type ControlHookName = (typeof controlHookNames)[number];

/**
 * A control module: any subset of Chaos Toolkit's hook names (camelCase aliases such as
 * `beforeExperimentControl` are accepted when loading user modules). Hooks may be async.
 */
export type ControlModule = Partial<Record<ControlHookName, (params: ControlHookParams) => unknown>>;

/** A control shipped by a driver, resolvable from its Chaos Toolkit module path. */
export interface ControlDefinition {
  /** e.g. "metrics" */
  readonly name: string;
  readonly description: string;
  /** Chaos Toolkit module paths, e.g. ["chaosprometheus.metrics"]. */
  readonly python?: readonly string[];
  readonly module: ControlModule;
}
