import { isPlainObject } from '../substitution/is-plain-object.js';

/**
 * Python's `==` on JSON-like values, which Chaos Toolkit tolerances use: booleans compare as 0/1
 * (`True == 1`), lists and dicts compare deeply, everything else strictly.
 */
export function pythonEquals(left: unknown, right: unknown): boolean {
  const a = left === undefined ? null : left;
  const b = right === undefined ? null : right;
  const na = asPythonNumber(a);
  const nb = asPythonNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => pythonEquals(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && pythonEquals(a[key], b[key]));
  }
  return a === b;
}

/** Python's `value in list`. */
export function pythonIn(value: unknown, list: readonly unknown[]): boolean {
  return list.some((item) => pythonEquals(value, item));
}

/** Python's `bool(value)`: empty strings, lists, dicts, 0, None and False are false. NaN is true. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function asPythonNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}
