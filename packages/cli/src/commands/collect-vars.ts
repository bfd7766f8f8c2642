import { resolve } from 'node:path';
import { loadVarFile, parseVarFlag } from '@faultline/core';

/** `--var-file` files first, then `--var` flags, which win. */
export async function collectVars(varFlags: string[], varFiles: string[], cwd: string) {
  const configuration: Record<string, unknown> = {};
  const secrets: Record<string, Record<string, unknown>> = {};
  for (const file of varFiles) {
    const loaded = await loadVarFile(resolve(cwd, file));
    Object.assign(configuration, loaded.configuration);
    for (const [scope, values] of Object.entries(loaded.secrets)) secrets[scope] = { ...(secrets[scope] ?? {}), ...values };
  }
  for (const flag of varFlags) {
    const [key, value] = parseVarFlag(flag);
    configuration[key] = value;
  }
  return { configuration, secrets };
}
