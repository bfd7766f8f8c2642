import { isSensitiveKey, parseVarFlag, redactionPlaceholder } from '@faultline/core';
import { HttpError } from '../http-util.js';
import type { LibraryEntry } from './experiment-library.js';

export interface LaunchRequest {
  dry: boolean;
  vars: string[];
  varNames: string[];
  varFile?: string;
}

/** A library run may not carry a novel: a few settings, not a data file. */
const maxVars = 100;

/**
 * The Run form of a library entry: `vars` holds `key[:type]=value` lines, checked with core's
 * parseVarFlag as `faultline run --var` does, and `varFile` one of the entry's var files. A bad
 * line is a 400 naming it; a value whose key looks secret never appears in that answer.
 */
export function launchRequestOf(form: URLSearchParams, entry: LibraryEntry): LaunchRequest {
  const vars = (form.get('vars') ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (vars.length > maxVars) throw new HttpError(400, `at most ${maxVars} --var entries`);
  const varNames = vars.map((line, index) => {
    try {
      return parseVarFlag(line)[0];
    } catch (error) {
      throw new HttpError(400, `--var line ${index + 1}: ${masked(line, (error as Error).message)}`);
    }
  });
  const varFile = form.get('varFile') || undefined;
  if (varFile !== undefined && !entry.varFiles?.includes(varFile))
    throw new HttpError(400, `no var file "${varFile}" beside ${entry.path}`);
  return { dry: form.get('dry') === '1', vars, varNames, varFile };
}

/** The error of a line whose key looks secret, without its value (the same rule as every output). */
function masked(line: string, message: string): string {
  const eq = line.indexOf('=');
  const key = eq < 0 ? line : line.slice(0, eq);
  if (!isSensitiveKey(key.replace(/:[^:]*$/, ''))) return message;
  if (eq < 0) return `a secret-looking entry has no value (write name=value)`;
  const value = line.slice(eq + 1);
  if (value.trim() === '') return message;
  return [value, value.trim(), JSON.stringify(value).slice(1, -1), JSON.stringify(value.trim()).slice(1, -1)].reduce(
    (text, secret) => text.split(secret).join(redactionPlaceholder),
    message,
  );
}
