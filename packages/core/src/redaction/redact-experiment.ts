import type { Experiment } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { redacted } from './sensitive-keys.js';

/**
 * A copy of an experiment fit for the journal: inline secret values (and defaults of env secrets)
 * become "***", references (`{type: env, key}`) stay readable, and any `provider.secrets` that holds
 * values instead of a list of scope names is blanked — Chaos Toolkit injects every secret into the
 * declarations of dynamic configuration probes, which is how its journals leak them.
 */
export function redactExperiment<T extends Experiment | Record<string, unknown>>(experiment: T): T {
  const copy = structuredClone(experiment) as Record<string, unknown>;
  if (isPlainObject(copy.secrets)) {
    for (const [scope, entries] of Object.entries(copy.secrets)) {
      copy.secrets[scope] = isPlainObject(entries) ? redactSecretEntries(entries) : redacted;
    }
  }
  blankInjectedSecrets(copy);
  return copy as T;
}

function redactSecretEntries(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entries)) out[name] = redactSecretValue(value);
  return out;
}

function redactSecretValue(value: unknown): unknown {
  if (isPlainObject(value)) {
    if (value.type === 'env' || value.type === 'vault') {
      return 'default' in value ? { ...value, default: redacted } : value;
    }
    return redactSecretEntries(value);
  }
  if (value === null || value === undefined || value === '') return value;
  return redacted;
}

function blankInjectedSecrets(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(blankInjectedSecrets);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'provider' && isPlainObject(item) && item.secrets !== undefined && !isScopeList(item.secrets)) {
      item.secrets = redacted;
    }
    blankInjectedSecrets(item);
  }
}

function isScopeList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
