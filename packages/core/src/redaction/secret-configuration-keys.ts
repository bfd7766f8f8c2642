import type { Experiment } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { isSensitiveKey } from './sensitive-keys.js';

/**
 * Configuration keys whose resolved values must be treated as secrets, for `createRedactor`:
 * - dynamic entries (`{type: probe}`) whose provider lists secret scopes or refers to a secret
 *   name with `${name}`/`$name` (their output is derived from secrets);
 * - entries whose key looks secret by the one rule (isSensitiveKey: db_password, user_credentials,
 *   api_key…), whether literal or read from the environment.
 */
export function secretConfigurationKeys(experiment: Pick<Experiment, 'configuration' | 'secrets'>): string[] {
  const secretNames = new Set<string>();
  for (const entries of Object.values(experiment.secrets ?? {})) {
    if (isPlainObject(entries)) Object.keys(entries).forEach((name) => secretNames.add(name));
  }
  const keys: string[] = [];
  for (const [key, value] of Object.entries(experiment.configuration ?? {})) {
    if (isSensitiveKey(key)) {
      keys.push(key);
      continue;
    }
    if (!isPlainObject(value)) continue;
    if (value.type === 'probe' && isPlainObject(value.provider)) {
      const listed = Array.isArray(value.provider.secrets) && value.provider.secrets.length > 0;
      const text = JSON.stringify(value.provider);
      const refers = [...text.matchAll(/\$\{?([_a-z][_a-z0-9]*)/gi)].some((m) => secretNames.has(m[1]!));
      if (listed || refers) keys.push(key);
    }
  }
  return keys;
}
