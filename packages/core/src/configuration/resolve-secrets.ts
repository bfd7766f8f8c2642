import { UsageError } from '../errors/faultline-error.js';
import type { Experiment } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { convertToType } from '../vars/convert-to-type.js';

export interface ResolveSecretsOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** `--var-file` secrets, `{scope: {name: value}}`: they override declared secrets name by name. */
  vars?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * Resolves an experiment's secrets like Chaos Toolkit's `load_secrets`: inline values as is,
 * `{type: env, key}` from the environment (a missing variable is an error; Faultline also accepts a
 * `default`), nested mappings recursively. Vault secrets are not supported (a clear error).
 *
 * Differences: var-file secrets override name by name (Chaos Toolkit replaces the whole scope), and
 * scopes only present in the var file are added.
 */
export function resolveSecrets(
  declared: Experiment['secrets'],
  options: ResolveSecretsOptions,
): Record<string, Record<string, unknown>> {
  const vars = options.vars ?? {};
  const secrets: Record<string, Record<string, unknown>> = {};
  for (const [scope, entries] of Object.entries(declared ?? {})) {
    if (!isPlainObject(entries)) {
      throw new UsageError(`secrets "${scope}" must be a scope: a mapping of secret names to values`, {
        hint: `secrets:\n  ${scope}:\n    token: {type: env, key: MY_TOKEN}`,
      });
    }
    if (
      typeof entries.type === 'string' &&
      (entries.type === 'env' || entries.type === 'vault') &&
      'key' in entries &&
      Object.keys(entries).every((k) => ['type', 'key', 'default', 'path'].includes(k))
    ) {
      throw new UsageError(`secrets "${scope}" looks like a single secret, but secrets are grouped in scopes`, {
        hint: `secrets:\n  my-scope:\n    ${scope}: {type: ${entries.type}, key: ${String(entries.key)}}`,
      });
    }
    const overrides = isPlainObject(vars[scope]) ? vars[scope]! : {};
    const resolved: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(entries)) {
      // A var-file secret may itself be `{type: env, key}`: resolved like a declared one.
      resolved[name] = resolveValue(
        Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : value,
        `${scope}.${name}`,
        options.env,
      );
    }
    for (const [name, value] of Object.entries(overrides))
      if (!(name in resolved)) resolved[name] = resolveValue(value, `${scope}.${name}`, options.env);
    secrets[scope] = resolved;
  }
  for (const [scope, overrides] of Object.entries(vars)) {
    if (scope in secrets || !isPlainObject(overrides)) continue;
    secrets[scope] = Object.fromEntries(
      Object.entries(overrides).map(([name, value]) => [name, resolveValue(value, `${scope}.${name}`, options.env)]),
    );
  }
  return secrets;
}

function resolveValue(value: unknown, where: string, env: Readonly<Record<string, string | undefined>>): unknown {
  if (!isPlainObject(value)) return value;
  if (value.type === 'env') {
    const key = value.key;
    if (typeof key !== 'string' || key === '')
      throw new UsageError(`secret ${where} has type env but no "key" naming the environment variable`);
    const found = env[key];
    if (found === undefined && !('default' in value)) {
      throw new UsageError(`secret ${where} reads environment variable ${key}, which is not set`, {
        code: 'E_SECRET_ENV_MISSING',
        hint: `export ${key} before running, or pass it in a --var-file under secrets`,
      });
    }
    const type = value.env_var_type;
    return convertToType(
      typeof type === 'string' ? type : undefined,
      found ?? value.default,
      `secret ${where} (from ${key})`,
    );
  }
  if (value.type === 'vault') {
    throw new UsageError(`secret ${where} uses a Vault secret, which Faultline does not support`, {
      code: 'E_SECRET_VAULT',
      hint: 'export the value into an environment variable (e.g. with `vault kv get -field=...`) and use {type: env, key: ...}',
    });
  }
  const nested: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) nested[name] = resolveValue(item, `${where}.${name}`, env);
  return nested;
}
