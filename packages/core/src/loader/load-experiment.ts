import { silentLogger, type Logger } from '../activity/logger.js';
import type { Settings } from '../activity/activity-context.js';
import { UsageError } from '../errors/faultline-error.js';
import type { ControlDeclaration, Experiment } from '../model/experiment.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import { callHook, loadControls, type HookEnvironment } from '../run/control-hooks.js';
import { bearerTokenFor, loaderSettings } from '../settings/load-settings.js';
import type { EnvironmentInputs } from '../validation/check-environment.js';
import { checkRunnableShape } from '../validation/check-runnable-shape.js';
import { formatProblem, type Problem } from '../validation/problem.js';
import { validateExperiment } from '../validation/validate-experiment.js';
import { loadExperimentDocument } from './load-experiment-document.js';
import { refuseRemoteCode } from './remote-code.js';

export interface LoadExperimentOptions {
  cwd: string;
  /** Resolves the experiment's activities (validation) and the global controls' modules. */
  resolver: ActivityResolver;
  env?: Readonly<Record<string, string | undefined>>;
  settings?: Settings;
  /**
   * Global controls (settings, `--control-file`): their `before_loading_experiment_control` and
   * `after_loading_experiment_control` hooks run around the loading, as Chaos Toolkit's loader does.
   * Their modules resolve from `cwd`. An experiment's own controls are not known before it is loaded.
   */
  controls?: readonly ControlDeclaration[];
  logger?: Logger;
  /** false: skip validation (`--no-validation`); the document must still have a runnable shape. */
  validate?: boolean;
  /** false: accept any certificate for an https experiment URL (`--no-verify-tls`). */
  verifyTls?: boolean;
  /** The environment and `--var` values the run will see: unset `{type: env}` entries are errors. */
  environment?: EnvironmentInputs;
  /** A URL experiment may name code of its own (`--allow-remote-code`). */
  allowRemoteCode?: boolean;
}

export interface LoadedExperiment {
  experiment: Experiment;
  /** Directory relative module paths and files resolve from (cwd for URLs). */
  baseDir: string;
  /** Path or URL the experiment was loaded from (`runExperiment`'s `source`). */
  source: string;
  warnings: Problem[];
}

/**
 * Load → parse → validate an experiment (a path or an http(s) URL), with the global controls'
 * loading hooks around it: what `faultline run` does before `runExperiment`, so a program gets the
 * same. Collects every problem and throws one UsageError (exit 64) listing them all, with
 * file:line:column, when any is an error.
 */
export async function loadExperiment(location: string, options: LoadExperimentOptions): Promise<LoadedExperiment> {
  const settings = options.settings ?? {};
  const controls = options.controls?.length ? await loadControls(options.controls, options.resolver, options.cwd) : [];
  const hookEnv: HookEnvironment = {
    experiment: undefined,
    configuration: {},
    secrets: {},
    settings,
    logger: options.logger ?? silentLogger,
    runId: '',
    interrupt: () => {},
  };
  await callHook(controls, 'before_loading_experiment_control', hookEnv, location);
  const loaded = await loadAndValidate(location, options, settings);
  await callHook(
    controls,
    'after_loading_experiment_control',
    { ...hookEnv, experiment: loaded.experiment },
    loaded.experiment,
  );
  return loaded;
}

async function loadAndValidate(
  location: string,
  options: LoadExperimentOptions,
  settings: Settings,
): Promise<LoadedExperiment> {
  const loader = loaderSettings(settings);
  const document = await loadExperimentDocument(location, {
    cwd: options.cwd,
    env: options.env,
    bearerToken: bearerTokenFor(location, settings),
    verifyTls: options.verifyTls,
    allowedRedirectHosts: loader.allowedRedirectHosts,
  });
  const where = document.source.location;
  if (document.remote && !options.allowRemoteCode && !loader.allowRemoteCode)
    refuseRemoteCode(document.value, options.resolver, where);
  if (options.validate === false) {
    checkRunnableShape(document.value, where);
    return { experiment: document.value as Experiment, baseDir: document.baseDir, source: where, warnings: [] };
  }
  const result = await validateExperiment(document.value, {
    source: document.source,
    resolver: options.resolver,
    baseDir: document.baseDir,
    environment: options.environment,
  });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length || !result.experiment) {
    const lines = result.problems.map((p) => `  ${formatProblem(p, where)}`);
    throw new UsageError(
      `${where} is not a valid experiment (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      { code: 'E_INVALID_EXPERIMENT' },
    );
  }
  return {
    experiment: result.experiment,
    baseDir: document.baseDir,
    source: where,
    warnings: result.problems.filter((p) => p.severity === 'warning'),
  };
}
