import {
  experimentBaseDir,
  loadExperiment,
  type ActivityResolver,
  type LoadedExperiment,
  type LoadExperimentOptions,
} from '@faultline/core';
import { createResolver } from './create-resolver.js';

/**
 * Core's `loadExperiment` with the CLI's drivers: shared by `run`, `validate`, `schedule`,
 * `gameday` and the demo. Without a resolver, one is made (native drivers, then the Python bridge)
 * and returned for the run; the caller closes it, except on an invalid experiment (closed here).
 */
export async function loadAndValidate(
  location: string,
  options: Omit<LoadExperimentOptions, 'resolver' | 'env' | 'settings'> & {
    env: Readonly<Record<string, string | undefined>>;
    settings: Record<string, unknown>;
    resolver?: ActivityResolver;
  },
): Promise<LoadedExperiment & { resolver: ActivityResolver }> {
  const resolver =
    options.resolver ?? createResolver({ ...options, baseDir: experimentBaseDir(location, options.cwd) });
  try {
    return { ...(await loadExperiment(location, { ...options, resolver })), resolver };
  } catch (error) {
    if (!options.resolver) await resolver.close();
    throw error;
  }
}
