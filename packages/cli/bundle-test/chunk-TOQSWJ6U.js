import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  loadVarFile,
  parseVarFlag
} from "./chunk-CKIXTYGO.js";

// packages/cli/dist/commands/collect-vars.js
import { resolve } from "node:path";
async function collectVars(varFlags, varFiles, cwd) {
  const configuration = {};
  const secrets = {};
  for (const file of varFiles) {
    const loaded = await loadVarFile(resolve(cwd, file));
    Object.assign(configuration, loaded.configuration);
    for (const [scope, values] of Object.entries(loaded.secrets))
      secrets[scope] = { ...secrets[scope] ?? {}, ...values };
  }
  for (const flag of varFlags) {
    const [key, value] = parseVarFlag(flag);
    configuration[key] = value;
  }
  return { configuration, secrets };
}

export {
  collectVars
};
