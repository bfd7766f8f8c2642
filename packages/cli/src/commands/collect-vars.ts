import { resolve } from 'node:path';
import { loadVarFile, parseVarFlag } from '@faultline/core';

/** `--var-file` files first, then `--var` flags, which win. */
export async function collectVars(varFlags: string[], varFiles: string[], cwd: string) {
  const configuration: Record<string, unknown> = {};
  const secrets: Record<string, Record<string, unknown>> = {};
  // .env files also feed `{type: env}` configuration, as Chaos Toolkit does.
  const env: Record<string, string> = {};
  for (const file of varFiles) {
    const loaded = await loadVarFile(resolve(cwd, file));
    Object.assign(configuration, loaded.configuration);
    Object.assign(env, loaded.env);
    for (const [scope, values] of Object.entries(loaded.secrets))
      secrets[scope] = { ...(secrets[scope] ?? {}), ...values };
  }
  for (const flag of varFlags) {
    const [key, value] = parseVarFlag(flag);
    configuration[key] = value;
  }
  return { configuration, secrets, env };
}
