import type { Experiment } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { normalizeKey, sensitiveKeySet } from './sensitive-keys.js';

/**
 * Configuration keys whose resolved values must be treated as secrets, for `createRedactor`:
 * - dynamic entries (`{type: probe}`) whose provider lists secret scopes or refers to a secret
 *   name with `${name}`/`$name` (their output is derived from secrets);
 * - entries read from the environment whose key looks secret (token, password, api_key…) or
 *   contains secret/token/password/credential.
 */
export function secretConfigurationKeys(experiment: Pick<Experiment, 'configuration' | 'secrets'>): string[] {
  const secretNames = new Set<string>();
  for (const entries of Object.values(experiment.secrets ?? {})) {
    if (isPlainObject(entries)) Object.keys(entries).forEach((name) => secretNames.add(name));
  }
  const sensitive = sensitiveKeySet();
  const keys: string[] = [];
  for (const [key, value] of Object.entries(experiment.configuration ?? {})) {
    if (!isPlainObject(value)) continue;
    if (value.type === 'probe' && isPlainObject(value.provider)) {
      const listed = Array.isArray(value.provider.secrets) && value.provider.secrets.length > 0;
      const text = JSON.stringify(value.provider);
      const refers = [...text.matchAll(/\$\{?([_a-z][_a-z0-9]*)/gi)].some((m) => secretNames.has(m[1]!));
      if (listed || refers) keys.push(key);
    } else if (value.type === 'env') {
      if (sensitive.has(normalizeKey(key)) || /secret|token|passw|credential|apikey|api_key/i.test(key)) keys.push(key);
    }
  }
  return keys;
}
