import type { DocumentPath } from '../loader/experiment-source.js';
import { isPlainObject } from '../substitution/is-plain-object.js';

export interface EnvironmentInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** `--var` / `--var-file` values: a key they set needs no environment variable. */
  vars?: { configuration?: Record<string, unknown>; secrets?: Record<string, Record<string, unknown>> };
}

/**
 * As Chaos Toolkit's validation (load_configuration / load_secrets): a `{type: env}` configuration
 * entry or secret without a default whose variable is unset, and that no --var sets, is an error
 * before anything runs rather than a surprise in the middle of the run.
 */
export function checkEnvironment(
  experiment: Record<string, unknown>,
  inputs: EnvironmentInputs,
  error: (path: DocumentPath, message: string, hint?: string) => void,
): void {
  const unset = (entry: unknown): string | undefined =>
    isPlainObject(entry) &&
    entry.type === 'env' &&
    typeof entry.key === 'string' &&
    !('default' in entry) &&
    inputs.env[entry.key] === undefined
      ? entry.key
      : undefined;
  const configuration = experiment.configuration;
  if (isPlainObject(configuration)) {
    for (const [name, entry] of Object.entries(configuration)) {
      const key = unset(entry);
      if (key && !(name in (inputs.vars?.configuration ?? {})))
        error(
          ['configuration', name, 'key'],
          `configuration "${name}" reads the environment variable ${key}, which is not set`,
          `export ${key}, give the entry a "default", or pass --var ${name}=…`,
        );
    }
  }
  const secrets = experiment.secrets;
  if (!isPlainObject(secrets)) return;
  for (const [scope, values] of Object.entries(secrets)) {
    if (!isPlainObject(values)) continue;
    for (const [name, entry] of Object.entries(values)) {
      const key = unset(entry);
      if (key && !(name in (inputs.vars?.secrets?.[scope] ?? {})))
        error(
          ['secrets', scope, name, 'key'],
          `secret ${scope}.${name} reads the environment variable ${key}, which is not set`,
          `export ${key}, or set it in a --var-file`,
        );
    }
  }
}
