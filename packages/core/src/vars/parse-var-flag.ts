import { UsageError } from '../errors/faultline-error.js';
import { convertToType } from './convert-to-type.js';

/**
 * Reads one `--var key[:type]=value` flag (Chaos Toolkit's `convert_vars`): the value is split at the
 * first `=`, the type at the last `:` of the key. Types: str (default), int, float, bool, json, bytes.
 */
export function parseVarFlag(flag: string): [key: string, value: unknown] {
  const eq = flag.indexOf('=');
  if (eq < 0) {
    throw new UsageError(`--var "${flag}" has no value`, {
      hint: 'write --var name=value or --var name:type=value (type: str, int, float, bool, json)',
    });
  }
  let key = flag.slice(0, eq);
  const raw = flag.slice(eq + 1);
  let type: string | undefined;
  const colon = key.lastIndexOf(':');
  if (colon >= 0) {
    type = key.slice(colon + 1);
    key = key.slice(0, colon);
  }
  if (key.trim() === '') throw new UsageError(`--var "${flag}" has no name`, { hint: 'write --var name=value' });
  return [key, convertToType(type, raw, `--var ${key}`)];
}
