import { exitCodes } from '../errors/exit-codes.js';
import { FaultlineError, InterruptedError, UsageError } from '../errors/faultline-error.js';
import type { Experiment, Provider } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { substitute } from '../substitution/substitute.js';
import { convertToType } from '../vars/convert-to-type.js';

export interface ResolveConfigurationOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** `--var` / `--var-file` values: they override declared keys (even a whole `{type: env}` entry). */
  vars?: Readonly<Record<string, unknown>>;
  /**
   * Runs the provider of a dynamic configuration entry (`{type: probe, provider}`), already
   * substituted with the configuration resolved so far (and `secrets`). `name` is the probe's name.
   */
  runProbe?: (provider: Provider, configuration: Record<string, unknown>, name: string) => Promise<unknown>;
  /** Secrets, for substituting dynamic configuration providers (resolve secrets first). */
  secrets?: Readonly<Record<string, unknown>>;
  /** Told when a dynamic configuration entry could not be loaded (the key is then left out). */
  onWarning?: (message: string) => void;
}

/**
 * Resolves an experiment's configuration like Chaos Toolkit's `load_configuration` followed by
 * `load_dynamic_configuration`: plain values as is, `{type: env, key, default?, env_var_type?}` from
 * the environment, `{type: probe, ...}` from a probe's output (http → body, process → trimmed stdout
 * of a zero exit, other providers → their return value), in declaration order so a probe can use the
 * keys before it. `vars` override declared keys; unlike Chaos Toolkit, vars for undeclared keys are
 * added too (so `--var` can feed `${name}` without a configuration block).
 *
 * A dynamic entry that fails is left out with a warning, as in Chaos Toolkit. The experiment is never
 * mutated (Chaos Toolkit writes all secrets into the probe declaration, which then reaches the journal).
 */
export async function resolveConfiguration(
  declared: Experiment['configuration'],
  options: ResolveConfigurationOptions,
): Promise<Record<string, unknown>> {
  const vars: Record<string, unknown> = { ...(options.vars ?? {}) };
  const staged: Array<[string, unknown, boolean]> = [];

  for (const [key, declaredValue] of Object.entries(declared ?? {})) {
    let value: unknown = declaredValue;
    if (Object.prototype.hasOwnProperty.call(vars, key)) {
      value = vars[key];
      delete vars[key];
    }
    if (isPlainObject(value) && value.type === 'env') staged.push([key, fromEnv(key, value, options.env), false]);
    else if (isPlainObject(value) && value.type === 'probe') staged.push([key, value, true]);
    else staged.push([key, value, false]);
  }
  for (const [key, value] of Object.entries(vars)) {
    staged.push([key, isPlainObject(value) && value.type === 'env' ? fromEnv(key, value, options.env) : value, false]);
  }

  const configuration: Record<string, unknown> = {};
  for (const [key, value, dynamic] of staged) {
    if (!dynamic) {
      configuration[key] = value;
      continue;
    }
    try {
      configuration[key] = await fromProbe(key, value as Record<string, unknown>, configuration, options);
    } catch (error) {
      if (
        error instanceof InterruptedError ||
        (error instanceof FaultlineError && error.exitCode === exitCodes.invalid)
      )
        throw error;
      options.onWarning?.(
        `dynamic configuration "${key}" could not be loaded and is left out: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }
  return configuration;
}

function fromEnv(
  key: string,
  entry: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): unknown {
  const envKey = entry.key;
  if (typeof envKey !== 'string' || envKey === '') {
    throw new UsageError(`configuration "${key}" has type env but no "key" naming the environment variable`);
  }
  const fromEnvironment = env[envKey];
  if (fromEnvironment === undefined && !('default' in entry)) {
    throw new UsageError(`configuration "${key}" reads environment variable ${envKey}, which is not set`, {
      code: 'E_CONFIG_ENV_MISSING',
      hint: `export ${envKey}, give the entry a "default", or pass --var ${key}=...`,
    });
  }
  const type = entry.env_var_type;
  return convertToType(
    typeof type === 'string' ? type : undefined,
    fromEnvironment ?? entry.default,
    `configuration "${key}" (from ${envKey})`,
  );
}

async function fromProbe(
  key: string,
  entry: Record<string, unknown>,
  soFar: Record<string, unknown>,
  options: ResolveConfigurationOptions,
): Promise<unknown> {
  const name = typeof entry.name === 'string' ? entry.name : key;
  if (!isPlainObject(entry.provider) || typeof entry.provider.type !== 'string') {
    throw new UsageError(`dynamic configuration "${key}" needs a provider`);
  }
  if (!options.runProbe) {
    throw new UsageError(`dynamic configuration "${key}" needs a probe runner`, {
      hint: 'pass runProbe to resolveConfiguration',
    });
  }
  const provider = substitute(entry.provider, soFar, options.secrets ?? {}) as unknown as Provider;
  const output = await options.runProbe(provider, { ...soFar }, name);
  switch (provider.type) {
    case 'process': {
      const result = output as { status?: unknown; stdout?: unknown; stderr?: unknown };
      if (result?.status !== 0) {
        throw new Error(
          `probe "${name}" exited with ${String(result?.status)}: ${String(result?.stderr ?? '').trim()}`,
        );
      }
      return String(result.stdout ?? '').trim();
    }
    case 'http':
      return (output as { body?: unknown })?.body;
    default:
      return output;
  }
}
