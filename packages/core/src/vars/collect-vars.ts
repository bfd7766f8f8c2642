import { resolve } from 'node:path';
import { loadVarFile, type VarFile } from './load-var-file.js';
import { parseVarFlag } from './parse-var-flag.js';

/**
 * Chaos Toolkit's `merge_vars`: var files in order (a later file overrides an earlier one), then
 * `--var` flags, which only feed configuration and override everything. Secrets merge name by name
 * within a scope. `env` holds the variables of `.env` files, to add to the environment used for
 * `{type: env}` entries and for process providers (Chaos Toolkit writes them into os.environ).
 */
export async function collectVars(input: {
  vars?: readonly string[];
  varFiles?: readonly string[];
  /** Relative var-file paths are read from here (default: the process's working directory). */
  cwd?: string;
}): Promise<VarFile> {
  const merged: VarFile = { configuration: {}, secrets: {}, env: {} };
  for (const path of input.varFiles ?? []) {
    const file = await loadVarFile(resolve(input.cwd ?? process.cwd(), path));
    Object.assign(merged.configuration, file.configuration);
    Object.assign(merged.env, file.env);
    for (const [scope, entries] of Object.entries(file.secrets)) {
      merged.secrets[scope] = { ...(merged.secrets[scope] ?? {}), ...entries };
    }
  }
  for (const flag of input.vars ?? []) {
    const [key, value] = parseVarFlag(flag);
    merged.configuration[key] = value;
  }
  return merged;
}
