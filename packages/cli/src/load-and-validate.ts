import {
  bearerTokenFor,
  type ActivityResolver,
  type EnvironmentInputs,
  type Logger,
  checkRunnableShape,
  formatProblem,
  loadExperimentDocument,
  loaderSettings,
  refuseRemoteCode,
  UsageError,
  validateExperiment,
  type Experiment,
  type Problem,
} from '@faultline/core';
import { createResolver } from './create-resolver.js';

export interface LoadedExperiment {
  experiment: Experiment;
  baseDir: string;
  location: string;
  resolver: ActivityResolver;
  warnings: Problem[];
}

/**
 * Load → parse → validate, shared by `run` and `validate`. Collects every problem; throws one
 * UsageError listing them all (with file:line:column) when any is an error.
 */
export async function loadAndValidate(
  location: string,
  options: {
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    settings: Record<string, unknown>;
    validate?: boolean;
    verifyTls?: boolean;
    logger?: Logger;
    /** Use this resolver (the caller closes it) instead of creating one. */
    resolver?: ActivityResolver;
    /** The environment and --var values the run will see: unset `{type: env}` entries are errors. */
    environment?: EnvironmentInputs;
    /** `--allow-remote-code`: a URL experiment may name code of its own. */
    allowRemoteCode?: boolean;
  },
): Promise<LoadedExperiment> {
  const loader = loaderSettings(options.settings);
  const document = await loadExperimentDocument(location, {
    cwd: options.cwd,
    env: options.env,
    bearerToken: bearerTokenFor(location, options.settings),
    verifyTls: options.verifyTls,
    allowedRedirectHosts: loader.allowedRedirectHosts,
  });
  // The caller closes it (it may hold a Python bridge); on an invalid experiment it is closed here.
  const resolver = options.resolver ?? createResolver({ ...options, baseDir: document.baseDir });
  try {
    if (document.remote && !options.allowRemoteCode && !loader.allowRemoteCode)
      refuseRemoteCode(document.value, resolver, document.source.location);
    if (options.validate === false) checkRunnableShape(document.value, document.source.location);
  } catch (error) {
    if (!options.resolver) await resolver.close();
    throw error;
  }
  if (options.validate === false) {
    return {
      experiment: document.value as Experiment,
      baseDir: document.baseDir,
      location: document.source.location,
      resolver,
      warnings: [],
    };
  }
  const result = await validateExperiment(document.value, {
    source: document.source,
    resolver,
    baseDir: document.baseDir,
    environment: options.environment,
  });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length || !result.experiment) {
    if (!options.resolver) await resolver.close();
    const lines = result.problems.map((p) => `  ${formatProblem(p, document.source.location)}`);
    throw new UsageError(
      `${document.source.location} is not a valid experiment (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      {
        code: 'E_INVALID_EXPERIMENT',
      },
    );
  }
  return {
    experiment: result.experiment,
    baseDir: document.baseDir,
    location: document.source.location,
    resolver,
    warnings: result.problems.filter((p) => p.severity === 'warning'),
  };
}
