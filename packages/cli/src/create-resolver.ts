import { ActivityResolver, type Logger } from '@faultline/core';
import { knownDrivers } from './known-drivers.js';

/**
 * The resolver of one command: native drivers first, then a Python bridge (one interpreter per
 * run) for any other `type: python` module. The experiment's folder and the working directory go
 * first on sys.path, so modules shipped next to the experiment import as under Chaos Toolkit.
 */
export function createResolver(options: {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  settings: Record<string, unknown>;
  baseDir?: string;
  logger?: Logger;
}): ActivityResolver {
  const python = options.settings.python as { interpreter?: unknown } | undefined;
  const paths = [...new Set([options.baseDir, options.cwd].filter((p): p is string => Boolean(p)))];
  return new ActivityResolver(knownDrivers, {
    python: {
      interpreter: typeof python?.interpreter === 'string' ? python.interpreter : undefined,
      env: options.env,
      cwd: options.cwd,
      paths,
      logger: options.logger,
    },
  });
}
